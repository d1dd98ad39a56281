import { seedBase, type SeedItem } from './item.ts'
import { mediaPath } from './media.ts'
import { scormDemoPackage, scormDemoTitle } from './scorm-package.ts'
import type { Region } from './tenants.ts'
import { doc, h2, p, ul } from './text.ts'

/** The edition whose demo includes a SCORM course. */
export const scormDemoTenant = 'ostfold'

/**
 * One published SCORM course (issue 11's demo content): the package made in scorm-package.ts goes into Østfold's
 * media library through the upload's own path (functions/media/import.ts: verified, checked entry by entry and
 * unpacked by the same code as the media worker), and the course plays it.
 */
export function scormCourses(region: Region): SeedItem[] {
  if (region.tenant.id !== scormDemoTenant) return []
  const base = seedBase(
    region,
    'e-kurs',
    {
      title: scormDemoTitle,
      summary: 'Et kort kurs om når og hvordan du utfører håndhygiene, med en test på fem spørsmål. Kurset er en SCORM-pakke som kjøres i nettleseren.',
      topics: ['smittevern', 'pasientsikkerhet'],
      audiences: ['kommune', 'sykehus', 'student'],
    },
    doc(
      p('Hendene er den vanligste smitteveien i helsetjenesten. Kurset viser de fem situasjonene der du skal utføre håndhygiene, og hvordan du gjør det riktig.'),
      h2('Praktisk informasjon'),
      ul(
        'Kurset tar omtrent 15 minutter.',
        'Du må ha minst fire av fem riktige på testen for å bestå og få kursbevis.',
        'Fremdriften lagres bare i nettleseren din. Kurset er gratis og krever ingen innlogging.',
      ),
    ),
  )
  const key = base.key('haandhygiene-scorm.zip')
  return [
    {
      fields: {
        type: 'e-kurs',
        ...base.fields,
        durationMinutes: 15,
        learningGoals: ['Kjenne de fem situasjonene for håndhygiene', 'Utføre hånddesinfeksjon riktig', 'Vite når såpe og vann trengs i stedet for desinfeksjon'],
        delivery: 'scorm',
        scorm: { src: mediaPath(key), validityMonths: 24 },
        provider: `${region.hospital}`,
        hasExam: false,
        revisedOn: '2026-01-15',
      },
      media: [...base.media, { key, contentType: 'application/zip', body: scormDemoPackage }],
    },
  ]
}

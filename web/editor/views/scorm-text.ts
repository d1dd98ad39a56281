import type { ScormFacts } from '../../../functions/media/scorm-schema.ts'

/** The workspace's words about SCORM packages, in bokmål, in one place. */
export const scormText = {
  delivery: 'Her på Kompetansebroen som SCORM-pakke',
  package: 'SCORM-pakke',
  packageHint:
    'Last opp kurset som en SCORM 1.2- eller SCORM 2004-pakke (.zip med imsmanifest.xml i roten), eller velg en som er lastet opp. Pakken kontrolleres fil for fil og pakkes ut før den kan brukes; en pakke som avvises, får en forklaring.',
  choose: 'Velg eller last opp SCORM-pakke',
  change: 'Bytt SCORM-pakke',
  title: 'Tittel i pakken',
  version: 'Versjon',
  files: 'Filer',
  launch: 'Startside',
  mastery: 'Krav for å bestå',
  masteryDefault: '80 % (pakken oppgir ikke noe krav)',
  validity: 'Kursbeviset gjelder i antall måneder (valgfritt)',
  validityHint: 'Tomt betyr at kursbeviset ikke utløper.',
  verdict: (facts: Pick<ScormFacts, 'version' | 'fileCount'>) => `SCORM ${facts.version} · ${facts.fileCount} filer`,
} as const

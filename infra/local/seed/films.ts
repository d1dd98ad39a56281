import { seedBase, type Draft, type DraftsByTenant, type SeedContext, type SeedItem } from './item.ts'
import { mediaPath } from './media.ts'
import type { Region } from './tenants.ts'
import { doc, h2, p } from './text.ts'
import { buildVtt } from './vtt.ts'

interface FilmDraft extends Draft {
  about: string
  producer: string
  /** A film hosted on YouTube instead of our own bucket (loaded only when the reader clicks play). */
  youtube?: { id: string; durationSeconds: number }
}

const drafts: DraftsByTenant<FilmDraft> = {
  nasjonal: [
    {
      title: 'Slik bruker du ISBAR når du ringer legen',
      summary: 'En sykepleier på sykehjem ringer legevakten om en beboer som er blitt dårligere. Se samtalen to ganger: uten og med ISBAR.',
      about: 'ISBAR står for identifikasjon, situasjon, bakgrunn, aktuell vurdering og råd. Filmen viser hvordan strukturen gjør det lettere å få fram det viktigste, og hvordan legen raskere kan ta en beslutning.',
      producer: 'Kompetansebroen og Akershus universitetssykehus',
      topics: ['kommunikasjon-og-samhandling', 'pasientsikkerhet', 'akuttmedisin'],
      audiences: ['kommune', 'sykehus', 'student'],
    },
    {
      title: 'Håndhygiene i fem situasjoner',
      summary: 'Når skal du vaske eller sprite hendene? En kort film om de fem situasjonene der håndhygiene er nødvendig.',
      about: 'Filmen går gjennom Verdens helseorganisasjons fem situasjoner for håndhygiene, med eksempler fra både sykehus og hjemmetjeneste.',
      producer: 'Kompetansebroen',
      topics: ['smittevern'],
      audiences: ['kommune', 'sykehus', 'student'],
      youtube: { id: 'KB-demo-001', durationSeconds: 214 },
    },
  ],
  akershus: [
    {
      title: 'Simulering: den akutt syke eldre pasienten',
      summary: 'Fra simuleringssenteret på Ahus: et team i hjemmetjenesten vurderer en eldre kvinne med feber og nyoppstått forvirring.',
      about: 'Filmen er tatt opp under et simuleringskurs der sykepleiere fra kommunene trener på systematisk vurdering med ABCDE og NEWS2. Etter scenariet ser du debriefingen, der teamet reflekterer over hva som gikk bra.',
      producer: 'Simuleringssenteret ved Akershus universitetssykehus',
      topics: ['akuttmedisin', 'eldres-helse'],
      audiences: ['kommune', 'sykehus'],
    },
    {
      title: 'Munnstell i livets siste fase',
      summary: 'God munnhygiene lindrer tørrhet og ubehag hos døende pasienter. Filmen viser munnstell steg for steg.',
      about: 'Munntørrhet er en av de vanligste plagene i livets siste dager. Filmen viser hvordan du vurderer munnhulen, hvilke hjelpemidler du kan bruke, og hvordan pårørende kan være med.',
      producer: 'Palliativt team ved Akershus universitetssykehus',
      topics: ['palliasjon'],
      audiences: ['kommune', 'sykehus', 'student'],
    },
  ],
  innlandet: [
    {
      title: 'Motiverende intervju om rus og psykisk helse',
      summary: 'Hvordan snakker du med en pasient som ikke ønsker å endre rusbruken? To erfarne terapeuter demonstrerer motiverende intervju.',
      about: 'Motiverende intervju er en samtalemetode som hjelper personen å finne sine egne grunner til endring. Filmen viser en samtale i en kommunal rus- og psykisk helsetjeneste, med kommentarer underveis.',
      producer: 'Sykehuset Innlandet, Divisjon psykisk helsevern, og Hamar kommune',
      topics: ['psykisk-helse-og-rus', 'kommunikasjon-og-samhandling'],
      audiences: ['kommune', 'sykehus', 'fastlege'],
      shared: true,
    },
    {
      title: 'Riktig bruk av inhalasjonsmedisiner',
      summary: 'Mange pasienter bruker inhalatoren feil. Se hvordan du veileder i bruk av pulverinhalator og spray med kammer.',
      about: 'Filmen viser de vanligste inhalatortypene og de feilene som oftest gjør at medisinen ikke virker. Den er laget for hjemmetjenesten og apotek, men passer også for pasienter og pårørende.',
      producer: 'Sykehuset Innlandet og NTNU Gjøvik',
      topics: ['kroniske-lidelser', 'legemiddelhandtering'],
      audiences: ['kommune', 'fastlege', 'student'],
    },
  ],
  vestfold: [
    {
      title: 'Forflytning med glidematte',
      summary: 'Skån ryggen og gi pasienten mer kontroll: slik bruker du glidematte når pasienten skal flyttes høyere opp i sengen.',
      about: 'Filmen viser forflytning etter prinsippene for forflytningskunnskap, der pasientens egne ressurser brukes så mye som mulig. Den er laget av fysioterapeuter ved Sykehuset i Vestfold og ergoterapeuter i Tønsberg kommune.',
      producer: 'Sykehuset i Vestfold og Tønsberg kommune',
      topics: ['rehabilitering', 'pasientsikkerhet'],
      audiences: ['kommune', 'sykehus', 'student'],
    },
    {
      title: 'Blodsukkermåling steg for steg',
      summary: 'Fra håndvask til dokumentasjon: en prosedyrefilm om kapillær blodsukkermåling.',
      about: 'Prosedyrefilmen viser kapillær blodsukkermåling slik den gjøres i hjemmetjenesten og på sykehjem, med vekt på hygiene og riktig dokumentasjon.',
      producer: 'Sykehuset i Vestfold',
      topics: ['diabetes'],
      audiences: ['kommune', 'student'],
    },
  ],
  ostfold: [
    {
      title: 'Hjerte- og lungeredning på sykehjem',
      summary: 'En beboer faller om i dagligstuen. Se hvordan personalet varsler, starter hjerte- og lungeredning og bruker hjertestarter.',
      about: 'Filmen er laget sammen med ambulansetjenesten ved Sykehuset Østfold og viser de første minuttene før ambulansen kommer. Den tar også opp hvordan personalet forholder seg til beslutninger om å ikke starte hjerte- og lungeredning.',
      producer: 'Sykehuset Østfold og Sarpsborg kommune',
      topics: ['akuttmedisin', 'hjerte-og-kar'],
      audiences: ['kommune', 'student'],
      shared: true,
    },
    {
      title: 'Sårskift ved venøse leggsår',
      summary: 'Rengjøring, hudpleie og kompresjonsbehandling ved venøse leggsår, vist av en sårsykepleier.',
      about: 'Venøse leggsår krever kompresjon for å gro. Filmen viser hele sårskiftet, fra vurdering av såret til påsetting av kompresjonsbandasje, og forklarer når pasienten bør henvises videre.',
      producer: 'Sårpoliklinikken ved Sykehuset Østfold',
      topics: ['sarbehandling'],
      audiences: ['kommune', 'sykehus'],
    },
  ],
}

// Pre-recorded video needs audio description (synstolking) or a reason it has none (forskrift om universell
// utforming av IKT-løsninger, WCAG 2.1 1.2.5); the demo film says aloud what the picture shows.
const noDescriptionNeeded =
  'Alt som vises i bildet blir også fortalt i lydsporet, så filmen trenger ingen egen synstolking (WCAG 2.1, suksesskriterium 1.2.5).'

export function films(region: Region, { fixtures }: SeedContext): SeedItem[] {
  const clip = fixtures.film
  return drafts[region.tenant.id].map((draft) => {
    const hosting = draft.youtube
      ? 'Filmen ligger på YouTube og lastes først når du trykker på avspillingsknappen, så ingen informasjonskapsler settes før du velger å se den.'
      : 'Filmen er tekstet, og den som snakker, er navngitt i tekstingen.'
    const base = seedBase(region, 'film', draft, doc(p(draft.about), h2('Om filmen'), p(`Filmen er laget av ${draft.producer}. ${hosting}`)))
    const poster = base.fields.image
    if (draft.youtube) {
      const video = { externalUrl: `https://www.youtube.com/watch?v=${draft.youtube.id}`, poster, durationSeconds: draft.youtube.durationSeconds }
      return { fields: { type: 'film', ...base.fields, video }, media: base.media }
    }
    const [videoKey, captionsKey] = [base.key(clip.fileName), base.key(clip.textFileName)]
    return {
      fields: {
        type: 'film',
        ...base.fields,
        video: {
          src: mediaPath(videoKey),
          poster,
          captions: mediaPath(captionsKey),
          audioDescriptionExemptReason: noDescriptionNeeded,
          durationSeconds: clip.durationSeconds,
        },
      },
      media: [
        ...base.media,
        { key: videoKey, contentType: clip.mimeType, body: clip.read },
        { key: captionsKey, contentType: 'text/vtt; charset=utf-8', body: () => buildVtt(clip.cues, `Teksting til «${draft.title}», ${region.tenant.name}.`) },
      ],
    }
  })
}

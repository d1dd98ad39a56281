import type { PodcastCategory } from '../../../functions/podcasts/categories.ts'
import { osloDay, osloInstant } from './dates.ts'
import { seedBase, type Draft, type DraftsByTenant, type SeedContext, type SeedItem } from './item.ts'
import { mediaKey, mediaPath, type MediaObject } from './media.ts'
import type { Region } from './tenants.ts'
import { doc, h2, p, slugify } from './text.ts'
import { buildVtt } from './vtt.ts'

interface PodcastDraft extends Draft {
  about: string
  host: string
  /** Apple Podcasts category; most are health. */
  category?: PodcastCategory
  episodes: Array<[title: string, summary: string]>
}

const drafts: DraftsByTenant<PodcastDraft> = {
  nasjonal: [
    {
      title: 'Broen – samtaler om samhandling',
      summary: 'Fagfolk fra sykehus og kommuner snakker om det som skjer i overgangene, og om hvordan de får samarbeidet til å fungere.',
      about: 'I Broen møter du sykepleiere, leger, terapeuter og ledere som jobber med pasientforløp på tvers av nivåene. Hver episode tar utgangspunkt i en konkret pasienthistorie.',
      host: 'Ingrid Solberg, rådgiver i Kompetansebroen',
      topics: ['kommunikasjon-og-samhandling', 'pasientsikkerhet'],
      audiences: ['kommune', 'sykehus', 'fastlege'],
      episodes: [
        ['Utskrivning en fredag ettermiddag', 'Hva skjer når pasienten skrives ut like før helgen? En sykepleier fra sykehuset og en fra hjemmetjenesten forteller hvordan de har endret rutinene.'],
        ['Fastlegen som brobygger', 'En fastlege forteller hvordan hun bruker e-meldinger og samarbeidsmøter for å holde tråden for pasienter med mange diagnoser.'],
        ['Pårørende som ressurs', 'Pårørende kjenner pasienten best. Vi snakker om hvordan tjenestene kan ta dem med i planleggingen uten å gi dem for mye ansvar.'],
      ],
    },
    {
      title: 'Fagprat om pasientsikkerhet',
      summary: 'Korte samtaler om uønskede hendelser, avvikslæring og tiltak som gjør behandlingen tryggere.',
      about: 'Fagprat om pasientsikkerhet gir deg kunnskap du kan bruke på neste vakt. Gjestene er fagfolk som har jobbet med forbedringsarbeid i egen tjeneste.',
      host: 'Martin Hagen, sykepleier og forbedringsrådgiver',
      category: 'Education',
      topics: ['pasientsikkerhet', 'legemiddelhandtering'],
      audiences: ['kommune', 'sykehus', 'student'],
      episodes: [
        ['Hva lærer vi egentlig av avvik?', 'Mange melder avvik, men få får høre hva som skjedde etterpå. Vi snakker om hvordan avvik kan bli til læring i hele tjenesten.'],
        ['Legemiddelsamstemming i praksis', 'En farmasøyt og en sykepleier forklarer hvordan en felles legemiddelliste hindrer feil når pasienten flytter mellom sykehus og kommune.'],
      ],
    },
  ],
  akershus: [
    {
      title: 'Demenspodden',
      summary: 'Om å leve med demens, og om å jobbe med og være pårørende til mennesker med demens.',
      about: 'Demenspodden lages av fagfolk ved Akershus universitetssykehus og kommunene i Ahus-området. Vi møter personer med demens, pårørende og ansatte.',
      host: 'Kari Nordby, spesialsykepleier ved Alderspsykiatrisk avdeling, Ahus',
      topics: ['demens', 'eldres-helse'],
      audiences: ['kommune', 'sykehus', 'student'],
      shared: true,
      episodes: [
        ['Når mor ikke kjenner meg igjen', 'En datter forteller om årene da moren utviklet Alzheimers sykdom, og om hva hun skulle ønske helsetjenesten hadde gjort annerledes.'],
        ['Uro og utfordrende atferd på sykehjem', 'Hva prøver beboeren å fortelle oss? Et tverrfaglig team fra Lørenskog forteller hvordan de bruker miljøbehandling før medisiner.'],
        ['Dagaktivitetstilbud som virker', 'Et godt dagaktivitetstilbud kan utsette behovet for sykehjemsplass. Vi besøker et tilbud i Lillestrøm kommune.'],
      ],
    },
    {
      title: 'Akuttpodden',
      summary: 'Om vurdering og behandling av akutt syke pasienter, fra legevakten til akuttmottaket.',
      about: 'Akuttpodden gir deg innsikt i hvordan fagfolk vurderer akutt syke pasienter, og hva du kan gjøre før pasienten kommer til sykehuset.',
      host: 'Jonas Berg, lege i akuttmottaket ved Ahus',
      topics: ['akuttmedisin'],
      audiences: ['kommune', 'sykehus', 'fastlege'],
      episodes: [
        ['NEWS2 i kommunen', 'Hvordan kan en felles skår for vitale tegn gjøre samtalen mellom sykehjem, legevakt og sykehus enklere?'],
        ['Sepsis – de første timene', 'Sepsis må behandles raskt. Vi snakker om tegnene du skal se etter, og hva som skjer når pasienten kommer inn.'],
      ],
    },
  ],
  innlandet: [
    {
      title: 'Innlandspodden',
      summary: 'Historier fra helsetjenestene i Innlandet, der avstandene er store og samarbeidet avgjørende.',
      about: 'Innlandspodden lages av redaksjonen i Kompetansebroen Innlandet. Vi besøker kommuner, sykehus og utdanningsinstitusjoner og snakker om hvordan de løser oppgavene sammen.',
      host: 'Sigrid Haugen, redaktør i Kompetansebroen Innlandet',
      topics: ['rehabilitering', 'eldres-helse'],
      audiences: ['kommune', 'sykehus', 'student'],
      episodes: [
        ['Rehabilitering hjemme i Gjøvik', 'En fysioterapeut og en ergoterapeut forteller hvordan hverdagsrehabilitering har gitt flere eldre mulighet til å klare seg selv.'],
        ['Studenter i praksis på tvers', 'Sykepleierstudenter fra Høgskolen i Innlandet har hatt praksis både på sykehus og i hjemmetjenesten. Hva lærte de?'],
      ],
    },
    {
      title: 'Samtaler om rus og psykisk helse',
      summary: 'Om tidlig hjelp, gode samtaler og samarbeid rundt personer med rusproblemer og psykiske lidelser.',
      about: 'I denne podkasten møter du fagfolk og erfaringskonsulenter som deler kunnskap om hvordan vi kan gi sammenhengende hjelp.',
      host: 'Anders Lie, psykologspesialist ved Sykehuset Innlandet',
      topics: ['psykisk-helse-og-rus'],
      audiences: ['kommune', 'sykehus', 'fastlege'],
      episodes: [
        ['Erfaringskonsulenten', 'En erfaringskonsulent forteller hva som hjalp henne ut av rusen, og hvorfor det er viktig å bli møtt som et helt menneske.'],
        ['FACT-team i Innlandet', 'Hvordan jobber et FACT-team, og hva betyr det for pasienter som ikke får hjelp i de vanlige tjenestene?'],
      ],
    },
  ],
  vestfold: [
    {
      title: 'Palliasjonspodden',
      summary: 'Om lindrende behandling og omsorg i livets siste fase, hjemme, på sykehjem og på sykehus.',
      about: 'Palliasjonspodden lages av palliativt team ved Sykehuset i Vestfold sammen med ressurssykepleiere i kommunene. Vi snakker om symptomlindring, samtaler og samarbeid.',
      host: 'Hilde Strand, kreftsykepleier ved Sykehuset i Vestfold',
      topics: ['palliasjon', 'kreft'],
      audiences: ['kommune', 'sykehus', 'fastlege'],
      shared: true,
      episodes: [
        ['Den vanskelige samtalen', 'Hvordan snakker vi med pasienter og pårørende om at livet går mot slutten? En lege og en sykepleier deler erfaringer.'],
        ['Å dø hjemme', 'Mange ønsker å dø hjemme. Hva skal til for at det blir trygt for både pasienten og familien?'],
        ['Ressurssykepleiernettverket', 'Ressurssykepleiere i kreftomsorg og palliasjon forteller hvordan nettverket i Vestfold deler kunnskap mellom kommunene.'],
      ],
    },
    {
      title: 'Hverdagsmestring',
      summary: 'En podkast om rehabilitering, mestring og hjelp til å klare hverdagen selv.',
      about: 'Vi snakker med terapeuter, brukere og ledere om hvordan tjenestene kan legge til rette for at folk klarer mest mulig selv.',
      host: 'Ole Kristian Dahl, ergoterapeut i Sandefjord kommune',
      topics: ['rehabilitering', 'velferdsteknologi'],
      audiences: ['kommune', 'student'],
      episodes: [
        ['Hva er viktig for deg?', 'Samtalen om hva som er viktig for brukeren er starten på all rehabilitering. Vi hører hvordan den gjøres i praksis.'],
        ['Teknologi som gir frihet', 'En bruker forteller hvordan digitalt tilsyn og en elektronisk medisindispenser gjorde at hun kunne bo hjemme lenger.'],
      ],
    },
  ],
  ostfold: [
    {
      title: 'Smittevernpodden',
      summary: 'Om smittevern i praksis på sykehjem, i hjemmetjenesten og på sykehus.',
      about: 'Smittevernpodden lages av smittevernteamet ved Sykehuset Østfold og smittevernleger i kommunene. Vi svarer på spørsmål fra ansatte.',
      host: 'Line Martinsen, hygienesykepleier ved Sykehuset Østfold',
      topics: ['smittevern'],
      audiences: ['kommune', 'sykehus'],
      episodes: [
        ['Utbrudd på sykehjemmet', 'Hva gjør du de første timene når flere beboere får oppkast og diaré? Smittevernlegen i Fredrikstad forklarer.'],
        ['Antibiotikaresistens angår oss alle', 'Riktig bruk av antibiotika er et av de viktigste tiltakene mot resistens. Vi snakker om hva sykepleiere og fastleger kan bidra med.'],
      ],
    },
    {
      title: 'Unge stemmer',
      summary: 'Om barn og unges helse, og om barn som pårørende.',
      about: 'I Unge stemmer hører du ungdom, foreldre og fagfolk fortelle om psykisk helse, skolehelsetjeneste og hvordan det er å være barn når en forelder er syk.',
      host: 'Emma Johansen, helsesykepleier i Sarpsborg kommune',
      topics: ['barn-og-unge', 'psykisk-helse-og-rus'],
      audiences: ['kommune', 'sykehus', 'student'],
      episodes: [
        ['Når mamma er syk', 'Tre ungdommer forteller hvordan det var å vokse opp med en forelder med alvorlig sykdom, og hva de trengte fra helsepersonellet.'],
        ['Skolehelsetjenesten som lavterskeltilbud', 'Helsesykepleiere forteller hvordan de når ungdom som sliter, før problemene blir store.'],
      ],
    },
  ],
}

const DAY_MS = 86_400_000

export function podcasts(region: Region, { now, fixtures }: SeedContext): SeedItem[] {
  const clip = fixtures.episode
  return drafts[region.tenant.id].map((draft) => {
    const body = doc(
      p(draft.about),
      h2('Om podkasten'),
      p(`Programleder er ${draft.host}. Alle episodene har transkripsjon, og du kan lytte her på siden eller abonnere i podkastappen din.`),
    )
    const base = seedBase(region, 'podkast', draft, body)
    const media: MediaObject[] = [...base.media]
    const episodes = draft.episodes.map(([title, summary], index) => {
      const number = index + 1
      const id = `${base.mediaId}-${number}`
      const [audioKey, transcriptKey] = [mediaKey(region.tenant.id, id, clip.fileName), mediaKey(region.tenant.id, id, clip.textFileName)]
      media.push(
        { key: audioKey, contentType: clip.mimeType, body: clip.read },
        { key: transcriptKey, contentType: 'text/vtt; charset=utf-8', body: () => buildVtt(clip.cues, `Transkripsjon av «${title}», episode ${number} av ${draft.title}.`) },
      )
      // One episode a fortnight, the newest a few days ago, out at 06:00 Oslo time.
      const daysAgo = (draft.episodes.length - number) * 14 + 3
      return {
        guid: `kompetansebroen:${region.tenant.id}:${base.slug}:${number}`,
        slug: slugify(title),
        title,
        summary,
        publishedAt: osloInstant(osloDay(new Date(now.getTime() - daysAgo * DAY_MS)), '06:00'),
        season: 1,
        episode: number,
        audio: { src: mediaPath(audioKey), bytes: clip.bytes, mimeType: 'audio/mpeg' as const, durationSeconds: clip.durationSeconds },
        transcript: mediaPath(transcriptKey),
      }
    })
    return {
      fields: {
        type: 'podkast',
        ...base.fields,
        category: draft.category ?? 'Health & Fitness',
        language: 'no',
        explicit: false,
        owner: { name: region.tenant.name, email: region.tenant.contactEmail },
        episodes,
      },
      media,
    }
  })
}

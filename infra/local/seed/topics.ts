import type { Topic } from '../../../functions/tenants/schema.ts'
import { doc, p, slugify } from './text.ts'

/** The topic areas (fagtema): name, one-line summary for cards, and the opening of the topic page. */
const rows: Array<[name: string, summary: string, intro: string]> = [
  ['Demens', 'Kunnskap om demenssykdommer, god kommunikasjon og støtte til pårørende.', 'Omtrent 100 000 mennesker i Norge lever med demens, og de fleste får hjelp fra både kommunen og sykehuset. Gode overganger og en felles forståelse av personens behov gjør hverdagen tryggere.'],
  ['Legemiddelhåndtering', 'Trygg håndtering av legemidler: samstemming, dosering, administrering og observasjon.', 'Feil i legemiddelbruk er blant de vanligste uønskede hendelsene i helsetjenesten. Mange av dem skjer når pasienten flytter mellom sykehus, sykehjem og hjemmetjeneste.'],
  ['Psykisk helse og rus', 'Tidlig innsats, samtaler og samarbeid om personer med psykiske lidelser og rusproblemer.', 'Personer med psykiske lidelser og rusproblemer trenger ofte hjelp fra flere tjenester samtidig. Her finner du kunnskap om kartlegging, samtaleteknikker og samarbeid om behandlingsforløp.'],
  ['Palliasjon', 'Lindring, omsorg og god dialog med pasienter og pårørende i livets siste fase.', 'Palliasjon handler om å lindre plager og gi best mulig livskvalitet til pasienter med uhelbredelig sykdom. Mange ønsker å være hjemme så lenge som mulig, og det krever et godt samarbeid.'],
  ['Ernæring', 'Kartlegging av ernæringsstatus, forebygging av underernæring og gode måltider.', 'Underernæring er vanlig hos eldre og hos pasienter med langvarig sykdom, og det forsinker bedring. Enkel kartlegging og små tiltak gjør stor forskjell.'],
  ['Smittevern', 'Basale smittevernrutiner, håndhygiene og håndtering av utbrudd.', 'Godt smittevern beskytter pasienter, beboere og ansatte. Basale smittevernrutiner gjelder i alle helsetjenester, hver dag.'],
  ['Kroniske lidelser', 'Oppfølging av KOLS, hjertesvikt og andre langvarige sykdommer i kommune og sykehus.', 'Stadig flere lever lenge med én eller flere kroniske sykdommer. Tett oppfølging, egenbehandlingsplaner og tidlig oppdagelse av forverring kan forebygge innleggelser.'],
  ['Rehabilitering', 'Hverdagsrehabilitering, opptrening og mestring etter sykdom og skade.', 'Rehabilitering skal hjelpe mennesker til å mestre hverdagen etter sykdom eller skade. Målene settes sammen med pasienten, og arbeidet fortsetter ofte hjemme.'],
  ['Eldres helse', 'Skrøpelighet, fall, delirium og helhetlig oppfølging av eldre pasienter.', 'Eldre pasienter har ofte flere sykdommer og bruker mange legemidler. Systematisk kartlegging og gode rutiner for observasjon gir tryggere behandling.'],
  ['Barn og unge', 'Helse, utvikling og oppfølging av barn, ungdom og barn som pårørende.', 'Barn og unge skal få hjelp tidlig og sammenhengende. Helsepersonell har også en plikt til å ivareta barn som pårørende når en forelder er syk.'],
  ['Velferdsteknologi', 'Digitale hjelpemidler som gir trygghet, mestring og selvstendighet.', 'Velferdsteknologi som digitalt tilsyn, medisindispensere og trygghetsalarmer kan gi økt selvstendighet. Gevinsten kommer når teknologien tas i bruk som en del av tjenesten.'],
  ['Kommunikasjon og samhandling', 'Strukturert kommunikasjon, gode overganger og samarbeid på tvers av nivåene.', 'Gode pasientforløp bygger på at informasjon følger pasienten. Strukturerte verktøy som ISBAR og felles rutiner for inn- og utskrivning gjør samarbeidet tryggere.'],
  ['Sårbehandling', 'Forebygging og behandling av trykksår, leggsår og kirurgiske sår.', 'Sår som ikke gror er smertefulle for pasienten og krevende for tjenestene. Riktig vurdering, valg av bandasje og forebygging av trykksår er grunnleggende kunnskap.'],
  ['Akuttmedisin', 'Vurdering av akutt syke pasienter, NEWS2, hjerte- og lungeredning og simulering.', 'Den som først møter en akutt syk pasient, er ofte en sykepleier i kommunen. Systematisk vurdering og trening på akutte situasjoner redder liv.'],
  ['Diabetes', 'Blodsukkermåling, insulinbehandling og forebygging av komplikasjoner.', 'Rundt 400 000 nordmenn har diabetes. God opplæring i blodsukkerkontroll, insulin og fotstell forebygger komplikasjoner og innleggelser.'],
  ['Hjerte og kar', 'Hjertesvikt, hjerneslag, hjerterehabilitering og forebygging av hjerte- og karsykdom.', 'Hjerte- og karsykdommer er blant de vanligste årsakene til sykehusinnleggelse. Mye av oppfølgingen skjer i kommunen, i samarbeid med fastlegen.'],
  ['Pasientsikkerhet', 'Forebygging av uønskede hendelser, avvikslæring og trygge overganger.', 'Pasientsikkerhet handler om å unngå at pasienter skades av behandlingen de får. Vi lærer mest når vi deler erfaringer på tvers av sykehus og kommuner.'],
  ['Kreft', 'Kreftbehandling, pakkeforløp hjem og oppfølging av pasienter med kreft.', 'Flere lever med kreft enn før, og mye av behandlingen og oppfølgingen skjer utenfor sykehuset. Pakkeforløp hjem skal gjøre overgangen til kommunen tryggere.'],
]

export const topics: Topic[] = rows.map(([name, summary, intro]) => ({
  slug: slugify(name),
  name,
  summary,
  intro: doc(
    p(intro),
    p(`På denne siden samler vi e-kurs, filmer, podkaster og artikler om ${name.toLowerCase()} fra sykehus, kommuner og utdanningsinstitusjoner.`),
  ),
}))

export const topicSlugs = new Set(topics.map((topic) => topic.slug))

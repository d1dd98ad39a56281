import type { Audience } from '../../../functions/content/vocabulary.ts'
import { articles } from './articles.ts'
import { laterTime, midweekDay, osloInstant } from './dates.ts'
import { audienceText, type SeedContext, type SeedItem } from './item.ts'
import { regions, type Region } from './tenants.ts'
import { topics } from './topics.ts'
import { doc, h2, h3, link, ol, p, quote, slugify, ul } from './text.ts'

/**
 * The demo library (issue 12): about a hundred more articles, external e-courses and events on the topics health
 * personnel search for, so that search, filters, counts and paging show their worth on `npm start`. One row per
 * item, title and summary only; the body, the edition, the type and the rest follow from where the row stands.
 * No new pictures: each item shows its edition's first article's picture (drawing and resizing pictures is what
 * makes a first seed slow).
 */
const rows: Record<string, Array<[title: string, summary: string]>> = {
  demens: [
    ['Demens og ernæring', 'Vekttap og spisevansker er vanlig ved demens. Slik legger du til rette for måltidene.'],
    ['Miljøbehandling ved demens i sykehjem', 'Hvordan musikk, aktivitet og faste rutiner kan dempe uro hos beboere med demens.'],
    ['Utredning av demens i kommunen', 'Slik gjennomfører hukommelsesteamet en demensutredning i samarbeid med fastlegen.'],
    ['Pårørendeskole for familier som lever med demens', 'Kurs for pårørende om sykdommen, rettigheter og hvordan ta vare på seg selv.'],
    ['Demens og legemidler: unngå uheldige kombinasjoner', 'Hvilke legemidler bør personer med demens unngå, og hvordan gjennomgår vi listen?'],
    ['Yngre personer med demens', 'Demens før 65 år gir andre utfordringer i jobb, familie og økonomi.'],
    ['Velferdsteknologi som gir trygghet ved demens', 'Digitalt tilsyn og lokaliseringsteknologi for hjemmeboende med demens.'],
  ],
  legemiddelhandtering: [
    ['Legemiddelhåndtering for helsefagarbeidere', 'Delegering, utdeling og observasjon: hva helsefagarbeidere kan og skal gjøre.'],
    ['Samstemming av legemiddellister ved utskrivning', 'En trinnvis rutine for å sammenligne epikrise, kjernejournal og kommunens liste.'],
    ['Multidose i hjemmetjenesten', 'Fordeler, fallgruver og ansvar når pasienten får legemidler i multidose.'],
    ['Knusing av tabletter: hva er trygt?', 'Mange legemidler tåler ikke å knuses. Slik finner du ut hva som gjelder.'],
    ['Legemiddelgjennomgang med STOPP/START', 'Strukturert gjennomgang av legemidler hos eldre med verktøyet STOPP/START.'],
    ['Avvik i legemiddelhåndteringen: lær av hendelsene', 'Hvordan meldekultur og systematisk oppfølging gir færre feil.'],
    ['Opioider og smertelindring hos eldre', 'Trygg bruk av opioider, observasjon av bivirkninger og forebygging av obstipasjon.'],
  ],
  'psykisk-helse-og-rus': [
    ['Psykose: tidlige tegn og behandling', 'Hvordan oppdage psykose tidlig, og hvem skal følge opp?'],
    ['Kartlegging av rusbruk i kommunehelsetjenesten', 'Verktøy og samtaleteknikker for å snakke om alkohol og rusmidler.'],
    ['Motiverende intervju i praksis', 'Grunnleggende teknikker i motiverende intervju for helsepersonell.'],
    ['Selvmordsrisiko: vurdering og oppfølging', 'Hvordan spørre om selvmordstanker, og hva gjør vi etterpå?'],
    ['Depresjon hos eldre', 'Depresjon hos eldre blir ofte oversett. Slik oppdager og behandler vi den.'],
    ['Nalokson nesespray: forebygg overdosedødsfall', 'Opplæring i utdeling og bruk av nalokson for ansatte og brukere.'],
    ['Angst hos ungdom: tidlig hjelp i skolehelsetjenesten', 'Helsesykepleiere og psykologer om tidlige tegn og lavterskeltilbud.'],
  ],
  palliasjon: [
    ['Palliativ plan i hjemmetjenesten', 'En felles plan som gjør at alle vet hva som skal gjøres når pasienten blir dårligere.'],
    ['Forhåndssamtaler med alvorlig syke pasienter', 'Hvordan snakke om ønsker for livets siste fase, før det haster.'],
    ['Symptomlindring i livets siste dager', 'Smerte, uro, dødsralling og kvalme: tiltak og legemidler i livets sluttfase.'],
    ['Palliasjon til personer med demens', 'Lindrende behandling når pasienten ikke selv kan fortelle om plagene sine.'],
    ['Ressurssykepleiernettverket i kreftomsorg og palliasjon', 'Et nettverk som deler kunnskap mellom sykehus og kommuner.'],
    ['Sorgstøtte til etterlatte', 'Hva etterlatte trenger fra helsetjenesten etter et dødsfall.'],
    ['Subkutan infusjon med smertepumpe', 'Oppkobling, observasjon og dokumentasjon ved bruk av smertepumpe.'],
  ],
  ernaering: [
    ['Ernæringsplan i journalen', 'Dokumenter mål, tiltak og oppfølging av ernæring på en måte alle forstår.'],
    ['Kartlegging av ernæringsstatus med MNA', 'Slik bruker du Mini Nutritional Assessment på sykehjem og i hjemmetjenesten.'],
    ['Underernæring hos eldre: små tiltak som virker', 'Mellommåltider, beriket kost og hyggelige måltider forebygger vekttap.'],
    ['Dysfagi: trygg mat og drikke ved svelgevansker', 'Konsistenstilpasset kost og observasjon av svelgefunksjonen.'],
    ['Ernæring ved KOLS', 'Pasienter med KOLS bruker mye energi på å puste. Slik sikrer du nok næring.'],
    ['Måltidet som miljøtiltak', 'Hvordan måltidet kan gi matlyst, fellesskap og bedre ernæring.'],
  ],
  smittevern: [
    ['Smittevern ved resistente bakterier', 'Rutiner for MRSA, VRE og ESBL i sykehus, sykehjem og hjemmetjeneste.'],
    ['Håndhygiene: når og hvordan', 'De fem øyeblikkene for håndhygiene og riktig bruk av hånddesinfeksjon.'],
    ['Basale smittevernrutiner i hjemmetjenesten', 'Smittevern hjemme hos pasienten, fra hansker til avfall.'],
    ['Utbrudd av norovirus på sykehjem', 'Slik håndterer du et utbrudd: isolering, renhold og melding.'],
    ['Antibiotikaresistens og riktig antibiotikabruk', 'Hvorfor smalspektret behandling er viktig, også i kommunene.'],
    ['Urinveisinfeksjon hos eldre: unngå overbehandling', 'Når bør urinstiks tas, og når er antibiotika riktig?'],
  ],
  'kroniske-lidelser': [
    ['Lungerehabilitering ved KOLS', 'Trening og mestring som gir bedre livskvalitet for personer med KOLS.'],
    ['KOLS: egenbehandlingsplan og inhalasjonsteknikk', 'Hjelp pasienten å bruke inhalatoren riktig og oppdage forverring tidlig.'],
    ['Hjertesvikt: daglig vekt og symptomdagbok', 'Enkle målinger som fanger opp forverring før innleggelse.'],
    ['Oksygenbehandling i hjemmet', 'Sikker bruk av oksygen hjemme, og hva pasient og pårørende må vite.'],
    ['Astma hos voksne', 'Oppfølging av voksne med astma i allmennpraksis og kommune.'],
    ['Kronisk nyresykdom i kommunen', 'Oppfølging, legemiddeljustering og ernæring ved nedsatt nyrefunksjon.'],
  ],
  rehabilitering: [
    ['Rehabilitering etter hoftebrudd', 'Tidlig mobilisering og opptrening etter hoftebrudd hos eldre.'],
    ['Hverdagsrehabilitering: mestring i eget hjem', 'Tverrfaglig opptrening med utgangspunkt i hva som er viktig for pasienten.'],
    ['Fallforebygging hos eldre', 'Balansetrening, legemiddelgjennomgang og tilrettelegging av hjemmet.'],
    ['Rehabilitering etter hjerneslag', 'Opptrening og oppfølging i kommunen etter utskrivning fra slagenheten.'],
    ['Forflytning uten skader', 'Ergonomi og hjelpemidler som beskytter både pasient og helsepersonell.'],
  ],
  'eldres-helse': [
    ['Inkontinens hos eldre', 'Kartlegging og tiltak ved urininkontinens, og hvordan snakke om det.'],
    ['Delirium hos eldre: forebygging og tidlig oppdagelse', 'Kartlegging med 4AT og tiltak som reduserer forekomsten av delirium.'],
    ['Skrøpelighet: kartlegging med Clinical Frailty Scale', 'En enkel skala som hjelper oss å planlegge riktig behandling for eldre.'],
    ['Akutt funksjonssvikt hos eldre', 'Når den eldre plutselig ikke klarer seg, kan det skjule alvorlig sykdom.'],
    ['Trygge overganger for eldre pasienter', 'Hva som må følge pasienten fra sykehus til sykehjem eller hjemmetjeneste.'],
    ['Søvnproblemer hos eldre', 'Søvnhygiene og alternativer til sovemedisiner.'],
  ],
  'barn-og-unge': [
    ['Psykisk helse hos barn og unge', 'Tidlige tegn på psykiske plager hos barn, og hvor familien får hjelp.'],
    ['Barn som pårørende: samtalen med familien', 'Plikten til å ivareta barn når en forelder er syk, og hvordan du tar samtalen.'],
    ['Tidlig innsats i helsestasjonen', 'Oppfølging av barn og familier med behov for ekstra støtte.'],
    ['Overvekt hos barn: samtaler uten skam', 'Hvordan snakke med barn og foreldre om vekt og levevaner.'],
    ['Ungdom og rus: forebygging i skolen', 'Skolehelsetjenesten om tidlig oppdagelse og samarbeid med foreldre.'],
  ],
  velferdsteknologi: [
    ['Velferdsteknologi i praksis: fra prosjekt til drift', 'Hvordan kommunen tar teknologien i bruk i den daglige tjenesten.'],
    ['Digitalt tilsyn om natten', 'Sensorer og kamera som gir bedre søvn og trygghet for brukeren.'],
    ['Medisindispenser i hjemmetjenesten', 'Erfaringer med elektroniske medisindispensere og færre glemte doser.'],
    ['Digital hjemmeoppfølging av kronisk syke', 'Pasienter med KOLS og hjertesvikt måler selv, og sykepleieren følger med.'],
    ['Trygghetsalarm og lokaliseringsteknologi', 'Valg av løsning, personvern og samtykke.'],
  ],
  'kommunikasjon-og-samhandling': [
    ['Samhandling om utskrivningsklare pasienter', 'Hva kommunen trenger å vite før pasienten kommer hjem fra sykehuset.'],
    ['ISBAR: strukturert kommunikasjon i akutte situasjoner', 'Slik bruker du ISBAR når du ringer legevakt eller fastlege.'],
    ['Tolk i helsetjenesten', 'Når skal du bestille tolk, og hvordan gjennomføres samtalen?'],
    ['Gode innleggelser og utskrivninger', 'Felles rutiner for informasjon mellom sykehus og kommune.'],
    ['Brukermedvirkning i pasientforløp', 'Hva er viktig for deg? Spørsmålet som endrer samtalen.'],
  ],
  sarbehandling: [
    ['Sårbehandling i hjemmetjenesten', 'Dokumentasjon med bilder, sårvurdering og samarbeid med sårpoliklinikken.'],
    ['Trykksår: forebygging med risikovurdering', 'Bruk Braden-skala og reposisjonering for å hindre trykksår.'],
    ['Leggsår: kompresjonsbehandling', 'Vurdering av leggsår og riktig bruk av kompresjon.'],
    ['Sårbehandling: valg av bandasje', 'Hvilken bandasje passer til hvilket sår? En praktisk oversikt.'],
    ['Diabetisk fotsår', 'Tidlig oppdagelse og tverrfaglig behandling av fotsår hos personer med diabetes.'],
    ['Kirurgiske sår og sårinfeksjon', 'Stell av operasjonssår og tegn på infeksjon etter utskrivning.'],
  ],
  akuttmedisin: [
    ['Akutt pustebesvær hos eldre', 'Vurdering og tiltak når den eldre plutselig puster tungt.'],
    ['NEWS2: tidlig oppdagelse av forverring', 'Målinger, poengsum og tiltak når pasientens tilstand forverres.'],
    ['Sepsis: kjenn igjen tegnene', 'Sepsis hos eldre kan være vanskelig å oppdage. Slik handler du raskt.'],
    ['Hjerte-lunge-redning for helsepersonell', 'Oppfriskning av HLR og bruk av hjertestarter.'],
    ['ABCDE-vurdering av akutt syke', 'Systematisk undersøkelse av luftvei, pust, sirkulasjon, bevissthet og eksponering.'],
  ],
  diabetes: [
    ['Diabetes hos eldre på sykehjem', 'Mindre strenge mål og mer omsorg: individuell oppfølging av eldre med diabetes.'],
    ['Insulinbehandling i hjemmetjenesten', 'Insulintyper, injeksjonsteknikk og dokumentasjon.'],
    ['Blodsukkermåling og hypoglykemi', 'Når blodsukkeret blir for lavt: symptomer og behandling.'],
    ['Diabetes type 2: levevaner og oppfølging', 'Årskontroll, kosthold og fysisk aktivitet ved diabetes type 2.'],
    ['Fotstell ved diabetes', 'Daglig inspeksjon og stell som forebygger sår og amputasjon.'],
  ],
  'hjerte-og-kar': [
    ['Blodtrykksmåling og høyt blodtrykk', 'Riktig måleteknikk og oppfølging av hypertensjon i kommunen.'],
    ['Hjerneslag: prehospital gjenkjenning med PrePARE', 'Kjenn igjen hjerneslag raskt og ring 113.'],
    ['Hjerterehabilitering i kommunen', 'Trening og oppfølging etter hjerteinfarkt.'],
    ['Atrieflimmer og blodfortynnende behandling', 'Observasjon og oppfølging av pasienter som bruker antikoagulasjon.'],
  ],
  pasientsikkerhet: [
    ['Trygg legemiddelbruk i sykehjem', 'Tiltakspakke for færre legemiddelfeil på sykehjem.'],
    ['Forebygging av fall i sykehus', 'Tiltakspakken fra pasientsikkerhetsprogrammet, tilpasset din avdeling.'],
    ['Meldekultur og læring av uønskede hendelser', 'Hvordan avvik blir til forbedring, ikke til skyld.'],
    ['Pasientidentifikasjon', 'Riktig pasient, riktig behandling: rutiner for sikker identifikasjon.'],
  ],
  kreft: [
    ['Ernæring ved kreft', 'Kreftsykdom og behandling gir ofte vekttap. Slik forebygger du underernæring.'],
    ['Pakkeforløp hjem for pasienter med kreft', 'Slik samarbeider sykehus og kommune om oppfølging etter kreftbehandling.'],
    ['Cellegift og bivirkninger', 'Observasjon og råd til pasienter som får kreftbehandling hjemme.'],
    ['Kreftkoordinator i kommunen', 'En fast kontaktperson som følger pasienten gjennom forløpet.'],
  ],
}

const types = ['artikler', 'e-kurs', 'arrangementer'] as const
const audienceSets: Audience[][] = [['kommune'], ['kommune', 'sykehus'], ['sykehus', 'student'], ['kommune', 'fastlege'], ['kommune', 'sykehus', 'student']]

/** This edition's rows: every row has its place (n), which chooses its edition, type, audience and whether it is shared. */
function rowsOf(region: Region) {
  const all = topics.flatMap((topic) => (rows[topic.slug] ?? []).map(([title, summary]) => ({ topic, title, summary })))
  return all.map((row, n) => ({ ...row, n })).filter((row) => regions[row.n % regions.length]!.tenant.id === region.tenant.id)
}

export function library(region: Region, context: SeedContext): SeedItem[] {
  const picture = articles(region)[0]?.fields.image
  return rowsOf(region).map(({ topic, title, summary, n }) => {
    const type = types[n % types.length]!
    const audiences = audienceSets[n % audienceSets.length]!
    const slug = slugify(title)
    const body = doc(
      p(summary),
      p(`Innholdet er laget for ${audienceText(audiences)} i ${region.tenant.regionName === 'Hele landet' ? 'hele landet' : region.tenant.regionName}, av fagfolk fra ${region.hospital}, ${region.college} og kommunene.`),
      h2(`Om ${topic.name.toLowerCase()}`),
      p(topic.summary),
      h3('Dette får du'),
      ul('Kunnskap du kan bruke på neste vakt', 'Eksempler fra sykehus og kommuner', [link(`/fagtema/${topic.slug}`, `Mer om ${topic.name.toLowerCase()} på Kompetansebroen`)]),
      h3('Slik bruker du det'),
      ol('Les eller delta på egen hånd.', 'Drøft det med kollegene dine på neste fagmøte.', 'Avtal ett tiltak dere prøver ut.'),
      quote('Det nyttigste er eksemplene fra kolleger som står i det samme som oss.', `Sykepleier i ${region.municipality}`),
    )
    const fields = {
      tenant: region.tenant.id,
      slug,
      title,
      summary,
      body,
      topics: [topic.slug],
      audiences,
      sharedNationally: region.tenant.id !== 'nasjonal' && n % 3 === 0,
      ...(picture ? { image: picture } : {}),
    }
    if (type === 'e-kurs')
      return {
        fields: { type, ...fields, durationMinutes: 20 + (n % 4) * 15, learningGoals: [`Forklare det viktigste om ${title.toLowerCase()}`, 'Kjenne igjen situasjoner der kunnskapen trengs', 'Bruke kunnskapen i egen praksis'], delivery: 'external', courseUrl: `https://kurs.example.no/${region.tenant.id}/${slug}`, provider: `${region.hospital} og ${region.college}`, hasExam: false },
        media: [],
      }
    if (type === 'arrangementer') {
      const day = midweekDay(context.now, 7 + (n % 90) - 20)
      return {
        fields: { type, ...fields, startsAt: osloInstant(day, '12:00'), endsAt: osloInstant(day, laterTime('12:00', 60)), onlineUrl: `https://webinar.example.no/${region.tenant.id}/${slug}`, organiser: `${region.tenant.name} og ${region.hospital}` },
        media: [],
      }
    }
    return { fields: { type, ...fields, author: `Redaksjonen i ${region.tenant.name}` }, media: [] }
  })
}

import { builtCourses } from './course-lessons.ts'
import { audienceText, seedBase, type Draft, type DraftsByTenant, type SeedItem } from './item.ts'
import type { Region } from './tenants.ts'
import { doc, h2, p, ul } from './text.ts'

interface CourseDraft extends Draft {
  about: string
  goals: string[]
  minutes: number
  exam: boolean
  /** Defaults to the region's hospital and college. */
  provider?: string
}

const drafts: DraftsByTenant<CourseDraft> = {
  nasjonal: [
    {
      title: 'Trygg utskrivning fra sykehus til kommune',
      summary: 'Hva må være på plass før pasienten reiser hjem? Kurset går gjennom hele utskrivningen, fra første vurdering til oppfølging hjemme.',
      about: 'De fleste uønskede hendelser i overgangen mellom sykehus og kommune handler om informasjon som ikke kommer fram. I kurset følger du pasienten Kari (84) fra innleggelse til første uke hjemme, og ser hva sykehuset, hjemmetjenesten og fastlegen hver må gjøre.',
      goals: ['Beskrive hva en god utskrivningssamtale inneholder', 'Bruke sjekkliste for utskrivning i eget arbeid', 'Forklare hvorfor legemiddelsamstemming er avgjørende i overganger', 'Vite hvilke opplysninger kommunen trenger i pleie- og omsorgsmeldingene'],
      minutes: 45,
      exam: true,
      provider: 'Kompetansebroen i samarbeid med Akershus universitetssykehus og Lillestrøm kommune',
      topics: ['kommunikasjon-og-samhandling', 'pasientsikkerhet'],
      audiences: ['kommune', 'sykehus', 'fastlege'],
    },
    {
      title: 'Basale smittevernrutiner for alle helsetjenester',
      summary: 'Håndhygiene, bruk av hansker og beskyttelsesutstyr, og hvordan du hindrer smitte mellom pasienter. Et grunnkurs med avsluttende test.',
      about: 'Basale smittevernrutiner skal følges av alle, overfor alle pasienter, hele tiden. Kurset viser hvordan rutinene ser ut i praksis på sykehjem, i hjemmetjenesten og på sykehus, og gir deg trening i å velge riktig utstyr.',
      goals: ['Utføre håndhygiene i de fem situasjonene der det er nødvendig', 'Velge riktig personlig beskyttelsesutstyr', 'Beskrive smittemåter og hvordan de brytes', 'Håndtere urent tøy og avfall trygt'],
      minutes: 30,
      exam: true,
      topics: ['smittevern', 'pasientsikkerhet'],
      audiences: ['kommune', 'sykehus', 'student'],
    },
  ],
  akershus: [
    {
      title: 'Demens – grunnkurs for helsefagarbeidere',
      summary: 'Et innføringskurs om demenssykdommer, kommunikasjon og personsentrert omsorg, med filmer fra sykehjem og hjemmetjeneste.',
      about: 'Kurset gir deg grunnleggende kunnskap om de vanligste demenssykdommene og hvordan de påvirker hverdagen. Du får verktøy for å møte uro og utfordrende atferd med forståelse, og lærer hvordan pårørende kan involveres.',
      goals: ['Kjenne til symptomer ved de vanligste demenssykdommene', 'Bruke personsentrert kommunikasjon i møte med personer med demens', 'Forstå utfordrende atferd som uttrykk for udekkede behov', 'Samarbeide med pårørende om omsorgen'],
      minutes: 60,
      exam: true,
      topics: ['demens', 'eldres-helse'],
      audiences: ['kommune', 'student'],
    },
    {
      title: 'Delirium hos eldre – forebygge, oppdage og behandle',
      summary: 'Akutt forvirring rammer mange eldre pasienter og blir ofte oversett. Lær å kartlegge med 4AT og sette inn tiltak tidlig.',
      about: 'Delirium er en alvorlig tilstand som øker risikoen for fall, lengre liggetid og død. Kurset viser hvordan du kjenner igjen tegnene, bruker kartleggingsverktøyet 4AT, og hvilke tiltak som forebygger delirium både på sykehus og i kommunen.',
      goals: ['Skille delirium fra demens og depresjon', 'Gjennomføre kartlegging med 4AT', 'Sette i gang forebyggende tiltak for pasienter i risiko'],
      minutes: 40,
      exam: false,
      topics: ['eldres-helse', 'demens', 'akuttmedisin'],
      audiences: ['sykehus', 'kommune', 'fastlege'],
      shared: true,
    },
  ],
  innlandet: [
    {
      title: 'Legemiddelhåndtering i hjemmetjenesten',
      summary: 'Fra multidose til observasjon av virkning og bivirkninger: et praktisk kurs for deg som gir legemidler i pasientens hjem.',
      about: 'Kurset bygger på forskrift om legemiddelhåndtering og tar for seg de situasjonene som oftest fører til avvik i hjemmetjenesten. Oppgavene er laget av sykepleiere i Gjøvik kommune og farmasøyter ved Sykehuset Innlandet.',
      goals: ['Kjenne ansvarsfordelingen i legemiddelhåndteringen', 'Kontrollere multidose og dosett før utdeling', 'Observere og dokumentere virkning og bivirkninger', 'Melde og lære av avvik'],
      minutes: 50,
      exam: true,
      topics: ['legemiddelhandtering', 'pasientsikkerhet'],
      audiences: ['kommune', 'student'],
    },
    {
      title: 'Ernæring og underernæring hos eldre',
      summary: 'Slik kartlegger du ernæringsstatus og lager en ernæringsplan sammen med pasienten. Med eksempler fra sykehjem i Innlandet.',
      about: 'Mellom 20 og 60 prosent av eldre på sykehjem og sykehus er underernært eller i risiko. Kurset viser hvordan du bruker MNA og vektmåling, og gir konkrete råd om berikning, måltidsmiljø og samarbeid med kjøkkenet.',
      goals: ['Kartlegge ernæringsstatus med et validert verktøy', 'Lage en enkel ernæringsplan', 'Foreslå tiltak for bedre matinntak'],
      minutes: 35,
      exam: false,
      topics: ['ernaering', 'eldres-helse'],
      audiences: ['kommune', 'sykehus', 'student'],
    },
  ],
  vestfold: [
    {
      title: 'KOLS – observasjon og behandling i kommunen',
      summary: 'Kjenn igjen forverring tidlig, bruk egenbehandlingsplanen og vit når du skal kontakte lege. For hjemmetjeneste og sykehjem.',
      about: 'Mange innleggelser for KOLS-forverring kan forebygges når forverringen oppdages tidlig. Kurset er laget av lungeavdelingen ved Sykehuset i Vestfold og hjemmetjenesten i Sandefjord, og inneholder filmer om inhalasjonsteknikk og oksygenbehandling.',
      goals: ['Beskrive symptomer på KOLS-forverring', 'Følge opp pasientens egenbehandlingsplan', 'Veilede i riktig bruk av inhalatorer', 'Vurdere behov for legetilsyn'],
      minutes: 45,
      exam: true,
      topics: ['kroniske-lidelser', 'legemiddelhandtering'],
      audiences: ['kommune', 'fastlege'],
    },
    {
      title: 'Trykksår – forebygging og behandling',
      summary: 'Risikovurdering, avlastning og sårbehandling ved trykksår. Kurset avsluttes med en test der du må ha 80 prosent riktige svar.',
      about: 'Trykksår oppstår raskt og gror sakte. I kurset lærer du å vurdere risiko, kategorisere trykksår og velge riktig behandling, med bilder og eksempler fra sårpoliklinikken ved Sykehuset i Vestfold.',
      goals: ['Gjøre en strukturert risikovurdering', 'Kategorisere trykksår', 'Velge avlastning og bandasje ut fra sårets tilstand'],
      minutes: 40,
      exam: true,
      topics: ['sarbehandling', 'pasientsikkerhet'],
      audiences: ['kommune', 'sykehus', 'student'],
    },
  ],
  ostfold: [
    {
      title: 'Insulinbehandling ved diabetes type 2',
      summary: 'Oppstart og justering av insulin, blodsukkermåling og forebygging av føling. For sykepleiere og helsefagarbeidere.',
      about: 'Flere pasienter med diabetes type 2 får insulin, og mye av oppfølgingen skjer i kommunen. Kurset gir trygghet på insulintyper, injeksjonsteknikk og hvordan du håndterer for lavt og for høyt blodsukker.',
      goals: ['Kjenne forskjellen på hurtigvirkende og langtidsvirkende insulin', 'Sette insulin med riktig teknikk', 'Gjenkjenne og behandle føling', 'Dokumentere blodsukker og insulindoser'],
      minutes: 45,
      exam: true,
      topics: ['diabetes', 'legemiddelhandtering'],
      audiences: ['kommune', 'student', 'fastlege'],
      shared: true,
    },
    {
      title: 'Velferdsteknologi i praksis',
      summary: 'Digitalt tilsyn, elektroniske medisindispensere og trygghetsalarmer: hvordan tjenesten tar teknologien i bruk sammen med brukeren.',
      about: 'Kurset følger innføringen av velferdsteknologi i Fredrikstad kommune, fra kartlegging av behov til evaluering. Du lærer hvordan du vurderer om en løsning passer for brukeren, og hvordan du involverer pårørende.',
      goals: ['Kjenne de vanligste velferdsteknologiske løsningene', 'Kartlegge brukerens behov og samtykke', 'Følge opp og evaluere tiltaket'],
      minutes: 30,
      exam: false,
      topics: ['velferdsteknologi', 'eldres-helse'],
      audiences: ['kommune'],
    },
  ],
}

export function courses(region: Region): SeedItem[] {
  return drafts[region.tenant.id].map((draft) => {
    const provider = draft.provider ?? `${region.hospital} og ${region.college}`
    const base = seedBase(
      region,
      'e-kurs',
      draft,
      doc(
        p(draft.about),
        h2('Hvem passer kurset for?'),
        p(`Kurset er laget for ${audienceText(draft.audiences)}.`),
        h2('Praktisk informasjon'),
        ul(
          `Kurset tar omtrent ${draft.minutes} minutter, og du kan ta pauser underveis.`,
          draft.exam
            ? 'Kurset avsluttes med en digital eksamen. Du må ha minst 80 prosent riktige svar for å få kursbevis.'
            : 'Kurset har refleksjonsoppgaver underveis og ingen eksamen.',
          'Kurset er gratis og krever ingen innlogging.',
        ),
      ),
    )
    // A few courses are built here (lessons in course-lessons.ts); the rest link to where they are taken.
    const built = builtCourses[draft.title]
    return {
      fields: {
        type: 'e-kurs',
        ...base.fields,
        durationMinutes: draft.minutes,
        learningGoals: draft.goals,
        ...(built ? { delivery: 'built', revisedOn: built.revisedOn } : { delivery: 'external', courseUrl: `https://kurs.example.no/${region.tenant.id}/${base.slug}` }),
        provider,
        hasExam: draft.exam,
      },
      media: base.media,
      lessons: built?.modules,
    }
  })
}

import { seedBase, type Draft, type DraftsByTenant, type SeedItem } from './item.ts'
import type { Region } from './tenants.ts'
import { doc, h2, h3, link, ol, p, quote, ul } from './text.ts'
import { topics } from './topics.ts'

/** An article follows one outline: lead, a section with a sub-section, a quote, a checklist, steps, links. */
interface ArticleDraft extends Draft {
  author: string
  lead: string
  section: [heading: string, text: string, subHeading: string, subText: string]
  quote: [text: string, cite: string]
  tips: [heading: string, ...items: string[]]
  steps: [heading: string, ...items: string[]]
  links: Array<[href: string, text: string]>
}

const drafts: DraftsByTenant<ArticleDraft> = {
  nasjonal: [
    {
      title: 'Kompetansebroen samler regionene på én plattform',
      summary: 'Det som startet på Ahus i 2017, brukes nå av helsefellesskap i flere regioner. Slik fungerer samarbeidet mellom de regionale redaksjonene.',
      author: 'Redaksjonen i Kompetansebroen',
      lead: 'Kompetansebroen ble utviklet av Akershus universitetssykehus sammen med kommuner og høgskoler. I dag har Innlandet, Vestfold og Østfold egne redaksjoner, og innholdet er fritt tilgjengelig for alle.',
      section: ['Én plattform, flere redaksjoner', 'Hver region har en lokal redaksjon med medarbeidere fra både sykehus og kommuner. Redaksjonene publiserer for sin egen region, og deler innhold som er nyttig for alle i den nasjonale utgaven.', 'Felles redaksjonsmøter', 'Redaktørene fra alle regionene møtes jevnlig for å planlegge innhold, slik at vi unngår å lage det samme kurset to ganger.'],
      quote: ['Kompetansebroen er et enkelt og lett tilgjengelig verktøy for samhandling og kompetansedeling i helsefellesskapene.', 'Avdelingsdirektør for samhandling, Helse Sør-Øst'],
      tips: ['Dette finner du på Kompetansebroen', 'E-kurs med og uten eksamen', 'Filmer fra simulering og prosedyrer', 'Podkaster med fagfolk fra hele regionen', 'Fagtema som samler alt innhold om ett område'],
      steps: ['Slik kommer du i gang', 'Velg ditt område øverst på siden.', 'Finn et fagtema eller søk etter det du trenger.', 'Ta kurset, se filmen eller lytt til podkasten, når det passer deg.'],
      links: [['https://www.helse-sorost.no', 'Helse Sør-Øst RHF']],
      topics: ['kommunikasjon-og-samhandling'],
      audiences: ['kommune', 'sykehus', 'student', 'fastlege'],
    },
    {
      title: 'Slik lager dere en felles kompetanseplan i helsefellesskapet',
      summary: 'Når sykehus og kommuner planlegger opplæring sammen, blir pasientforløpene tryggere. Fire helsefellesskap deler erfaringene sine.',
      author: 'Ingrid Solberg',
      lead: 'I helsefellesskapene møtes helseforetak, kommuner, fastleger og brukere for å planlegge tjenestene sammen. Felles opplæring er et av de mest konkrete tiltakene de kan sette i gang.',
      section: ['Start med pasientforløpet', 'Velg én pasientgruppe, for eksempel skrøpelige eldre eller personer med KOLS, og kartlegg hvilken kunnskap som trengs i hvert ledd av forløpet.', 'Bruk det som finnes', 'Mange kurs og filmer er allerede laget. Del dem på tvers i stedet for å lage nye.'],
      quote: ['Vi oppdaget at vi lærte opp folk til å gjøre den samme prosedyren på tre forskjellige måter.', 'Fagutviklingssykepleier i en kommune i Innlandet'],
      tips: ['Dette bør planen inneholde', 'Hvilke pasientgrupper planen gjelder', 'Hvilken kompetanse som trengs hvor', 'Hvem som lager og oppdaterer innholdet', 'Hvordan dere måler om opplæringen virker'],
      steps: ['Fire steg til en felles plan', 'Velg pasientgruppe sammen.', 'Kartlegg kompetansebehov i sykehus og kommune.', 'Fordel ansvaret for innhold og opplæring.', 'Evaluer etter ett år.'],
      links: [['https://www.helsedirektoratet.no', 'Helsedirektoratet'], ['https://www.ks.no', 'KS – kommunesektorens organisasjon']],
      topics: ['kommunikasjon-og-samhandling', 'pasientsikkerhet'],
      audiences: ['kommune', 'sykehus'],
    },
  ],
  akershus: [
    {
      title: 'Fem råd for bedre samtaler med personer med demens',
      summary: 'Kort tid, rolig tempo og én ting om gangen. Spesialsykepleiere på Ahus deler det de har lært om kommunikasjon ved demens.',
      author: 'Kari Nordby',
      lead: 'Når språket svikter, blir kroppsspråk, tonefall og omgivelser viktigere. Små endringer i hvordan vi snakker, kan gjøre en stor forskjell for personen med demens.',
      section: ['Møt personen der hun er', 'Personer med demens lever ofte i en annen tid enn oss. Å korrigere skaper gjerne uro; å spørre om følelsene bak det som blir sagt, skaper trygghet.', 'Når uroen øker', 'Se etter årsaker som smerte, sult, tørst eller behov for toalett før du tenker på medisiner.'],
      quote: ['Jeg har lært å lytte etter det pappa mener, ikke bare det han sier.', 'Pårørende'],
      tips: ['Fem råd', 'Sett deg ned og ha øyekontakt.', 'Snakk rolig og bruk korte setninger.', 'Still ett spørsmål om gangen.', 'Gi tid til å svare.', 'Bruk navnet til personen.'],
      steps: ['Slik forbereder du en samtale', 'Skjerm for støy og forstyrrelser.', 'Finn ut hva personen er opptatt av i dag.', 'Avslutt samtalen med noe hyggelig.'],
      links: [['https://www.aldringoghelse.no', 'Nasjonalt senter for aldring og helse'], ['/akershus/e-kurs/demens-grunnkurs-for-helsefagarbeidere', 'E-kurs: Demens – grunnkurs for helsefagarbeidere']],
      topics: ['demens', 'kommunikasjon-og-samhandling'],
      audiences: ['kommune', 'sykehus', 'student'],
    },
    {
      title: 'Simuleringstrening for sykepleiere i kommunene',
      summary: 'Simuleringssenteret på Ahus tilbyr nå kurs for sykepleiere i hjemmetjenesten og på sykehjem. Deltakerne trener på akutte situasjoner i trygge omgivelser.',
      author: 'Redaksjonen i Kompetansebroen Ahus',
      lead: 'I simuleringssenteret trener team fra kommunene på situasjoner de sjelden møter, men som krever at alle vet hva de skal gjøre: hjertestans, sepsis og akutt pustebesvær.',
      section: ['Trening i team', 'Deltakerne trener i de samme teamene som de jobber i til daglig. Etter hvert scenario følger en strukturert debriefing.', 'Hvorfor simulering virker', 'Simulering gir trening i både ferdigheter og samarbeid, uten risiko for pasientene.'],
      quote: ['Det er første gang jeg har øvd på hjertestans sammen med de jeg faktisk jobber med.', 'Sykepleier i hjemmetjenesten'],
      tips: ['Kurset passer for deg som', 'jobber i hjemmetjenesten eller på sykehjem', 'sjelden møter akutt syke pasienter', 'vil bli tryggere på NEWS2 og ABCDE'],
      steps: ['Slik melder du på teamet ditt', 'Avtal deltakelse med lederen din.', 'Meld på hele teamet via arrangementssiden.', 'Ta e-kurset om akutt syke eldre før kursdagen.'],
      links: [['/akershus/film/simulering-den-akutt-syke-eldre-pasienten', 'Film: Simulering: den akutt syke eldre pasienten']],
      topics: ['akuttmedisin'],
      audiences: ['kommune'],
    },
  ],
  innlandet: [
    {
      title: 'Slik fikk Gjøvik kommune færre legemiddelavvik',
      summary: 'Hjemmetjenesten i Gjøvik halverte antallet legemiddelavvik på to år. Nøkkelen var samstemming, opplæring og en kultur for å melde.',
      author: 'Sigrid Haugen',
      lead: 'For to år siden hadde hjemmetjenesten i Gjøvik mange avvik knyttet til legemidler. I dag er tallet halvert, og de ansatte melder mer enn før.',
      section: ['Samstemming ved hver overgang', 'Når en pasient kommer hjem fra sykehuset, sammenligner sykepleieren epikrisen med kommunens legemiddelliste samme dag. Uklarheter avklares med fastlegen.', 'Opplæring for alle', 'Alle som deler ut legemidler, har tatt e-kurset om legemiddelhåndtering og fått praktisk opplæring.'],
      quote: ['Vi sluttet å lete etter hvem som hadde skylden, og begynte å spørre hva som gjorde feilen mulig.', 'Avdelingsleder i hjemmetjenesten i Gjøvik'],
      tips: ['Dette gjorde forskjellen', 'Fast rutine for samstemming', 'E-kurs og praktisk opplæring for alle', 'Månedlig gjennomgang av avvik i personalmøtet', 'Tett samarbeid med fastlegene'],
      steps: ['Slik samstemmer du legemiddellisten', 'Hent inn alle kilder: epikrise, kjernejournal og pasientens egne opplysninger.', 'Sammenlign listene og marker forskjeller.', 'Avklar forskjellene med lege.', 'Dokumenter den oppdaterte listen.'],
      links: [['https://www.felleskatalogen.no', 'Felleskatalogen'], ['/innlandet/e-kurs/legemiddelhandtering-i-hjemmetjenesten', 'E-kurs: Legemiddelhåndtering i hjemmetjenesten']],
      topics: ['legemiddelhandtering', 'pasientsikkerhet'],
      audiences: ['kommune', 'fastlege'],
      shared: true,
    },
    {
      title: 'Kompetansebroen Innlandet – ett sted for kommuner, sykehus og skoler',
      summary: 'Sykehuset Innlandet, kommunene, NTNU Gjøvik og Høgskolen i Innlandet deler kunnskap på én plattform. Her er bakgrunnen.',
      author: 'Redaksjonen i Kompetansebroen Innlandet',
      lead: 'I 2018 viste et forprosjekt at det var stort behov for en felles digital plattform for faglig informasjon på tvers av organisasjonene i Innlandet. Løsningen ble å samarbeide med Kompetansebroen.',
      section: ['Hvorfor en felles plattform?', 'Samhandlingsreformen ga retning om mer samarbeid mellom spesialist- og primærhelsetjenesten. Behovet gjelder både samarbeid om den enkelte pasient og gjensidig veiledning og kompetanseoverføring.', 'En redaksjon med to føtter', 'Redaksjonen består av to redaktører, som hver jobber halvparten av tiden i kommunen og halvparten i sykehuset.'],
      quote: ['Pasientene skal møte kompetente og informerte medarbeidere på tvers av helsetjenestene.', 'Fra prosjektets formål, 2018'],
      tips: ['Partnerne i Innlandet', 'Sykehuset Innlandet', 'Kommunene i Innlandet', 'Utviklingssentrene for sykehjem og hjemmetjenester', 'NTNU Gjøvik og Høgskolen i Innlandet'],
      steps: ['Slik ble Kompetansebroen Innlandet til', 'Forprosjekt våren 2018.', 'Prosjektgruppe med sykehus, kommuner og utdanning høsten 2018.', 'Avtale med Kompetansebroen i 2019.'],
      links: [['https://www.sykehuset-innlandet.no', 'Sykehuset Innlandet']],
      topics: ['kommunikasjon-og-samhandling'],
      audiences: ['kommune', 'sykehus', 'student'],
    },
  ],
  vestfold: [
    {
      title: 'Hverdagsrehabilitering gir mestring hjemme',
      summary: 'I Sandefjord får nye brukere av hjemmetjenesten et tidsavgrenset rehabiliteringstilbud først. Mange trenger mindre hjelp etterpå.',
      author: 'Ole Kristian Dahl',
      lead: 'Hverdagsrehabilitering er intensiv trening i brukerens eget hjem, med mål brukeren selv har satt. Et tverrfaglig team følger opp i fire til seks uker.',
      section: ['Hva er viktig for deg?', 'Alt starter med samtalen om hva brukeren ønsker å mestre: å lage frokost selv, gå til butikken eller komme seg i dusjen uten hjelp.', 'Teamet rundt brukeren', 'Ergoterapeut, fysioterapeut, sykepleier og helsefagarbeidere jobber sammen og trener brukeren i hverdagsaktivitetene.'],
      quote: ['Nå handler jeg selv igjen. Det betyr mer enn du tror.', 'Bruker, 82 år'],
      tips: ['Hvem passer tilbudet for?', 'Hjemmeboende som har fått redusert funksjon', 'Brukere som er motivert for trening', 'Personer som søker hjemmetjenester for første gang'],
      steps: ['Slik foregår et forløp', 'Kartlegging og målsamtale.', 'Treningsplan med daglige aktiviteter.', 'Tett oppfølging fra teamet.', 'Evaluering og avslutning.'],
      links: [['https://www.helsedirektoratet.no', 'Helsedirektoratet']],
      topics: ['rehabilitering', 'eldres-helse'],
      audiences: ['kommune', 'student'],
    },
    {
      title: 'Palliativ plan – derfor bør alle ha en',
      summary: 'En palliativ plan gjør det tryggere for pasienten, de pårørende og tjenestene når sykdommen forverres. Slik lager dere den.',
      author: 'Hilde Strand',
      lead: 'Når en pasient med alvorlig sykdom blir dårligere, må alle som er involvert vite hva pasienten ønsker og hva som er planlagt. Den palliative planen samler dette på ett sted.',
      section: ['Hva står i planen?', 'Planen beskriver diagnose, pasientens ønsker, plan for symptomlindring og hvem som skal kontaktes ved forverring.', 'Forberedende samtaler', 'Planen bygger på samtaler med pasienten og de pårørende, gjerne over flere møter.'],
      quote: ['Planen gjorde at vi visste hva mor ønsket, også den natten hun ikke kunne si det selv.', 'Pårørende'],
      tips: ['Planen bør inneholde', 'Pasientens ønsker for behandling og pleie', 'Legemidler for symptomlindring ved behov', 'Kontaktinformasjon til ansvarlig lege og sykepleier', 'Avtaler om åpen retur til sykehuset'],
      steps: ['Slik lager dere planen', 'Avtal en forberedende samtale.', 'Skriv ned pasientens ønsker.', 'Legg inn legemidler ved behov.', 'Del planen med alle som er involvert.'],
      links: [['https://www.helsenorge.no', 'Helsenorge']],
      topics: ['palliasjon', 'kreft'],
      audiences: ['kommune', 'sykehus', 'fastlege'],
    },
  ],
  ostfold: [
    {
      title: 'NEWS2 hjelper oss å oppdage forverring tidlig',
      summary: 'Alle sykehjem i Østfold bruker nå NEWS2. Resultatet er bedre samtaler med legevakten og færre uventede innleggelser.',
      author: 'Redaksjonen i Kompetansebroen Østfold',
      lead: 'NEWS2 er et verktøy som gir en skår basert på vitale tegn. Når sykehjem, legevakt og sykehus bruker samme skår, blir det enklere å forstå hverandre.',
      section: ['Et felles språk', 'Før snakket vi forbi hverandre. Nå sier sykepleieren at skåren er 6, og legen forstår med én gang at pasienten må vurderes.', 'Skår er ikke alt', 'Klinisk blikk og kunnskap om pasienten er fortsatt avgjørende. NEWS2 er et hjelpemiddel, ikke en fasit.'],
      quote: ['Skåren gir meg trygghet når jeg ringer legevakten midt på natten.', 'Sykepleier på sykehjem i Halden'],
      tips: ['Dette måler du', 'Respirasjonsfrekvens', 'Oksygenmetning', 'Blodtrykk', 'Puls', 'Bevissthet', 'Temperatur'],
      steps: ['Når skåren stiger', 'Mål vitale tegn på nytt.', 'Vurder pasienten med ABCDE.', 'Kontakt lege og bruk ISBAR.', 'Dokumenter tiltak og ny skår.'],
      links: [['/nasjonal/film/slik-bruker-du-isbar-nar-du-ringer-legen', 'Film: Slik bruker du ISBAR når du ringer legen']],
      topics: ['akuttmedisin', 'eldres-helse'],
      audiences: ['kommune', 'sykehus'],
      shared: true,
    },
    {
      title: 'Barn som pårørende – dette sier loven',
      summary: 'Helsepersonell har plikt til å ivareta barn når en forelder er alvorlig syk. Slik kan du snakke med familien om barna.',
      author: 'Emma Johansen',
      lead: 'Helsepersonelloven sier at helsepersonell skal bidra til å ivareta behovet for informasjon og oppfølging som mindreårige barn kan ha når en forelder er syk.',
      section: ['Spør om barna', 'Spør alle pasienter med alvorlig sykdom om de har barn, og hvordan barna har det. Det er en del av god behandling.', 'Barneansvarlig', 'Sykehuset Østfold og kommunene har barneansvarlig personell som kan hjelpe deg.'],
      quote: ['Det hjalp at noen endelig forklarte meg hva som var galt med pappa.', 'Ungdom, 15 år'],
      tips: ['Barn trenger', 'Informasjon tilpasset alderen', 'Å vite at det ikke er deres skyld', 'Voksne de kan snakke med', 'Forutsigbarhet i hverdagen'],
      steps: ['Slik tar du opp temaet', 'Spør pasienten om barn.', 'Tilby en samtale om barnas situasjon.', 'Dokumenter i journalen.', 'Kontakt barneansvarlig ved behov.'],
      links: [['https://lovdata.no', 'Lovdata: helsepersonelloven']],
      topics: ['barn-og-unge', 'psykisk-helse-og-rus'],
      audiences: ['kommune', 'sykehus', 'fastlege'],
    },
  ],
}

export function articles(region: Region): SeedItem[] {
  return drafts[region.tenant.id].map((draft) => {
    const [heading, text, subHeading, subText] = draft.section
    const [tipsHeading, ...tips] = draft.tips
    const [stepsHeading, ...steps] = draft.steps
    const topicLinks = draft.topics.map((slug) => link(`/fagtema/${slug}`, `Fagtema: ${topics.find((topic) => topic.slug === slug)?.name ?? slug}`))
    const body = doc(
      p(draft.lead),
      h2(heading),
      p(text),
      h3(subHeading),
      p(subText),
      quote(...draft.quote),
      h2(tipsHeading),
      ul(...tips),
      h2(stepsHeading),
      ol(...steps),
      h2('Les mer'),
      ul(...draft.links.map(([href, label]) => link(href, label)), ...topicLinks),
    )
    const base = seedBase(region, 'artikler', draft, body)
    return { fields: { type: 'artikler', ...base.fields, author: draft.author }, media: base.media }
  })
}

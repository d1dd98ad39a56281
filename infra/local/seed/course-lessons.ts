import type { CourseLessonsInput } from '../../../functions/courses/schema.ts'
import { bold, doc, h2, link, ol, p, slugify, ul } from './text.ts'

/** The demo's courses built here (issue 11): modules and lessons by course title; the others stay external. */
export type SeedModules = CourseLessonsInput['modules']

const isbarFilm = `/nasjonal/film/${slugify('Slik bruker du ISBAR når du ringer legen')}`

export const builtCourses: Record<string, { revisedOn: string; modules: SeedModules }> = {
  'Legemiddelhåndtering i hjemmetjenesten': {
    revisedOn: '2026-09-15',
    modules: [
      {
        title: 'Ansvar og rutiner',
        lessons: [
          {
            title: 'Hvem har ansvaret?',
            body: doc(
              p('Forskrift om legemiddelhåndtering sier at virksomhetsleder har det overordnede ansvaret, men at hver enkelt som deler ut legemidler, har ansvar for det de selv gjør.'),
              h2('Tre roller du må kjenne'),
              ul(
                [bold('Legen'), ' forordner legemidlet og skal ha oppdatert legemiddelliste.'],
                [bold('Sykepleieren'), ' kontrollerer, istandgjør og har ansvar for opplæring.'],
                [bold('Helsefagarbeideren'), ' deler ut etter delegert oppgave og observerer virkning.'],
              ),
              p('Spør alltid hvis du er usikker. Det er aldri feil å kontrollere én gang til.'),
            ),
          },
          {
            title: 'Multidose og dosett',
            body: doc(
              p('Før du gir legemidler fra multidose eller dosett, kontrollerer du at navn, fødselsdato, dato og tidspunkt stemmer med pasienten og med legemiddellisten.'),
              ol('Les navnet på posen eller dosetten høyt.', 'Sammenlign med legemiddellisten.', 'Se etter endringer som ikke er kommet med i multidosen.', 'Gi legemidlet og dokumenter at det er gitt.'),
            ),
            practice: [
              {
                id: 'kontroll-for-utdeling',
                kind: 'single',
                text: 'Hva kontrollerer du først når du skal gi legemidler fra en multidosepose?',
                options: [
                  { id: 'a', text: 'At posen ikke er skadet', correct: false, feedback: 'Det er viktig, men først må du vite at posen er til riktig pasient.' },
                  { id: 'b', text: 'Navn og fødselsdato på posen mot pasienten', correct: true, feedback: 'Ja: riktig pasient kommer først.' },
                  { id: 'c', text: 'At tablettene ser like ut som sist', correct: false, feedback: 'Utseendet kan endre seg med nytt merke; det sier ikke om posen er riktig.' },
                ],
                explanation: 'De fem riktige begynner med riktig pasient: navn og fødselsdato på posen skal stemme med pasienten og legemiddellisten.',
              },
              {
                id: 'endringer-multidose',
                kind: 'multiple',
                text: 'Legen har endret en dose i går. Hva gjør du før du gir dagens pose?',
                options: [
                  { id: 'a', text: 'Sammenligner posen med den oppdaterte legemiddellisten', correct: true, feedback: 'Riktig: endringer kan mangle i multidosen i noen dager.' },
                  { id: 'b', text: 'Gir posen som den er, apoteket har ansvaret', correct: false, feedback: 'Nei: den som gir legemidlet, har ansvar for det hun selv gjør.' },
                  { id: 'c', text: 'Sier fra til sykepleieren hvis posen ikke stemmer', correct: true, feedback: 'Riktig: sykepleieren avgjør hva som skal gjøres.' },
                ],
                explanation: 'Multidosen kan ligge noen dager etter legemiddellisten. Kontroller mot listen, og ta avvik videre til sykepleieren.',
              },
            ],
          },
        ],
      },
      {
        title: 'Observasjon og avvik',
        lessons: [
          {
            title: 'Virkning og bivirkninger',
            body: doc(
              p('Du ser pasienten oftere enn legen gjør. Det gjør deg viktig for å oppdage om et legemiddel virker, og om det gir plager.'),
              h2('Vær særlig oppmerksom på'),
              ul('Svimmelhet og fall etter oppstart med blodtrykksmedisin', 'Forvirring og søvnighet etter nye beroligende legemidler', 'Forstoppelse ved bruk av opioider'),
            ),
          },
          {
            title: 'Når noe går galt: avvik',
            body: doc(
              p('Et avvik er en mulighet til å lære. Meld det i kvalitetssystemet samme dag, og si fra til sykepleieren med en gang hvis pasienten kan ha tatt skade.'),
              p('Når du ringer legen om en pasient, hjelper ISBAR deg å få fram det viktigste. Se filmen, eller les mer hos ', link('https://www.helsedirektoratet.no', 'Helsedirektoratet'), '.'),
            ),
            media: { kind: 'film', src: isbarFilm, title: 'Slik bruker du ISBAR når du ringer legen' },
          },
        ],
      },
    ],
  },
  'Demens – grunnkurs for helsefagarbeidere': {
    revisedOn: '2026-05-02',
    modules: [
      {
        title: 'Å forstå demens',
        lessons: [
          {
            title: 'Hva er demens?',
            body: doc(
              p('Demens er en samlebetegnelse for sykdommer i hjernen som gir svikt i hukommelse, språk, orientering og evnen til å klare hverdagen. Omtrent 100 000 mennesker i Norge har demens.'),
              ul('Alzheimers sykdom er den vanligste formen.', 'Vaskulær demens skyldes skade på hjernens blodårer.', 'Frontotemporal demens rammer ofte yngre og endrer personlighet og atferd.'),
            ),
          },
          {
            title: 'Personsentrert omsorg',
            body: doc(
              p('Personsentrert omsorg betyr at du ser personen før sykdommen: hvem hun har vært, hva som betyr noe for henne, og hva som gir trygghet i dag.'),
              p('Livshistorien er et av de viktigste verktøyene du har. Snakk med pårørende om vaner, interesser og hva personen liker å bli kalt.'),
            ),
          },
        ],
      },
      {
        title: 'Møte med pasienten',
        lessons: [
          {
            title: 'Kommunikasjon som skaper trygghet',
            body: doc(
              p('Kom forfra, få øyekontakt og si hvem du er. Bruk korte setninger og gi tid til svar.'),
              ol('Ett budskap om gangen.', 'Vis med kroppen hva du mener.', 'Ikke korriger det personen husker feil, møt følelsen bak.'),
            ),
            practice: [
              {
                id: 'vil-hjem',
                kind: 'single',
                text: 'Fru Hansen sier hun må hjem og lage middag til barna, som er voksne. Hva er best å svare?',
                options: [
                  { id: 'a', text: '«Barna dine er voksne nå, de lager mat selv.»', correct: false, feedback: 'Å korrigere kan gjøre henne redd eller lei seg.' },
                  { id: 'b', text: '«Du er glad i å lage mat. Hva pleide du å lage til dem?»', correct: true, feedback: 'Ja: du møter følelsen og inviterer til å fortelle.' },
                ],
                explanation: 'Møt følelsen bak det personen sier. Å korrigere minnet skaper ofte mer uro enn det hjelper.',
              },
            ],
          },
          {
            title: 'Uro og utfordrende atferd',
            body: doc(
              p('Uro er ofte et uttrykk for et behov personen ikke klarer å sette ord på: smerte, sult, toalettbehov, kjedsomhet eller redsel.'),
              p('Kartlegg når uroen kommer, og prøv ett tiltak om gangen. Skriv ned hva som virker, så hele personalgruppen gjør det samme.'),
            ),
          },
        ],
      },
    ],
  },
}

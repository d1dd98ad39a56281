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

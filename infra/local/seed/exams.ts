import { createExamStore } from '../../../functions/courses/exam-store.ts'
import { examInputSchema, type ExamInput } from '../../../functions/courses/exam-schema.ts'
import type { Services } from '../../../functions/services.ts'
import { slugify } from './text.ts'

type Question = ExamInput['questions'][number]
type Option = [text: string, correct: boolean, feedback: string]

const question = (id: string, goal: number, text: string, options: Option[]): Question => {
  const correct = options.filter(([, right]) => right).length
  return {
    id,
    goal,
    kind: correct > 1 ? 'multiple' : 'single',
    text,
    options: options.map(([optionText, right, feedback], index) => ({ id: `${id}-${index + 1}`, text: optionText, correct: right, feedback })),
  }
}

/**
 * Question banks for the demo's built courses (infra/local/seed/course-lessons.ts), by edition and course title:
 * two questions per learning goal, one drawn for each, single choice and "Velg 2" both represented.
 */
export const demoExams: Array<{ tenant: string; title: string; exam: ExamInput }> = [
  {
    tenant: 'innlandet',
    title: 'Legemiddelhåndtering i hjemmetjenesten',
    exam: {
      settings: { perGoal: 1, passPercent: 80, attemptsLimit: 3, validityMonths: 24 },
      questions: [
        question('ansvar-1', 0, 'Hvem har det overordnede ansvaret for legemiddelhåndteringen i virksomheten?', [
          ['Virksomhetsleder', true, 'Riktig: forskriften legger ansvaret på virksomhetslederen, som kan delegere oppgaver.'],
          ['Den som deler ut legemidlene', false, 'Den som deler ut har ansvar for egen utførelse, ikke for systemet.'],
          ['Apoteket', false, 'Apoteket leverer, men har ikke ansvaret i virksomheten.'],
        ]),
        question('ansvar-2', 0, 'Hvilke to krav gjelder før en helsefagarbeider kan dele ut legemidler?', [
          ['Delegert oppgave fra virksomhetsleder', true, 'Riktig: oppgaven må være delegert.'],
          ['Dokumentert opplæring', true, 'Riktig: opplæringen må være gitt og dokumentert.'],
          ['Minst fem års erfaring', false, 'Det finnes ikke noe slikt krav.'],
          ['Skriftlig samtykke fra pårørende', false, 'Pårørende samtykker ikke til hvem som deler ut.'],
        ]),
        question('multidose-1', 1, 'Hva kontrollerer du først når du skal gi en multidosepose?', [
          ['Navn og fødselsdato på posen mot pasienten', true, 'Riktig: riktig pasient kommer først.'],
          ['At posen er pen og hel', false, 'Det er viktig, men identiteten kontrolleres først.'],
          ['At pasienten er sulten', false, 'Det avgjør ikke om posen er riktig.'],
        ]),
        question('multidose-2', 1, 'Hvilke to opplysninger sammenligner du mellom dosett og legemiddelliste?', [
          ['Legemiddel og styrke', true, 'Riktig.'],
          ['Tidspunkt for dosen', true, 'Riktig: dosen skal gis til rett tid.'],
          ['Hvilket apotek som leverte', false, 'Leverandøren har ingen betydning for kontrollen.'],
          ['Pris på legemiddelet', false, 'Prisen har ingen betydning for kontrollen.'],
        ]),
        question('virkning-1', 2, 'Pasienten blir svimmel etter ny blodtrykksmedisin. Hva gjør du?', [
          ['Observerer, dokumenterer og melder fra til sykepleier eller lege', true, 'Riktig: mulige bivirkninger skal observeres, dokumenteres og meldes.'],
          ['Slutter å gi medisinen', false, 'Du skal ikke endre behandlingen selv.'],
          ['Venter og ser om det går over', false, 'Svimmelhet kan gi fall, så det må meldes.'],
        ]),
        question('virkning-2', 2, 'Hvor dokumenterer du observert virkning av et behovslegemiddel?', [
          ['I pasientjournalen', true, 'Riktig.'],
          ['På en lapp i medisinrommet', false, 'Lapper er ikke en del av journalen.'],
          ['Bare muntlig i vaktskiftet', false, 'Muntlig rapport erstatter ikke dokumentasjon.'],
        ]),
        question('avvik-1', 3, 'Du oppdager at en dose ikke ble gitt i går. Hva er riktig?', [
          ['Melde avvik i avvikssystemet', true, 'Riktig: avvik meldes så virksomheten kan lære.'],
          ['Gi dobbel dose i dag', false, 'Aldri gi dobbel dose uten ordinasjon.'],
          ['La det være siden det er over', false, 'Avvik skal meldes også i ettertid.'],
        ]),
        question('avvik-2', 3, 'Hva er hensikten med å melde avvik?', [
          ['Å lære og forebygge at det skjer igjen', true, 'Riktig.'],
          ['Å finne en syndebukk', false, 'Avvikssystemet er for læring, ikke straff.'],
          ['Å øke arbeidsmengden', false, 'Nei.'],
        ]),
      ],
    },
  },
  {
    tenant: 'akershus',
    title: 'Demens – grunnkurs for helsefagarbeidere',
    exam: {
      settings: { perGoal: 1, passPercent: 80, attemptsLimit: 0, validityMonths: null },
      questions: [
        question('symptomer-1', 0, 'Hvilke to er vanlige tidlige tegn ved Alzheimers sykdom?', [
          ['Svikt i nærhukommelsen', true, 'Riktig.'],
          ['Vansker med å finne ord', true, 'Riktig.'],
          ['Plutselig lammelse i én side', false, 'Det tyder på hjerneslag.'],
          ['Høy feber', false, 'Feber er ikke et tegn på demens.'],
        ]),
        question('symptomer-2', 0, 'Hvilken demenssykdom er vanligst?', [
          ['Alzheimers sykdom', true, 'Riktig: omtrent 60 prosent.'],
          ['Frontotemporal demens', false, 'Den er sjeldnere.'],
          ['Lewy body-demens', false, 'Den er sjeldnere.'],
        ]),
        question('kommunikasjon-1', 1, 'Hva kjennetegner personsentrert kommunikasjon?', [
          ['Du tar utgangspunkt i personens historie og ønsker', true, 'Riktig.'],
          ['Du snakker til pårørende i stedet', false, 'Personen selv skal være i sentrum.'],
          ['Du retter feil personen sier', false, 'Å rette gir ofte uro; møt personen der hen er.'],
        ]),
        question('kommunikasjon-2', 1, 'Hvilke to grep gjør det lettere å forstå deg?', [
          ['Korte setninger, én beskjed om gangen', true, 'Riktig.'],
          ['Øyekontakt og rolig tempo', true, 'Riktig.'],
          ['Snakke høyere og fortere', false, 'Det stresser.'],
          ['Stille mange spørsmål samtidig', false, 'Det er vanskelig å følge.'],
        ]),
        question('atferd-1', 2, 'En beboer roper ofte om kvelden. Hva bør du først tenke?', [
          ['Hva kan ropet uttrykke av behov, som smerte, uro eller ensomhet?', true, 'Riktig: atferd er ofte uttrykk for udekkede behov.'],
          ['At beboeren er vanskelig', false, 'Det hjelper ikke beboeren.'],
          ['At beroligende medisin er løsningen', false, 'Miljøtiltak prøves først.'],
        ]),
        question('atferd-2', 2, 'Hva er et godt miljøtiltak ved kveldsuro?', [
          ['Faste rutiner og rolig miljø', true, 'Riktig.'],
          ['Sterkt lys og høy musikk', false, 'Det øker ofte uroen.'],
          ['Å låse døren til rommet', false, 'Det er tvang og krever vedtak.'],
        ]),
        question('parorende-1', 3, 'Hvorfor er pårørende viktige samarbeidspartnere?', [
          ['De kjenner personens historie, vaner og ønsker', true, 'Riktig.'],
          ['De har ansvaret for behandlingen', false, 'Ansvaret ligger hos tjenesten.'],
          ['De kan ta over nattevakter', false, 'Nei.'],
        ]),
        question('parorende-2', 3, 'Hvilke to ting bør du gjøre i møte med pårørende?', [
          ['Lytte til deres erfaringer', true, 'Riktig.'],
          ['Informere om tilbud som pårørendeskole', true, 'Riktig.'],
          ['Holde tilbake informasjon de har rett på', false, 'Pårørende har rett på informasjon innenfor taushetsplikten.'],
          ['Be dem la være å besøke', false, 'Nei.'],
        ]),
      ],
    },
  },
]

/**
 * Saves and publishes each demo exam whose course is published and has no bank yet, so a second start changes
 * nothing. A course missing from the seed (renamed, or not built here) is skipped.
 */
export async function seedExams(services: Services): Promise<number> {
  const exams = createExamStore(services.db)
  let seeded = 0
  for (const demo of demoExams) {
    const published = await services.content.getPublished(demo.tenant, 'e-kurs', slugify(demo.title))
    const course = published && (await services.content.getItem(demo.tenant, published.id))
    if (!course || course.type !== 'e-kurs' || (await exams.draft(demo.tenant, course.id))) continue
    // Through the editors' schema, so the demo holds to every rule an editor's bank does.
    const draft = await exams.save(course, 0, examInputSchema.parse(demo.exam))
    await exams.publish(course, draft.version)
    seeded++
  }
  return seeded
}

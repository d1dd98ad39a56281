/** The course statistics page's words, in bokmål, in one place. */
const monthFormat = new Intl.DateTimeFormat('nb-NO', { month: 'long', year: 'numeric', timeZone: 'UTC' })
const percent = new Intl.NumberFormat('nb-NO', { style: 'percent', maximumFractionDigits: 0 })

export const courseStatsText = {
  title: (course: string) => `Statistikk: ${course}`,
  open: 'Se statistikk for kurset',
  backToCourse: 'Tilbake til kurset',
  lessons: 'Moduler og leksjoner',
  intro: 'Tallene er anonyme: vi teller nettlesere og eksamensforsøk, aldri hvem som tar kurset.',
  empty: 'Ingen har startet kurset eller tatt eksamen ennå.',
  caption: 'Per måned, nyeste først, og totalt',
  month: 'Måned',
  started: 'Startet',
  finished: 'Fullført (alle leksjoner)',
  attempts: 'Eksamensforsøk',
  passes: 'Bestått',
  passRate: 'Andel bestått',
  total: 'Totalt',
  monthName: (month: string) => monthFormat.format(new Date(`${month}-15T12:00:00Z`)),
  rate: (passes: number, attempts: number) => (attempts ? percent.format(passes / attempts) : '–'),
  howCounted:
    '«Startet» og «Fullført» telles én gang per kurs i hver nettleser, når leseren åpner første leksjon og når alle leksjonene er gjennomgått, og bare når JavaScript er slått på. Søkemotorer og andre roboter telles ikke. Eksamensforsøk telles når de rettes. Månedene følger norsk tid.',
} as const

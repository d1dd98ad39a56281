/** The statistics page's words, in bokmål, in one place (issue 15). */
const dayFormat = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
const number = new Intl.NumberFormat('nb-NO')

export const statisticsText = {
  nav: 'Statistikk',
  title: (edition: string) => `Statistikk for ${edition}`,
  intro:
    'Sidevisninger per innhold og dag, og nedlastinger og avspillinger av lyd og film etter IAB-reglene. Uten informasjonskapsler og uten å lagre noens IP-adresse.',
  period: 'Periode',
  from: 'Fra og med',
  to: 'Til og med',
  show: 'Vis',
  views: 'Visninger',
  downloads: 'Nedlastinger og avspillinger',
  totals: (views: number, downloads: number) => `${number.format(views)} visninger og ${number.format(downloads)} nedlastinger og avspillinger`,
  trend: 'Utvikling per dag',
  chartLabel: (from: string, to: string) => `Visninger og nedlastinger per dag fra ${dayName(from)} til ${dayName(to)}. Tallene står i tabellen under.`,
  dayTable: 'Per dag',
  day: 'Dag',
  top: 'Mest sett og hørt',
  topCaption: 'Innhold og filer, mest sett først',
  type: 'Type',
  titleColumn: 'Tittel',
  owner: 'Redaksjon',
  empty: 'Ingen visninger eller nedlastinger i perioden.',
  download: 'Last ned som CSV (Excel)',
  national: 'Alle redaksjoner',
  nationalCaption: 'Visninger og nedlastinger per redaksjon',
  edition: 'Redaksjon',
  total: 'Totalt',
  kind: (kind: string, typeName?: string) => (kind === 'media' ? 'Lyd eller film' : (typeName ?? kind)),
  howCounted:
    'En visning telles når en side med innhold er lastet ferdig i en nettleser med JavaScript; roboter og forhåndslasting telles ikke. En nedlasting telles når minst ett minutt av lyden eller filmen er hentet, én gang per lytter og døgn (IAB Podcast Measurement 2). Visninger telles i redaksjonen innholdet ble lest i, nedlastinger hos redaksjonen som eier filen. Dagene følger norsk tid.',
  dayName: (day: string) => dayName(day),
  format: (n: number) => number.format(n),
} as const

function dayName(day: string) {
  return dayFormat.format(new Date(`${day}T12:00:00Z`))
}

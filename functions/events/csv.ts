import { stringify } from 'csv-stringify/sync'
import type { SignupList } from './model.ts'

/*
 * The organiser's participant list as CSV. Semicolons and a byte-order mark, because that is what Excel in a
 * Norwegian locale opens into columns with æ, ø and å intact. Every cell a spreadsheet could read as a formula
 * (starting with = + - @, tab or carriage return: OWASP's "CSV injection") gets a leading apostrophe, so a name like
 * `=HYPERLINK(…)` typed into the public sign-up form stays text on the organiser's machine.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell
}

const statusText = { confirmed: 'Påmeldt', waiting: 'Venteliste', cancelled: 'Avmeldt' } as const

export function participantsCsv(list: SignupList, formatTime: (iso: string) => string): string {
  const header = ['Status', 'Plass på venteliste', 'Navn', 'E-post', 'Arbeidssted', 'Kommune', 'Behov (mat, tilrettelegging)', 'Påmeldt']
  const rows = [
    ...list.confirmed.map((participant) => ({ participant, place: '' })),
    ...list.waiting.map((participant, index) => ({ participant, place: String(index + 1) })),
  ].map(({ participant, place }) =>
    [statusText[participant.status], place, participant.name, participant.email, participant.workplace, participant.municipality, participant.needs ?? '', formatTime(participant.signedUpAt)].map(neutraliseFormula),
  )
  return `\uFEFF${stringify([header, ...rows], { delimiter: ';', record_delimiter: '\r\n', quoted_match: /[";\r\n]/ })}`
}

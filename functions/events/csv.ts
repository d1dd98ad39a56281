import { spreadsheetCsv } from '../shared/spreadsheet-csv.ts'
import type { SignupList } from './model.ts'

/* The organiser's participant list as CSV (functions/shared/spreadsheet-csv.ts: Excel's Norwegian format, formulas neutralised). */
const statusText = { confirmed: 'Påmeldt', waiting: 'Venteliste', cancelled: 'Avmeldt' } as const

export function participantsCsv(list: SignupList, formatTime: (iso: string) => string): string {
  const header = ['Status', 'Plass på venteliste', 'Navn', 'E-post', 'Arbeidssted', 'Kommune', 'Behov (mat, tilrettelegging)', 'Påmeldt']
  const rows = [
    ...list.confirmed.map((participant) => ({ participant, place: '' })),
    ...list.waiting.map((participant, index) => ({ participant, place: String(index + 1) })),
  ].map(({ participant, place }) =>
    [statusText[participant.status], place, participant.name, participant.email, participant.workplace, participant.municipality, participant.needs ?? '', formatTime(participant.signedUpAt)],
  )
  return spreadsheetCsv([header, ...rows])
}

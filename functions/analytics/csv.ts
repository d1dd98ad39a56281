import { spreadsheetCsv } from '../shared/spreadsheet-csv.ts'
import type { Report } from './report.ts'

/*
 * The statistics as CSV for Excel in a Norwegian locale, as the sign-up lists are (functions/events/csv.ts: semicolons,
 * a byte-order mark, and every cell a spreadsheet could take for a formula neutralised, since titles are editors' text):
 * one row per subject with its views and downloads, then one per day.
 */
export function reportCsv(report: Report, kindText: (kind: string) => string): string {
  const rows = [
    ['Periode', `${report.from} – ${report.to}`, report.edition, '', ''],
    ['Type', 'Tittel', 'Eier', 'Visninger', 'Nedlastinger og avspillinger'],
    ...report.top.map((subject) => [kindText(subject.kind), subject.title, subject.owner, String(subject.views), String(subject.downloads)]),
    ['Totalt', '', '', String(report.totals.views), String(report.totals.downloads)],
    [],
    ['Dag', '', '', 'Visninger', 'Nedlastinger og avspillinger'],
    ...report.days.map((day) => [day.day, '', '', String(day.views), String(day.downloads)]),
  ]
  return spreadsheetCsv(rows)
}

import { stringify } from 'csv-stringify/sync'

/**
 * Every cell a spreadsheet could read as a formula (starting with = + - @, tab or carriage return: OWASP's "CSV
 * injection") gets a leading apostrophe, so a name like `=HYPERLINK(…)` typed into a public form, or an editor's title,
 * stays text on the machine that opens the file.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell
}

/**
 * Rows as CSV for Excel in a Norwegian locale: semicolons and a byte-order mark, because that is what it opens into
 * columns with æ, ø and å intact; every cell neutralised. The sign-up lists and the statistics export share it.
 */
export function spreadsheetCsv(rows: string[][]): string {
  const cells = rows.map((row) => row.map(neutraliseFormula))
  return `\uFEFF${stringify(cells, { delimiter: ';', record_delimiter: '\r\n', quoted_match: /[";\r\n]/ })}`
}

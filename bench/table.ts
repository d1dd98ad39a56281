/** Formatting for the bench's table: pure, unit-tested in tests/bench. */

export interface Row {
  figure: string
  value: string
  baseline?: string
  ratio?: string
  target?: string
  /** true met, false missed, undefined: context only (no target). */
  ok?: boolean
}

/** A heading row that starts a group of figures. */
export interface Section {
  section: string
}

const columns = ['figure', 'value', 'baseline', 'ratio', 'target', 'ok?'] as const

const okCell = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? 'yes' : '**NO**')
const escape = (cell: string) => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ')

/** A Markdown table (readable as plain text too): columns padded to their widest cell. */
export function formatTable(rows: Array<Row | Section>): string {
  const cells = rows.map((row) =>
    'section' in row
      ? [`**${row.section}**`, '', '', '', '', '']
      : [row.figure, row.value, row.baseline ?? '', row.ratio ?? '', row.target ?? '', okCell(row.ok)].map(escape),
  )
  const widths = columns.map((name, index) => Math.max(name.length, ...cells.map((line) => line[index]!.length)))
  const line = (values: readonly string[]) => `| ${values.map((value, index) => value.padEnd(widths[index]!)).join(' | ')} |`
  return [line(columns), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n')
}

/** 1 KB = 1024 bytes, one decimal: "14.2 KB". */
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

/** Milliseconds with a precision that suits their size: "0.84 ms", "8.4 ms", "184 ms". */
export function ms(value: number): string {
  if (value < 1) return `${value.toFixed(2)} ms`
  if (value < 10) return `${value.toFixed(1)} ms`
  return `${Math.round(value)} ms`
}

export const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`

export const perSecond = (rate: number) => `${Math.round(rate)} req/s`

/** "0.83×"; an empty cell when there is nothing to compare. */
export const times = (value: number | undefined) => (value === undefined ? '' : value >= 10 ? `${value.toFixed(1)}×` : `${value.toFixed(2)}×`)

export const percent = (value: number | undefined) => (value === undefined ? '' : `${Math.round(value * 100)} %`)

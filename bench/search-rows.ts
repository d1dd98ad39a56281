import type { BenchResults } from './report.ts'
import type { SearchFigures } from './search.ts'
import { kb, ms, type Row, type Section } from './table.ts'

/** Issue 12's target for the in-memory search path. */
export const SEARCH_P95_TARGET_MS = 20

/** The search phase's rows: per size, the query latency against its target, then what the index costs. */
export function searchRows(results: BenchResults): Array<Row | Section> {
  const rows: Array<Row | Section> = [{ section: 'Search (in-memory index, functions/search): a whole search in memory, cold load from DynamoDB Local, incremental update' }]
  const why = results.missing.search
  if (why) rows.push({ figure: 'search', value: why.error ? `not measured: ${why.error.split('\n')[0]!.slice(0, 160)}` : `skipped: ${why.skipped}` })
  const search = results.search
  if (!search) return rows
  const size = (label: string, figures: SearchFigures): Row[] => [
    {
      figure: `${label}: query (match, rank, facets, snippets)`,
      value: `p50 ${ms(figures.query.p50)} · p95 ${ms(figures.query.p95)} (${figures.query.samples} queries)`,
      target: `p95 ≤ ${SEARCH_P95_TARGET_MS} ms`,
      ok: figures.query.p95 <= SEARCH_P95_TARGET_MS,
    },
    { figure: `${label}: cold load (Query every tenant's documents, index them)`, value: ms(figures.coldLoadMs), target: 'context' },
    { figure: `${label}: index`, value: `${figures.terms.toLocaleString('en-US')} terms · ${kb(figures.indexBytes)} serialized · documents ${kb(figures.documentBytes)}`, target: 'context' },
  ]
  rows.push(...size(`${search.demo.documents} documents (demo)`, search.demo))
  rows.push({
    figure: `${search.demo.documents} documents (demo): incremental update`,
    value: `publish p50 ${ms(search.demo.incremental.publishMs)} · warm index applies it in p50 ${ms(search.demo.incremental.applyMs)} (${search.demo.incremental.samples} publishes)`,
    target: 'context',
  })
  rows.push(...size(`${search.scale.documents.toLocaleString('en-US')} documents, ten items' words each`, search.scale))
  const repeated = search.repeated
  if (repeated)
    rows.push(
      {
        figure: `${repeated.documents.toLocaleString('en-US')} documents, the demo items' own text: query`,
        value: `p50 ${ms(repeated.query.p50)} · p95 ${ms(repeated.query.p95)} (${repeated.query.samples} queries)`,
        target: `p95 ≤ ${SEARCH_P95_TARGET_MS} ms`,
        ok: repeated.query.p95 <= SEARCH_P95_TARGET_MS,
      },
      { figure: `${repeated.documents.toLocaleString('en-US')} documents, the demo items' own text: index built in memory`, value: `${ms(repeated.buildMs)} · ${repeated.terms.toLocaleString('en-US')} terms · ${kb(repeated.indexBytes)} serialized`, target: 'context' },
    )
  return rows
}

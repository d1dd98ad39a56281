import { createHash } from 'node:crypto'
import type { ContentCard } from '../content/schema.ts'
import type { Audience, ContentType } from '../content/vocabulary.ts'
import { badRequest } from '../shared/errors.ts'
import type { SearchDocument } from './documents.ts'
import type { Match, SearchIndex, SearchScope } from './engine.ts'
import { highlight, snippet, type TextPart } from './highlight.ts'
import { parseQuery } from './query.ts'

/** Filters a reader narrows results by; each is also a facet with counts. */
export interface SearchFilters {
  type?: ContentType
  topic?: string
  audience?: Audience
  /** The tenant that published the item (the "edition" facet: whose content it is). */
  publisher?: string
}
export const facetNames = ['type', 'topic', 'audience', 'publisher'] as const
export type FacetName = (typeof facetNames)[number]

export interface SearchRequest extends SearchFilters {
  q: string
  /** The reader's edition: its own content first, then shared national content. */
  edition: string
  limit: number
  cursor?: string
}

export interface SearchHit {
  card: ContentCard
  /** The title with the words the query met marked. */
  title: TextPart[]
  /** Where in the text the query met it, when not in the title or summary alone. */
  snippet?: TextPart[]
  /** Whether it belongs to the reader's edition (its own or followed) rather than shared national content. */
  ownEdition: boolean
}

export interface SearchAnswer {
  total: number
  items: SearchHit[]
  /** Counts per value of each facet, among results with the other facets' filters applied. */
  facets: Record<FacetName, Record<string, number>>
  /** "Mente du …?": the query with unknown words replaced by the nearest held ones, when results are few. */
  correction?: string
  nextCursor?: string
}

/** Fewer results than this and the reader is offered a corrected query. */
export const FEW_RESULTS = 3

const valuesOf = (doc: SearchDocument, facet: FacetName): string[] =>
  facet === 'type' ? [doc.card.type] : facet === 'topic' ? doc.card.topics : facet === 'audience' ? doc.card.audiences : [doc.card.tenant]

/**
 * Cursors are an offset into the ranked results of one query; the query's fingerprint travels with it, so a cursor
 * from another query, edition or filter is refused (400 invalid_cursor) rather than paging something else.
 */
const fingerprint = (request: SearchRequest) =>
  createHash('sha1').update(JSON.stringify([request.q.trim(), request.edition, ...facetNames.map((facet) => request[facet] ?? '')])).digest('base64url').slice(0, 12)
export const encodeSearchCursor = (request: SearchRequest, offset: number) => Buffer.from(JSON.stringify({ o: offset, f: fingerprint(request) })).toString('base64url')
function decodeSearchCursor(request: SearchRequest): number {
  if (!request.cursor) return 0
  let decoded: { o?: unknown; f?: unknown }
  try {
    decoded = JSON.parse(Buffer.from(request.cursor, 'base64url').toString('utf8'))
  } catch {
    decoded = {}
  }
  if (decoded?.f !== fingerprint(request) || !Number.isInteger(decoded.o) || (decoded.o as number) < 0) {
    throw badRequest('The cursor does not belong to this search. Start again from the first page.', 'invalid_cursor')
  }
  return decoded.o as number
}

export function runSearch(index: SearchIndex, request: SearchRequest, scope: Omit<SearchScope, 'edition'> & { now: number }): SearchAnswer {
  const offset = decodeSearchCursor(request)
  const query = parseQuery(request.q)
  const matches = index.search(query, { ...scope, edition: request.edition })
  // One pass: a result failing no filter counts in every facet and is shown; one failing a single filter counts in
  // that filter's facet only (its other values are what the reader could switch to); failing two, in none.
  const facets = Object.fromEntries(facetNames.map((facet) => [facet, {} as Record<string, number>])) as SearchAnswer['facets']
  const active = facetNames.filter((facet) => request[facet] !== undefined)
  const filtered: Match[] = []
  for (const match of matches) {
    const failed = active.filter((facet) => !valuesOf(match.doc, facet).includes(request[facet]!))
    if (failed.length > 1) continue
    for (const facet of failed.length ? failed : facetNames) for (const value of valuesOf(match.doc, facet)) facets[facet][value] = (facets[facet][value] ?? 0) + 1
    if (!failed.length) filtered.push(match)
  }
  const page = filtered.slice(offset, offset + request.limit)
  const regional = request.edition !== scope.nationalTenant
  return {
    total: filtered.length,
    items: page.map((match) => hit(match, regional && match.doc.editions.includes(request.edition))),
    facets,
    correction: filtered.length < FEW_RESULTS ? index.correction(query) : undefined,
    nextCursor: offset + request.limit < filtered.length ? encodeSearchCursor(request, offset + request.limit) : undefined,
  }
}

function hit(match: Match, ownEdition: boolean): SearchHit {
  const matched = new Set(match.terms)
  const { card, text } = match.doc
  return { card, title: highlight(card.title, matched), snippet: snippet(text, matched) ?? snippet(card.summary, matched), ownEdition }
}

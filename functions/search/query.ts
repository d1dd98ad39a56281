import type { Query, SearchOptions } from 'minisearch'
import { allowedEdits, isStopWord, stem, words } from './analysis.ts'

/** What a reader typed, as search reads it. */
export interface ParsedQuery {
  /** The normalised words searched for (stop words dropped, unless the query is nothing else). */
  words: string[]
}

export const MAX_QUERY_CHARS = 200
const MAX_WORDS = 10

export function parseQuery(text: string): ParsedQuery {
  const all = words(text.slice(0, MAX_QUERY_CHARS))
  const meaningful = all.filter((word) => !isStopWord(word))
  return { words: (meaningful.length ? meaningful : all).slice(0, MAX_WORDS) }
}

/**
 * One reader's word as a MiniSearch query: the word as written, also as the start of a longer word and with typos
 * forgiven by its length ("legemiddel" finds "legemiddelhåndtering", "demnes" finds "demens"), or exactly its stem
 * ("sykepleiere" finds "sykepleier"). Not the stem as a start: "dem", the stem of "demens", would start half the
 * vocabulary. Words shorter than three letters match whole words only ("i", "hø").
 */
function wordQuery(word: string): Query {
  const prefix = [...word].length >= 3
  const stemmed = stem(word)
  const written: Query = { queries: [word], prefix, fuzzy: allowedEdits(word) || false, combineWith: 'OR' }
  return stemmed && stemmed !== word ? { combineWith: 'OR', queries: [written, { queries: [stemmed], combineWith: 'OR' }] } : written
}

/** The whole query: every word (AND), or any of them (OR) when nothing has them all. */
export const buildQuery = (query: ParsedQuery, combineWith: 'AND' | 'OR'): Query =>
  ({ combineWith, queries: query.words.map(wordQuery) }) satisfies Query & SearchOptions

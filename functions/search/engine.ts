import MiniSearch from 'minisearch'
import SearchableMap from 'minisearch/SearchableMap'
import { foreignTermsOf, isStopWord, termsOf, words } from './analysis.ts'
import damerauLevenshtein from 'damerau-levenshtein'
import { documentId, type SearchDocument } from './documents.ts'
import { buildQuery, type ParsedQuery } from './query.ts'

/**
 * The in-memory index of every published item, all editions in one (a regional search shows national content
 * too). MiniSearch (BM25+, prefix and fuzzy matching over a radix tree) indexes terms that analysis.ts makes;
 * the documents themselves are kept beside it for facets, snippets and cards. Changes are applied one document at
 * a time (storage.ts), never by rebuilding.
 */

/**
 * Field weights: a word in the title counts most, then the summary and body text; words with æ/ø/å spelled for a
 * foreign keyboard a little less. Few fields on purpose: MiniSearch scores every matching document once per field.
 */
const BOOST = { title: 4, text: 1, foreign: 0.8 }
const FIELDS = Object.keys(BOOST)

/** How much a newer item outranks an older one of equal relevance: ×1 today, ×0.75 a year old, ×0.6 at two years. */
export const recencyFactor = (publishedMs: number, now: number) => {
  const years = Math.max(0, now - publishedMs) / (365 * 24 * 3600 * 1000)
  return 0.5 + 0.5 / (1 + years)
}

/** Which documents a search looks at: the reader's edition, the national one, and the owners no reader may see. */
export interface SearchScope {
  edition: string
  nationalTenant: string
  hiddenOwners?: ReadonlySet<string>
}

export interface Match {
  doc: SearchDocument
  score: number
  /** The index terms the query met in this document, for highlighting. */
  terms: string[]
}

/** A document as held: with its time as a number (ranking reads it for every match) and its words, analysed once. */
interface Held {
  doc: SearchDocument
  publishedMs: number
}

export class SearchIndex {
  private readonly held = new Map<string, Held>()
  /** Written words (not stems) and how many documents hold each, for "Mente du …?". */
  private readonly vocabulary = new SearchableMap<number>()
  /** The terms of the document being added, per field: analysed once in put(), handed to MiniSearch by field name. */
  private adding: Record<string, string[]> = {}
  private readonly mini = new MiniSearch<SearchDocument>({
    idField: 'id',
    fields: FIELDS,
    extractField: (doc, field) => (field === 'id' ? documentId(doc.card) : field),
    tokenize: (field) => this.adding[field] ?? [],
    processTerm: (term) => term,
    searchOptions: { tokenize: (text) => [text], processTerm: (term) => term },
  })

  get size() {
    return this.held.size
  }

  /** What the index holds, for the bench and the scale plan (docs/search.md): documents, distinct terms, bytes serialized. */
  stats() {
    return {
      documents: this.held.size,
      terms: this.mini.termCount,
      indexBytes: JSON.stringify(this.mini).length,
      documentBytes: JSON.stringify([...this.held.values()].map((entry) => entry.doc)).length,
    }
  }

  get(id: string): SearchDocument | undefined {
    return this.held.get(id)?.doc
  }

  /** Adds a document, or replaces the one with the same id. Its text is split and analysed once, here. */
  put(doc: SearchDocument) {
    const id = documentId(doc.card)
    this.remove(id)
    const titleWords = words(doc.card.title)
    const textWords = words(`${doc.card.summary}\n${doc.text}`)
    this.adding = { title: titleWords.flatMap(termsOf), text: textWords.flatMap(termsOf), foreign: [...titleWords, ...textWords].flatMap(foreignTermsOf) }
    try {
      this.mini.add(doc)
    } finally {
      this.adding = {}
    }
    this.held.set(id, { doc, publishedMs: Date.parse(doc.card.publishedAt) })
    this.count(new Set([...titleWords, ...textWords]), 1)
  }

  remove(id: string) {
    const old = this.held.get(id)
    if (!old) return
    this.mini.discard(id)
    this.held.delete(id)
    this.count(new Set(words(`${old.doc.card.title}\n${old.doc.card.summary}\n${old.doc.text}`)), -1)
  }

  private count(distinct: Set<string>, delta: 1 | -1) {
    for (const word of distinct) {
      if (isStopWord(word)) continue
      const next = (this.vocabulary.get(word) ?? 0) + delta
      if (next > 0) this.vocabulary.set(word, next)
      else this.vocabulary.delete(word)
    }
  }

  /**
   * Every document the reader's edition searches: its own and shared national content, less what hidden editions
   * (issue 17: being prepared) own, which no reader may see yet even where it is shared.
   */
  inScope(doc: SearchDocument, scope: SearchScope) {
    if (scope.hiddenOwners?.has(doc.card.tenant)) return false
    return doc.editions.includes(scope.edition) || doc.editions.includes(scope.nationalTenant)
  }

  /** All matches in scope, best first. An empty query matches nothing. */
  search(query: ParsedQuery, scope: SearchScope & { now: number }): Match[] {
    if (!query.words.length) return []
    const regional = scope.edition !== scope.nationalTenant
    const run = (combineWith: 'AND' | 'OR') => this.mini.search(buildQuery(query, combineWith), { boost: BOOST })
    // Every word must match; when no item has them all, items with some of them are better than nothing.
    let results = run('AND')
    if (!results.length && query.words.length > 1) results = run('OR')
    // Scope and recency once per document here, rather than in MiniSearch's filter and boostDocument, which it calls
    // for every matching term: the same ranking (a document's boost multiplies each of its terms' scores alike).
    const matches: Match[] = []
    for (const result of results) {
      const entry = this.held.get(result.id)!
      if (!this.inScope(entry.doc, scope)) continue
      matches.push({ doc: entry.doc, score: result.score * recencyFactor(entry.publishedMs, scope.now), terms: result.terms })
    }
    // The reader's own edition (its items and those it follows) first, then shared national content, each by score.
    const own = (match: Match) => (regional && match.doc.editions.includes(scope.edition) ? 1 : 0)
    return matches.sort((a, b) => own(b) - own(a) || b.score - a.score)
  }

  /**
   * For each query word no document holds as written, the held word nearest to it (fewest edits, then the most
   * documents): "Mente du …?" offers the query with those words replaced. Undefined when nothing would change.
   */
  correction(query: ParsedQuery): string | undefined {
    let changed = false
    const corrected = query.words.map((word) => {
      // A held word, or the start of one (a compound's first part), is what the reader meant.
      if (word.length < 4 || this.vocabulary.atPrefix(word).size > 0) return word
      let best: { word: string; distance: number; documents: number } | undefined
      // The radix tree finds candidates by Levenshtein distance; a swapped pair of letters ("demnes") is one slip, not two.
      for (const [candidate, [documents]] of this.vocabulary.fuzzyGet(word, 2)) {
        const distance = damerauLevenshtein(word, candidate).steps
        if (!best || distance < best.distance || (distance === best.distance && documents > best.documents)) best = { word: candidate, distance, documents }
      }
      if (!best) return word
      changed = true
      return best.word
    })
    return changed ? corrected.join(' ') : undefined
  }

  /** The newest documents in scope, for the page that found nothing. */
  latest(scope: SearchScope, limit: number): SearchDocument[] {
    return [...this.held.values()]
      .map((entry) => entry.doc)
      .filter((doc) => this.inScope(doc, scope))
      .sort((a, b) => b.card.publishedAt.localeCompare(a.card.publishedAt))
      .slice(0, limit)
  }
}

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

/** Field weights: a word in the title counts most, the summary next, the rest least; foreign spellings a little less. */
const BOOST = { title: 5, summary: 2, text: 1, titleForeign: 4, textForeign: 0.8 }
const FIELDS = Object.keys(BOOST)

/** How much a newer item outranks an older one of equal relevance: ×1 today, ×0.75 a year old, ×0.6 at two years. */
export const recencyFactor = (publishedAt: string, now: number) => {
  const years = Math.max(0, now - Date.parse(publishedAt)) / (365 * 24 * 3600 * 1000)
  return 0.5 + 0.5 / (1 + years)
}

export interface Match {
  doc: SearchDocument
  score: number
  /** The index terms the query met in this document, for highlighting. */
  terms: string[]
}

const indexTerms = (text: string) => words(text).flatMap(termsOf)
const foreignTerms = (text: string) => words(text).flatMap(foreignTermsOf)

export class SearchIndex {
  private readonly docs = new Map<string, SearchDocument>()
  /** Written words (not stems) and how many documents hold each, for "Mente du …?". */
  private readonly vocabulary = new SearchableMap<number>()
  private readonly mini = new MiniSearch<SearchDocument>({
    idField: 'id',
    fields: FIELDS,
    extractField: (doc, field) => {
      if (field === 'id') return documentId(doc.card)
      if (field === 'title' || field === 'titleForeign') return doc.card.title
      if (field === 'summary') return doc.card.summary
      return field === 'textForeign' ? `${doc.card.summary}\n${doc.text}` : doc.text
    },
    // Each field's text is split and analysed here in one go, so MiniSearch's own tokenizer sees one term at a time.
    tokenize: (text, field) => (field === 'titleForeign' || field === 'textForeign' ? foreignTerms(text) : indexTerms(text)),
    processTerm: (term) => term,
    searchOptions: { tokenize: (text) => [text], processTerm: (term) => term },
  })

  get size() {
    return this.docs.size
  }

  get(id: string): SearchDocument | undefined {
    return this.docs.get(id)
  }

  /** Adds a document, or replaces the one with the same id. */
  put(doc: SearchDocument) {
    const id = documentId(doc.card)
    this.remove(id)
    this.docs.set(id, doc)
    this.mini.add(doc)
    this.count(doc, 1)
  }

  remove(id: string) {
    const old = this.docs.get(id)
    if (!old) return
    this.mini.discard(id)
    this.docs.delete(id)
    this.count(old, -1)
  }

  private count(doc: SearchDocument, delta: 1 | -1) {
    for (const word of new Set(words(`${doc.card.title} ${doc.card.summary} ${doc.text}`))) {
      if (isStopWord(word)) continue
      const next = (this.vocabulary.get(word) ?? 0) + delta
      if (next > 0) this.vocabulary.set(word, next)
      else this.vocabulary.delete(word)
    }
  }

  /** Every document the reader's edition searches: its own and shared national content. */
  inScope(doc: SearchDocument, edition: string, nationalTenant: string) {
    return doc.editions.includes(edition) || doc.editions.includes(nationalTenant)
  }

  /** All matches in scope, best first. An empty query matches nothing. */
  search(query: ParsedQuery, scope: { edition: string; nationalTenant: string; now: number }): Match[] {
    if (!query.words.length) return []
    const regional = scope.edition !== scope.nationalTenant
    const run = (combineWith: 'AND' | 'OR') =>
      this.mini.search(buildQuery(query, combineWith), {
        boost: BOOST,
        filter: (result) => this.inScope(this.docs.get(result.id)!, scope.edition, scope.nationalTenant),
        boostDocument: (id) => recencyFactor(this.docs.get(id)!.card.publishedAt, scope.now),
      })
    // Every word must match; when no item has them all, items with some of them are better than nothing.
    let results = run('AND')
    if (!results.length && query.words.length > 1) results = run('OR')
    const matches = results.map((result) => ({ doc: this.docs.get(result.id)!, score: result.score, terms: result.terms }))
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
  latest(scope: { edition: string; nationalTenant: string }, limit: number): SearchDocument[] {
    return [...this.docs.values()]
      .filter((doc) => this.inScope(doc, scope.edition, scope.nationalTenant))
      .sort((a, b) => b.card.publishedAt.localeCompare(a.card.publishedAt))
      .slice(0, limit)
  }
}

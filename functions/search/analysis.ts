import { stemmer } from '@orama/stemmers/norwegian'
import { stopwords } from '@orama/stopwords/norwegian'

/**
 * Norwegian (bokmål) text analysis, the same for what is indexed and what a reader types: words are lower-cased
 * letters and digits (so "KOLS-pasienter" is two words), Snowball's Norwegian stop words are dropped, and each
 * word is kept both as written and as Snowball's Norwegian stem. Both, because Snowball alone parts forms a reader
 * expects together ("sykepleier" → "sykeplei", "sykepleiere" → "sykepleier"): the written form of one meets the
 * stem of the other. Compounds are met by prefix matching at query time (query.ts), typos by edit distance.
 */

const stopWords = new Set(stopwords)
const WORD = /[\p{L}\p{N}]+/gu

/** NFC, lower case: "Å" typed as A + ring and "å" are one letter. */
export const normalize = (text: string) => text.normalize('NFC').toLowerCase()

/** The words of a text in order, normalised, stop words included (snippets need every word). */
export function words(text: string): string[] {
  return normalize(text).match(WORD) ?? []
}

/** The words of a text with where each starts and ends in `text`, for highlighting. */
export function wordSpans(text: string): Array<{ word: string; start: number; end: number }> {
  const spans: Array<{ word: string; start: number; end: number }> = []
  for (const match of text.matchAll(WORD)) spans.push({ word: normalize(match[0]), start: match.index, end: match.index + match[0].length })
  return spans
}

export const isStopWord = (word: string) => stopWords.has(word)

/** Snowball's Norwegian stem of a normalised word. */
export const stem = (word: string) => stemmer(word)

/**
 * Words repeat (Zipf): a document of 30,000 characters has a few hundred distinct words. Their terms are kept, up to
 * a bound, so indexing 10,000 documents stems each distinct word once rather than every occurrence.
 */
const MAX_REMEMBERED = 200_000
const remembered = new Map<string, string[]>()
function remember(word: string, terms: () => string[]): string[] {
  let found = remembered.get(word)
  if (!found) {
    if (remembered.size >= MAX_REMEMBERED) remembered.clear()
    remembered.set(word, (found = terms()))
  }
  return found
}

/** The terms a word is indexed and searched under: as written and its stem; none for a stop word. */
export function termsOf(word: string): string[] {
  return remember(word, () => {
    if (stopWords.has(word)) return []
    const stemmed = stem(word)
    return stemmed === word || !stemmed ? [word] : [word, stemmed]
  })
}

/**
 * æ, ø and å stay letters of their own ("sår" is not "sar"), but a reader on a foreign keyboard types them as
 * "ae", "o" and "aa" (the old spelling, and what Norwegians abroad write). A word with any of them is also
 * indexed under this spelling, in fields of lower weight (engine.ts), so "haandhygiene" finds "håndhygiene" while
 * "sår" never finds "sar". Undefined for a word without them.
 */
export function foreignSpelling(word: string): string | undefined {
  if (!/[æøå]/.test(word)) return undefined
  return word.replace(/å/g, 'aa').replace(/æ/g, 'ae').replace(/ø/g, 'o')
}

/** The foreign-keyboard terms of a word: its spelling without æ/ø/å, as written and stemmed. */
export function foreignTermsOf(word: string): string[] {
  // Most words have no æ, ø or å: nothing to remember for them.
  if (!/[æøå]/.test(word) || stopWords.has(word)) return []
  return remember(`\u0000${word}`, () => [...new Set(termsOf(word).map(foreignSpelling).filter((term): term is string => Boolean(term)))])
}

/**
 * How many typing mistakes a word may carry and still match, by its length: none under 4 letters (too many short
 * words lie one letter apart: "sår", "sør", "far"), one up to 5, two from 6. Elasticsearch's AUTO fuzziness with
 * its lower bound raised by one, for the same reason.
 */
export function allowedEdits(word: string): number {
  const length = [...word].length
  return length < 4 ? 0 : length < 6 ? 1 : 2
}

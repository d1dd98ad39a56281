import { foreignTermsOf, termsOf, wordSpans } from './analysis.ts'

/** A piece of text, marked when it is a word the query found. Rendered as `<mark>` by the page (escaped as any text). */
export interface TextPart {
  text: string
  match?: true
}

const SNIPPET_WORDS = 28
const WORDS_BEFORE = 8

/** Whether a word of the text is one the query met: any of its index terms among the matched ones. */
const isMatch = (word: string, matched: Set<string>) => termsOf(word).some((term) => matched.has(term)) || foreignTermsOf(word).some((term) => matched.has(term))

/** The whole text with the matched words marked (titles). */
export function highlight(text: string, matched: Set<string>): TextPart[] {
  return mark(text, 0, text.length, matched)
}

function mark(text: string, from: number, to: number, matched: Set<string>): TextPart[] {
  const parts: TextPart[] = []
  let at = from
  for (const span of wordSpans(text.slice(from, to))) {
    const start = from + span.start
    const end = from + span.end
    if (!isMatch(span.word, matched)) continue
    if (start > at) parts.push({ text: text.slice(at, start) })
    parts.push({ text: text.slice(start, end), match: true })
    at = end
  }
  if (at < to) parts.push({ text: text.slice(at, to) })
  return parts
}

/**
 * About `SNIPPET_WORDS` words of `text` around the first word the query met, matched words marked, with an
 * ellipsis where it was cut; undefined when no word of it matched (the card's summary then says enough).
 */
export function snippet(text: string, matched: Set<string>): TextPart[] | undefined {
  const spans = wordSpans(text)
  const first = spans.findIndex((span) => isMatch(span.word, matched))
  if (first < 0) return undefined
  const startWord = Math.max(0, first - WORDS_BEFORE)
  const endWord = Math.min(spans.length, startWord + SNIPPET_WORDS)
  const from = spans[startWord]!.start
  const to = spans[endWord - 1]!.end
  const parts = mark(text, from, to, matched).map((part) => ({ ...part, text: part.match ? part.text : part.text.replace(/\s+/g, ' ') }))
  if (startWord > 0) parts.unshift({ text: '… ' })
  if (endWord < spans.length) parts.push({ text: ' …' })
  return parts
}

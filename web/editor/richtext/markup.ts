import type { Inline } from '../../../functions/content/richtext.ts'

/**
 * The inline markup editors type in a text box, and its exact translation to and from the rich-text
 * document's inlines. Deliberately tiny (what the help text under each box explains):
 *
 *   **fet**   *kursiv*   ***fet og kursiv***   [lenketekst](https://adresse)   \* (a literal star)
 *
 * A star or bracket that does not pair up stays as typed, so half-written markup never disappears. Any ASCII
 * punctuation after a backslash is taken literally; the writer adds backslashes only where the text would
 * otherwise read as markup, so ordinary text shows up in the box exactly as it reads.
 */

type Mark = 'bold' | 'italic'
type Token = { kind: 'text'; text: string } | { kind: 'toggle'; mark: Mark; raw: string } | { kind: 'link'; text: string; href: string }

const isEscapable = (char: string | undefined) => char !== undefined && /[!-/:-@[-`{-~•]/.test(char)

/** Reads up to an unescaped `close` on the same line; returns the unescaped text and the index after `close`. */
function readUntil(source: string, start: number, close: string): { text: string; end: number } | undefined {
  let text = ''
  for (let index = start; index < source.length; index++) {
    const char = source[index]!
    if (char === '\n') return undefined
    if (char === '\\' && isEscapable(source[index + 1])) {
      text += source[++index]
      continue
    }
    if (char === close) return { text, end: index + 1 }
    text += char
  }
  return undefined
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  const literal = (text: string) => {
    const last = tokens[tokens.length - 1]
    if (last?.kind === 'text') last.text += text
    else tokens.push({ kind: 'text', text })
  }
  let index = 0
  while (index < source.length) {
    const char = source[index]!
    if (char === '\\' && isEscapable(source[index + 1])) {
      literal(source[index + 1]!)
      index += 2
    } else if (char === '[') {
      const label = readUntil(source, index + 1, ']')
      const target = label && source[label.end] === '(' ? readUntil(source, label.end + 1, ')') : undefined
      if (label && target && label.text.trim() && target.text.trim()) {
        tokens.push({ kind: 'link', text: label.text, href: target.text.trim() })
        index = target.end
      } else {
        literal('[')
        index += 1
      }
    } else if (source.startsWith('**', index)) {
      tokens.push({ kind: 'toggle', mark: 'bold', raw: '**' })
      index += 2
    } else if (char === '*') {
      tokens.push({ kind: 'toggle', mark: 'italic', raw: '*' })
      index += 1
    } else {
      literal(char)
      index += 1
    }
  }
  // A marker without a partner is text: the last one of an odd count is the one left open.
  for (const mark of ['bold', 'italic'] as const) {
    const toggles = tokens.flatMap((token, position) => (token.kind === 'toggle' && token.mark === mark ? [position] : []))
    if (toggles.length % 2 === 1) {
      const position = toggles[toggles.length - 1]!
      tokens[position] = { kind: 'text', text: (tokens[position] as { raw: string }).raw }
    }
  }
  return tokens
}

const sameMarks = (a: Mark[] | undefined, b: Mark[] | undefined) => (a ?? []).join() === (b ?? []).join()

/** Merges neighbouring text with equal marks, drops empty text, and orders marks bold before italic. */
export function normalizeInlines(content: Inline[]): Inline[] {
  const result: Inline[] = []
  for (const inline of content) {
    if (inline.type === 'link') {
      result.push({ type: 'link', href: inline.href, text: inline.text })
      continue
    }
    if (!inline.text) continue
    const marks = (['bold', 'italic'] as const).filter((mark) => inline.marks?.includes(mark))
    const last = result[result.length - 1]
    if (last?.type === 'text' && sameMarks(last.marks, marks)) last.text += inline.text
    else result.push(marks.length ? { type: 'text', text: inline.text, marks } : { type: 'text', text: inline.text })
  }
  return result
}

export function parseInline(source: string): Inline[] {
  const active = new Set<Mark>()
  const inlines: Inline[] = []
  for (const token of tokenize(source)) {
    if (token.kind === 'toggle') {
      if (active.has(token.mark)) active.delete(token.mark)
      else active.add(token.mark)
    } else if (token.kind === 'link') {
      inlines.push({ type: 'link', href: token.href, text: token.text })
    } else {
      const marks = [...active] as Mark[]
      inlines.push(marks.length ? { type: 'text', text: token.text, marks } : { type: 'text', text: token.text })
    }
  }
  return normalizeInlines(inlines)
}

const escapeText = (text: string) => text.replace(/[\\*[\]]/g, (char) => `\\${char}`)
const escapeLinkText = (text: string) => text.replace(/[\\\]]/g, (char) => `\\${char}`)
const escapeHref = (href: string) => href.replace(/[\\)]/g, (char) => `\\${char}`)

function write(content: Inline[], escape: (text: string) => string): string {
  let out = ''
  let open = new Set<Mark>()
  const moveTo = (marks: Mark[]) => {
    const next = new Set(marks)
    for (const mark of ['italic', 'bold'] as const) if (open.has(mark) && !next.has(mark)) out += mark === 'bold' ? '**' : '*'
    for (const mark of ['bold', 'italic'] as const) if (!open.has(mark) && next.has(mark)) out += mark === 'bold' ? '**' : '*'
    open = next
  }
  for (const inline of content) {
    if (inline.type === 'link') {
      moveTo([])
      out += `[${escapeLinkText(inline.text)}](${escapeHref(inline.href)})`
    } else {
      moveTo(inline.marks ?? [])
      out += escape(inline.text)
    }
  }
  moveTo([])
  return out
}

const sameInlines = (a: Inline[], b: Inline[]) => JSON.stringify(a) === JSON.stringify(b)

/** The markup for some inlines: plain where that reads back the same, escaped where it would not. */
export function serializeInline(content: Inline[]): string {
  const normalized = normalizeInlines(content)
  const plain = write(normalized, (text) => text)
  return sameInlines(parseInline(plain), normalized) ? plain : write(normalized, escapeText)
}

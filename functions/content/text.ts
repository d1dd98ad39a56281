import * as z from 'zod'

/**
 * Text is text. Every string an editor stores ends up in HTML, JSON-LD and XML feeds; XML 1.0 cannot carry
 * C0 controls, lone surrogates or U+FFFE/U+FFFF at all (one `\u0001` in a shared title made /feed.xml not
 * well-formed for every reader of the national feed), and DEL, C1 controls and the other noncharacters are
 * never typed on purpose. `\p{Cs}` with the `u` flag matches only surrogates that are not part of a pair.
 */
const notText = /[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/u

/** In a field that holds paragraphs, the two whitespace controls people type: tab and line feed. */
const notTextMultiLine = /(?![\t\n])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/u

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`

function problemWith(char: string, multiLine: boolean): string {
  if (!multiLine && (char === '\n' || char === '\r' || char === '\t')) return 'Write this on one line: remove line breaks and tabs'
  if (/\p{Cs}/u.test(char)) return `Remove the broken character ${codePoint(char)} (half of a surrogate pair); retype the text or paste it as plain text`
  if (/\p{Cc}/u.test(char)) return `Remove the invisible control character ${codePoint(char)}; retype the text or paste it as plain text`
  return `Remove ${codePoint(char)}, which Unicode reserves as a noncharacter; retype the text or paste it as plain text`
}

/** The first character that is not text in this kind of field, or undefined. One regex pass: linear time. */
export function findNonText(text: string, options: { multiLine?: boolean } = {}): string | undefined {
  return (options.multiLine ? notTextMultiLine : notText).exec(text)?.[0]
}

/** A zod check refusing what is not text; the issue names the character, and zod adds the field's path. */
export const textOnly =
  (options: { multiLine?: boolean } = {}) =>
  (text: string, context: z.RefinementCtx) => {
    const found = findNonText(text, options)
    if (found !== undefined) context.addIssue({ code: 'custom', message: problemWith(found, options.multiLine ?? false), input: text })
  }

/** A one-line field (titles, names, alt text): no control character at all, tab and line feed included. */
export const lineText = (max: number, options: { min?: number; trim?: boolean } = {}) =>
  (options.trim ? z.string().trim() : z.string())
    .min(options.min ?? 0)
    .max(max)
    .superRefine(textOnly())

/**
 * A one-line field typed in a text area (a summary): the line breaks and tabs people type or paste there become
 * single spaces instead of a refusal, since the reader sees one running text anyway.
 */
export const foldedLineText = (max: number, options: { min?: number } = {}) =>
  z
    .string()
    .overwrite((text) => text.replace(/\s*[\t\r\n]+\s*/g, ' '))
    .trim()
    .min(options.min ?? 0)
    .max(max)
    .superRefine(textOnly())

/**
 * A field that may hold paragraphs (rich-text runs, show notes, reasons): tab and line feed are text there.
 * Windows (CRLF) and old Mac (CR) line ends become line feeds, the form XML parsers hand readers anyway.
 */
export const paragraphText = (max: number, options: { min?: number; trim?: boolean } = {}) => {
  const normalised = z.string().overwrite((text) => text.replace(/\r\n?/g, '\n'))
  return (options.trim ? normalised.trim() : normalised)
    .min(options.min ?? 0)
    .max(max)
    .superRefine(textOnly({ multiLine: true }))
}

/**
 * Whether the text holds something that reads as an HTML tag: `<` (or `</`) and a letter, with a `>` later
 * on. The same answer as `/<\/?[a-z][^>]*>/i`, which retries from every `<` and so is quadratic on
 * `<a<a<a…`; if any tag start has a `>` after it, the first one does, so one search and one indexOf suffice.
 */
export function containsTag(text: string): boolean {
  const start = text.search(/<\/?[a-z]/i)
  return start >= 0 && text.indexOf('>', start) >= 0
}

import type { JSONContent } from '@tiptap/core'
import type { Block, EmbedBlock, Inline, RichText } from '../../../functions/content/richtext.ts'
import { blockKindText, t } from '../text.ts'

/**
 * Our stored document ⇄ the editor's ProseMirror JSON (schema.ts). Pure, so the round trip is tested without a
 * browser (tests/web/editor/prosemirror-doc.test.ts): document → editor → document is exact for every
 * normalised document, and whatever the editor holds maps to a document that richTextSchema accepts, apart
 * from what only the editor can fix (an image without alt text, a link without text), reported as problems.
 */

/** The kinds of block the toolbar offers, named in bokmål by text/ui.ts blockKindText. */
export type BlockKind = 'paragraph' | 'h2' | 'h3' | 'h4' | 'bullets' | 'numbered' | 'quote' | 'image' | 'embed'

/** Something to fix in one block of the document, in words for the editor (text/forms.ts blockProblemText). */
export interface BlockProblem {
  /** Index of the block in the produced document. */
  index: number
  code: 'alt-missing'
}

type Mark = 'bold' | 'italic'

const sameMarks = (a: Mark[] | undefined, b: Mark[] | undefined) => (a ?? []).join() === (b ?? []).join()

/** Merges neighbouring text with equal marks, drops empty text, and orders marks bold before italic. */
export function normalizeInlines(content: Inline[]): Inline[] {
  const result: Inline[] = []
  for (const inline of content) {
    if (inline.type === 'link') {
      const last = result[result.length - 1]
      // One link split in two (a mark toggled inside it, then removed) is still one link.
      if (last?.type === 'link' && last.href === inline.href) last.text += inline.text
      else result.push({ type: 'link', href: inline.href, text: inline.text })
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

// Document → editor.

function inlineToPm(inline: Inline): JSONContent {
  if (inline.type === 'link') return { type: 'text', text: inline.text, marks: [{ type: 'link', attrs: { href: inline.href } }] }
  return inline.marks?.length ? { type: 'text', text: inline.text, marks: inline.marks.map((type) => ({ type })) } : { type: 'text', text: inline.text }
}

/** ProseMirror refuses empty text nodes; an empty block is a node without content. */
const inlinesToPm = (content: Inline[]) => {
  const nodes = normalizeInlines(content).map(inlineToPm)
  return nodes.length ? { content: nodes } : {}
}

function blockToPm(block: Block): JSONContent {
  switch (block.type) {
    case 'paragraph':
      return { type: 'paragraph', ...inlinesToPm(block.content) }
    case 'heading':
      return { type: 'heading', attrs: { level: block.level }, ...inlinesToPm(block.content) }
    case 'list':
      return {
        type: block.ordered ? 'orderedList' : 'bulletList',
        content: block.items.map((item) => ({ type: 'listItem', content: [{ type: 'paragraph', ...inlinesToPm(item) }] })),
      }
    case 'quote':
      return { type: 'quote', attrs: { cite: block.cite ?? null }, ...inlinesToPm(block.content) }
    case 'image':
      return { type: 'image', attrs: { src: block.src, alt: block.alt, caption: block.caption ?? null } }
    case 'embed':
      // The reference and the facts its last save copied, carried as they are (the server copies them again).
      return { type: 'embed', attrs: { item: block.item, episode: block.episode ?? null, facts: block.facts ?? null } }
  }
}

/** The editor's content for a document; an empty document is one empty paragraph to type in. */
export function toProseMirror(doc: RichText): JSONContent {
  const content = doc.content.map(blockToPm)
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] }
}

// Editor → document.

/** Link text is one line in the stored document; a line break pasted into it reads as a space anyway. */
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ')

function inlinesFromPm(nodes: JSONContent[] | undefined): Inline[] {
  const inlines: Inline[] = []
  for (const node of nodes ?? []) {
    if (node.type !== 'text' || !node.text) continue
    const link = node.marks?.find((mark) => mark.type === 'link')
    if (link) {
      inlines.push({ type: 'link', href: String(link.attrs?.href ?? ''), text: oneLine(node.text) })
      continue
    }
    const marks = (node.marks ?? []).map((mark) => mark.type).filter((type): type is Mark => type === 'bold' || type === 'italic')
    inlines.push(marks.length ? { type: 'text', text: node.text, marks } : { type: 'text', text: node.text })
  }
  // Text that is only spaces around a link or at an edge stays: the reader sees those spaces too.
  const normalized = normalizeInlines(inlines).filter((inline) => inline.type === 'text' || inline.text.trim())
  return normalized.some((inline) => inline.text.trim()) ? normalized : []
}

const trimmed = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined)

function blockFromPm(node: JSONContent): Block | undefined {
  switch (node.type) {
    case 'paragraph': {
      const content = inlinesFromPm(node.content)
      return content.length ? { type: 'paragraph', content } : undefined
    }
    case 'heading': {
      const content = inlinesFromPm(node.content)
      const level = Math.min(4, Math.max(2, Number(node.attrs?.level ?? 2))) as 2 | 3 | 4
      return content.length ? { type: 'heading', level, content } : undefined
    }
    case 'bulletList':
    case 'orderedList': {
      const items = (node.content ?? []).map((item) => inlinesFromPm(item.content?.flatMap((paragraph) => paragraph.content ?? []))).filter((item) => item.length > 0)
      return items.length ? { type: 'list', ordered: node.type === 'orderedList', items } : undefined
    }
    case 'quote': {
      const content = inlinesFromPm(node.content)
      const cite = trimmed(node.attrs?.cite)
      return content.length ? { type: 'quote', content, ...(cite ? { cite } : {}) } : undefined
    }
    case 'image': {
      const src = trimmed(node.attrs?.src)
      const caption = trimmed(node.attrs?.caption)
      return src ? { type: 'image', src, alt: trimmed(node.attrs?.alt) ?? '', ...(caption ? { caption } : {}) } : undefined
    }
    case 'embed': {
      const item = node.attrs?.item as EmbedBlock['item'] | null | undefined
      const episode = trimmed(node.attrs?.episode)
      const facts = node.attrs?.facts as EmbedBlock['facts'] | null | undefined
      return item ? { type: 'embed', item, ...(episode ? { episode } : {}), ...(facts ? { facts } : {}) } : undefined
    }
    default:
      return undefined
  }
}

export interface Converted {
  doc: RichText
  problems: BlockProblem[]
}

/** The stored document for the editor's content. Empty blocks are left out, as a reader would never see them. */
export function fromProseMirror(json: JSONContent): Converted {
  const doc: RichText = { type: 'doc', content: (json.content ?? []).flatMap((node) => blockFromPm(node) ?? []) }
  return { doc, problems: bodyProblems(doc) }
}

/** What the stored schema lets through but a reader would miss: an image without alt text. */
export const bodyProblems = (doc: RichText): BlockProblem[] =>
  doc.content.flatMap((block, index): BlockProblem[] => (block.type === 'image' && !block.alt.trim() ? [{ index, code: 'alt-missing' }] : []))

/** A block named for an error message, as the editor sees it: «Blokk 3 (bilde)». */
export function blockLabel(doc: RichText, index: number): string {
  const block = doc.content[index]
  return block ? `${t.blockNumber(index + 1)} (${blockKindText[kindOf(block)].toLowerCase()})` : t.blockNumber(index + 1)
}

function kindOf(block: Block): BlockKind {
  if (block.type === 'heading') return `h${block.level}`
  if (block.type === 'list') return block.ordered ? 'numbered' : 'bullets'
  return block.type
}

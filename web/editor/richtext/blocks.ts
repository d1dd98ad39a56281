import type { Block, RichText } from '../../../functions/content/richtext.ts'
import { parseInline, serializeInline } from './markup.ts'

/**
 * The rich-text editor edits a list of blocks, each a text box in the tiny markup of markup.ts (lists: one
 * item per line). These functions translate between that list and the stored document; the round trip
 * document → blocks → document is exact for every normalised document (tests/web/editor/blocks.test.ts).
 */
export const blockKinds = ['paragraph', 'h2', 'h3', 'h4', 'bullets', 'numbered', 'quote', 'image'] as const
export type BlockKind = (typeof blockKinds)[number]

export interface EditorBlock {
  key: string
  kind: BlockKind
  /** Markup text (every kind but image). */
  text: string
  cite?: string
  src?: string
  alt?: string
  caption?: string
}

/** Something to fix in one block, in words for the editor. */
export interface BlockProblem {
  key: string
  field: 'text' | 'alt' | 'src' | 'cite' | 'caption'
  code: 'image-missing' | 'alt-missing'
}

let counter = 0
export const newBlockKey = () => `b${Date.now().toString(36)}${(counter++).toString(36)}`

export const emptyBlock = (kind: BlockKind = 'paragraph'): EditorBlock => ({ key: newBlockKey(), kind, text: '' })

/** A line that would read as a list marker is escaped, so it survives being one item per line. */
const listMarker = /^\s*(?:[-*•]|\d+[.)])\s/
const escapeListItem = (line: string) =>
  listMarker.test(line) ? line.replace(/^(\s*)([-*•])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2') : line

function blockToEditor(block: Block): EditorBlock {
  const key = newBlockKey()
  switch (block.type) {
    case 'paragraph':
      return { key, kind: 'paragraph', text: serializeInline(block.content) }
    case 'heading':
      return { key, kind: `h${block.level}`, text: serializeInline(block.content) }
    case 'list':
      return { key, kind: block.ordered ? 'numbered' : 'bullets', text: block.items.map((item) => escapeListItem(serializeInline(item))).join('\n') }
    case 'quote':
      return { key, kind: 'quote', text: serializeInline(block.content), ...(block.cite ? { cite: block.cite } : {}) }
    case 'image':
      return { key, kind: 'image', text: '', src: block.src, alt: block.alt, ...(block.caption ? { caption: block.caption } : {}) }
  }
}

export const docToBlocks = (doc: RichText): EditorBlock[] => doc.content.map(blockToEditor)

/** One line of running text: line breaks in a paragraph box are spaces to the reader anyway. */
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim()

export interface Converted {
  doc: RichText
  /** For each block of `doc`, the key of the editor block it came from (to place schema errors). */
  keys: string[]
  problems: BlockProblem[]
}

/** The document for the blocks. Empty text blocks are left out; images must have a file and alt text. */
export function blocksToDoc(blocks: EditorBlock[]): Converted {
  const content: Block[] = []
  const keys: string[] = []
  const problems: BlockProblem[] = []
  const add = (key: string, block: Block) => {
    content.push(block)
    keys.push(key)
  }
  for (const block of blocks) {
    switch (block.kind) {
      case 'paragraph':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'quote': {
        const inlines = parseInline(oneLine(block.text))
        if (inlines.length === 0) break
        if (block.kind === 'paragraph') add(block.key, { type: 'paragraph', content: inlines })
        else if (block.kind === 'quote') add(block.key, { type: 'quote', content: inlines, ...(block.cite?.trim() ? { cite: block.cite.trim() } : {}) })
        else add(block.key, { type: 'heading', level: Number(block.kind.slice(1)) as 2 | 3 | 4, content: inlines })
        break
      }
      case 'bullets':
      case 'numbered': {
        const items = block.text
          .split('\n')
          .map((line) => parseInline(line.replace(listMarker, '').trim()))
          .filter((item) => item.length > 0)
        if (items.length) add(block.key, { type: 'list', ordered: block.kind === 'numbered', items })
        break
      }
      case 'image': {
        if (!block.src) {
          problems.push({ key: block.key, field: 'src', code: 'image-missing' })
          break
        }
        if (!block.alt?.trim()) problems.push({ key: block.key, field: 'alt', code: 'alt-missing' })
        add(block.key, { type: 'image', src: block.src, alt: block.alt?.trim() ?? '', ...(block.caption?.trim() ? { caption: block.caption.trim() } : {}) })
        break
      }
    }
  }
  return { doc: { type: 'doc', content }, keys, problems }
}

export function moveBlock(blocks: EditorBlock[], key: string, offset: -1 | 1): EditorBlock[] {
  const from = blocks.findIndex((block) => block.key === key)
  const to = from + offset
  if (from < 0 || to < 0 || to >= blocks.length) return blocks
  const next = [...blocks]
  const [moved] = next.splice(from, 1)
  next.splice(to, 0, moved!)
  return next
}

export function insertBlockAfter(blocks: EditorBlock[], key: string | undefined, block: EditorBlock): EditorBlock[] {
  const index = key === undefined ? blocks.length - 1 : blocks.findIndex((candidate) => candidate.key === key)
  const next = [...blocks]
  next.splice(index + 1, 0, block)
  return next
}

import { mergeAttributes, Node, type Extensions } from '@tiptap/core'
import Bold from '@tiptap/extension-bold'
import Document from '@tiptap/extension-document'
import Heading from '@tiptap/extension-heading'
import Italic from '@tiptap/extension-italic'
import Link from '@tiptap/extension-link'
import { BulletList, ListItem, OrderedList } from '@tiptap/extension-list'
import Paragraph from '@tiptap/extension-paragraph'
import Text from '@tiptap/extension-text'
import { Gapcursor, TrailingNode, UndoRedo } from '@tiptap/extensions'
import type { EmbedBlock } from '../../../functions/content/richtext.ts'
import { isMediaPath } from '../../../functions/media/paths.ts'
import { embedText } from '../text.ts'

/**
 * The editor's ProseMirror schema: exactly what functions/content/richtext.ts can hold and nothing more, so
 * whatever is typed or pasted already fits the stored document (prosemirror-doc.ts only renames). Anything a
 * paste brings that has no node or mark here (fonts, colours, tables, scripts, other images) is dropped by
 * ProseMirror's parser, which keeps the text.
 */

/** The stored schema's rule for links (richtext.ts safeHref): web, e-mail, a path on this site or an anchor. */
export const isSafeHref = (href: string) => /^(https?:\/\/|mailto:|\/(?!\/)|#)/i.test(href.trim()) && href.trim().length <= 2000

/** Word and web pages start at h1 and go to h6; ours are 2–4, so the outline keeps its order. */
const PastedHeading = Heading.extend({
  parseHTML() {
    return [
      { tag: 'h1', attrs: { level: 2 } },
      { tag: 'h2', attrs: { level: 2 } },
      { tag: 'h3', attrs: { level: 3 } },
      { tag: 'h4', attrs: { level: 4 } },
      { tag: 'h5', attrs: { level: 4 } },
      { tag: 'h6', attrs: { level: 4 } },
    ]
  },
}).configure({ levels: [2, 3, 4] })

/** A list item is one line of text, as in the stored document (no nested lists or paragraphs). */
const SingleParagraphItem = ListItem.extend({ content: 'paragraph' })

/** A quote holds one run of text and who said it (`cite`, edited beside the editor when the caret is in it). */
export const Quote = Node.create({
  name: 'quote',
  group: 'block',
  content: 'inline*',
  defining: true,
  addAttributes() {
    return {
      cite: {
        default: null,
        // <cite> as web pages write it, or the footer our own reader pages give a quote ("— Kari Nordmann").
        parseHTML: (element: HTMLElement) => element.querySelector('cite, footer')?.textContent?.replace(/^\s*[—–-]\s*/, '').trim() || null,
        renderHTML: (attributes: { cite?: string | null }) => (attributes.cite ? { 'data-cite': attributes.cite } : {}),
      },
    }
  },
  parseHTML() {
    return [
      { tag: 'blockquote' },
      // The paragraphs of a pasted quote become its text; its <cite> became the attribute above.
      { tag: 'p', context: 'quote/', skip: true, priority: 60 },
      { tag: 'cite', context: 'quote/', ignore: true, priority: 60 },
      { tag: 'footer', context: 'quote/', ignore: true, priority: 60 },
    ]
  },
  renderHTML({ HTMLAttributes }) {
    return ['blockquote', mergeAttributes(HTMLAttributes), ['p', 0]]
  },
  addKeyboardShortcuts() {
    return { 'Mod-Shift-b': () => this.editor.commands.toggleNode('quote', 'paragraph') }
  },
})

/** A block that is not typed in: arrow keys select it, Delete removes it, Ctrl+Z brings it back. */
const selectableBlock = { group: 'block', atom: true, selectable: true, draggable: false } as const

/** An image from the media library: only stored media paths parse, so a pasted web image is left out. */
export const Image = Node.create({
  name: 'image',
  ...selectableBlock,
  addAttributes() {
    return {
      src: { default: '' },
      alt: { default: '' },
      caption: { default: null },
    }
  },
  parseHTML() {
    return [
      {
        tag: 'img[src]',
        getAttrs: (element: HTMLElement) => {
          const src = element.getAttribute('src') ?? ''
          return isMediaPath(src) ? { src, alt: element.getAttribute('alt') ?? '' } : false
        },
      },
    ]
  },
  renderHTML({ node }) {
    const { src, alt, caption } = node.attrs as { src: string; alt: string; caption: string | null }
    return ['figure', { class: 'rt-image' }, ['img', { src, alt }], ...(caption ? [['figcaption', {}, caption]] : [])] as never
  },
})

/**
 * A published film or podcast episode (functions/content/embeds.ts): one block that cannot be typed in, only
 * selected, deleted and undone like an image. It comes from «Sett inn film eller podkast» alone; nothing pasted
 * parses as one. Its figure is named for screen readers, «Innebygd film: Håndvask».
 */
export const Embed = Node.create({
  name: 'embed',
  ...selectableBlock,
  addAttributes() {
    return {
      item: { default: null, rendered: false },
      episode: { default: null, rendered: false },
      facts: { default: null, rendered: false },
    }
  },
  parseHTML() {
    return []
  },
  renderHTML({ node }) {
    const { item, facts } = node.attrs as { item: EmbedBlock['item'] | null; facts: EmbedBlock['facts'] | null }
    const kind = item?.type ?? 'film'
    const title = facts?.title ?? ''
    return [
      'figure',
      { class: 'rt-embed', contenteditable: 'false', 'aria-label': embedText.label(kind, title) },
      ['span', { class: 'rt-embed-kind', 'aria-hidden': 'true' }, kind === 'film' ? embedText.film : embedText.episode],
      ['span', { class: 'rt-embed-title', 'aria-hidden': 'true' }, title],
    ] as never
  },
})

export const extensions: Extensions = [
  Document,
  Paragraph,
  Text,
  PastedHeading,
  Bold,
  Italic,
  // A link is one piece of plain text in the stored document: it excludes bold and italic.
  Link.extend({ excludes: 'bold italic link' }).configure({
    openOnClick: false,
    autolink: false,
    linkOnPaste: true,
    HTMLAttributes: { rel: null, target: null, class: null },
    isAllowedUri: (url) => isSafeHref(url),
  }),
  BulletList,
  OrderedList,
  SingleParagraphItem,
  Quote,
  Image,
  Embed,
  UndoRedo,
  // Room to type after an image or a list at the end, and a caret beside an image between two images.
  TrailingNode,
  Gapcursor,
]

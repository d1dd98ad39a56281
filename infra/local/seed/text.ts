import type { Block, Inline, RichText } from '../../../functions/content/richtext.ts'

/** Builders for the rich-text documents the content schema stores, so seed data reads like an outline. */
type Part = string | Inline

const inlines = (parts: Part[]): Inline[] => parts.map((part) => (typeof part === 'string' ? { type: 'text', text: part } : part))

export const doc = (...content: Block[]): RichText => ({ type: 'doc', content })
export const p = (...parts: Part[]): Block => ({ type: 'paragraph', content: inlines(parts) })
export const h2 = (text: string): Block => ({ type: 'heading', level: 2, content: inlines([text]) })
export const h3 = (text: string): Block => ({ type: 'heading', level: 3, content: inlines([text]) })
export const ul = (...items: Array<Part | Part[]>): Block => ({ type: 'list', ordered: false, items: items.map((item) => inlines([item].flat())) })
export const ol = (...items: Array<Part | Part[]>): Block => ({ type: 'list', ordered: true, items: items.map((item) => inlines([item].flat())) })
export const quote = (text: string, cite?: string): Block => ({ type: 'quote', content: inlines([text]), ...(cite ? { cite } : {}) })
export const link = (href: string, text: string): Inline => ({ type: 'link', href, text })
export const bold = (text: string): Inline => ({ type: 'text', text, marks: ['bold'] })

export { slugify } from '../../../functions/content/slug.ts'

/** "a, b og c", the Norwegian way. */
export function joinList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} og ${items.at(-1)}`
}

import type { Inline, RichText } from './richtext.ts'

/** Plain text of a document, for search snippets, descriptions and feeds (kept apart from the schema, so feeds need no zod). */
export function richTextToPlain(doc: RichText): string {
  const inlineText = (content: Inline[]) => content.map((inline) => inline.text).join('')
  return doc.content
    .map((block) => {
      switch (block.type) {
        case 'list':
          return block.items.map(inlineText).join('\n')
        case 'image':
          return block.caption ?? ''
        case 'embed':
          return block.facts?.title ?? ''
        default:
          return inlineText(block.content)
      }
    })
    .filter(Boolean)
    .join('\n\n')
}

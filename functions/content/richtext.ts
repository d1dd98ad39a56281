import * as z from 'zod'
import { isMediaPath, maxMediaPathLength, mediaPathMessage } from '../media/paths.ts'
import { lineText, paragraphText, textOnly } from './text.ts'

/**
 * Rich text is a constrained JSON document rendered by Preact, never stored HTML: anything outside this
 * schema is refused, so a script or a style attribute cannot reach a reader.
 */

const safeHref = z
  .string()
  .max(2000)
  .superRefine(textOnly())
  .refine((href) => /^(https?:\/\/|mailto:|\/(?!\/)|#)/i.test(href), {
    message: 'Links must start with https://, http://, mailto:, / or #',
  })

/** A run of text may carry the tabs and line feeds of a pasted paragraph; the renderer folds them like HTML does. */
const plainText = paragraphText(20000)

export const textMarkSchema = z.enum(['bold', 'italic'])

export const inlineSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: plainText, marks: z.array(textMarkSchema).max(2).optional() }),
  z.object({ type: z.literal('link'), href: safeHref, text: lineText(500, { min: 1 }) }),
])

const inlines = z.array(inlineSchema).max(200)

export const blockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), content: inlines }),
  z.object({ type: z.literal('heading'), level: z.union([z.literal(2), z.literal(3), z.literal(4)]), content: inlines }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(inlines).min(1).max(100) }),
  z.object({ type: z.literal('quote'), content: inlines, cite: lineText(200).optional() }),
  z.object({
    type: z.literal('image'),
    src: z.string().max(maxMediaPathLength).refine(isMediaPath, { message: mediaPathMessage, params: { code: 'invalid_media' } }),
    alt: lineText(500),
    caption: lineText(500).optional(),
  }),
])

export const richTextSchema = z.object({
  type: z.literal('doc'),
  content: z.array(blockSchema).max(500),
})

export type Inline = z.infer<typeof inlineSchema>
export type Block = z.infer<typeof blockSchema>
export type RichText = z.infer<typeof richTextSchema>

export const emptyDoc = (): RichText => ({ type: 'doc', content: [] })

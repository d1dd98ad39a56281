import * as z from 'zod'
import { isMediaPath, maxMediaPathLength, mediaPathMessage } from '../media/paths.ts'
import { imageSchema, mediaPathSchema } from './picture-schema.ts'
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

/** At most this many films and episodes in one document: each is checked and copied at save (content/embeds.ts). */
export const maxEmbeds = 20

/**
 * What readers see of an embedded film or episode, copied from its published snapshot at every save
 * (content/embeds.ts), whatever was sent: a page renders it with no read of its own. A renamed film shows its
 * new title here when the document is saved again.
 */
export const embedFactsSchema = z.object({
  title: lineText(400, { min: 1 }),
  /** The film's or the episode's page on its owner's address (content/paths.ts). */
  path: z.string().max(300).regex(/^(\/[a-z0-9-]+){3,4}$/, 'An item path such as /tenant/film/slug'),
  /** A film's poster (or its image). */
  image: imageSchema.optional(),
  durationSeconds: z.int().min(1).optional(),
  /** An episode's sound file. */
  audio: z.object({ src: mediaPathSchema, mimeType: z.enum(['audio/mpeg', 'audio/x-m4a', 'audio/mp4']).optional() }).optional(),
})
export type EmbedFacts = z.infer<typeof embedFactsSchema>

/** A published film or podcast episode, the edition's own or shared nationally by another: by reference. */
export const embedBlockSchema = z.object({
  type: z.literal('embed'),
  item: z.object({
    tenant: z.string().regex(/^[a-z0-9-]{1,40}$/),
    type: z.enum(['film', 'podkast']),
    id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/),
  }),
  /** A podcast episode's guid (its series is `item`); absent embeds the film. */
  episode: lineText(200, { min: 1 }).optional(),
  facts: embedFactsSchema.optional(),
})
export type EmbedBlock = z.infer<typeof embedBlockSchema>

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
  embedBlockSchema,
])

export const richTextSchema = z.object({
  type: z.literal('doc'),
  content: z
    .array(blockSchema)
    .max(500)
    .refine((blocks) => blocks.filter((block) => block.type === 'embed').length <= maxEmbeds, `A document embeds at most ${maxEmbeds} films or episodes`),
})

/** Where embeds have no place (a lesson, an edition's introduction): nothing there checks or copies them. */
export const richTextWithoutEmbedsSchema = richTextSchema.refine((doc) => doc.content.every((block) => block.type !== 'embed'), 'Films and episodes can be embedded in an item\'s body only')

export type Inline = z.infer<typeof inlineSchema>
export type Block = z.infer<typeof blockSchema>
export type RichText = z.infer<typeof richTextSchema>

export const emptyDoc = (): RichText => ({ type: 'doc', content: [] })

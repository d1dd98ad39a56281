import * as z from 'zod'
import { richTextSchema } from '../content/richtext.ts'
import { cardSchema, contentFieldsSchema, imageSchema, contentTypeSchema, instantSchema, slugSchema, tenantIdSchema } from '../content/schema.ts'
import { facetNames } from '../search/results.ts'

/**
 * What the public API's GET routes answer, as zod schemas: the OpenAPI document's response schemas are generated
 * from these, and tests/functions/openapi parses every real response with them, so a route that answers something
 * else fails there. Classic zod is fine here: only the generator and the tests import this, never a Lambda.
 */

/** The schemas most answers share, written once in the document's components. */
export const components = { ContentCard: cardSchema, RichText: richTextSchema, Instant: instantSchema, Image: imageSchema }

const nextCursor = z.string().nullable().describe('The cursor of the next page; null on the last.')

export const editionsResponse = z.object({
  items: z.array(z.object({ id: tenantIdSchema, name: z.string(), regionName: z.string(), national: z.boolean() })),
})

export const topicsResponse = z.object({
  items: z.array(z.object({ slug: slugSchema, name: z.string(), summary: z.string() })),
})

export const itemsPageResponse = z.object({ items: z.array(cardSchema), nextCursor })

export const itemResponse = z
  .intersection(contentFieldsSchema, z.object({ publishedAt: instantSchema, updatedAt: instantSchema }))
  .describe('A published item with every field readers see, as it was when published.')

export const cardsResponse = z.object({
  items: z.array(
    z.discriminatedUnion('status', [
      z.object({ path: z.string(), status: z.literal(200), card: cardSchema }),
      z.object({ path: z.string(), status: z.literal([404, 410]).describe('404: never published; 410: withdrawn.') }),
    ]),
  ),
})

const textPart = z.object({ text: z.string(), match: z.literal(true).optional() })
export const searchResponse = z.object({
  total: z.int().min(0),
  items: z.array(z.object({ card: cardSchema, title: z.array(textPart), snippet: z.array(textPart).optional(), ownEdition: z.boolean(), path: z.string() })),
  facets: z.object(Object.fromEntries(facetNames.map((facet) => [facet, z.record(z.string(), z.int().min(0))])) as Record<(typeof facetNames)[number], z.ZodRecord<z.ZodString, z.ZodInt>>),
  correction: z.string().nullable(),
  nextCursor,
})

export const suggestionsResponse = z.object({
  items: z.array(z.object({ title: z.string(), type: contentTypeSchema, tenant: tenantIdSchema, path: z.string() })),
})

/** oEmbed 1.0's "rich" answer (https://oembed.com §2.3.4). */
export const oembedResponse = z.object({
  type: z.literal('rich'),
  version: z.literal('1.0'),
  title: z.string(),
  author_name: z.string(),
  author_url: z.url(),
  provider_name: z.string(),
  provider_url: z.url(),
  cache_age: z.int(),
  html: z.string().describe('A sandboxed iframe of the item\'s embed page.'),
  width: z.int(),
  height: z.int(),
  thumbnail_url: z.url().optional(),
  thumbnail_width: z.int().optional(),
  thumbnail_height: z.int().optional(),
})

/** Every error of every API (functions/shared/api-errors.ts). */
export const errorResponse = z.object({ error: z.string(), code: z.string() }).loose()


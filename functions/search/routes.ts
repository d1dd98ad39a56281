import { Hono, type Context } from 'hono'
import * as z from 'zod'
import { audienceSchema, contentTypeSchema, slugSchema, tenantIdSchema } from '../content/schema.ts'
import { itemPath } from '../content/paths.ts'
import { NATIONAL_TENANT } from '../reader-services.ts'
import { validate } from '../shared/validation.ts'
import { sendWithValidator } from '../../web/site/conditional.ts'
import { paths } from '../../web/site/paths.ts'
import { MAX_QUERY_CHARS } from './query.ts'
import type { SearchService } from './service.ts'

export const MAX_SEARCH_LIMIT = 50
export const MAX_SUGGESTIONS = 8

const common = {
  q: z.string().trim().min(1, 'Type something to search for').max(MAX_QUERY_CHARS),
  edition: tenantIdSchema.default(NATIONAL_TENANT),
}
export const searchQuerySchema = z.object({
  ...common,
  type: contentTypeSchema.optional(),
  topic: slugSchema.optional(),
  audience: audienceSchema.optional(),
  publisher: tenantIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_SEARCH_LIMIT).default(10),
  cursor: z.string().min(1).max(200).optional(),
})
export const suggestQuerySchema = z.object({ ...common, limit: z.coerce.number().int().min(1).max(MAX_SUGGESTIONS).default(6) })

/**
 * `GET /api/v1/search` and `/api/v1/search/suggestions`: JSON for integrators and the header field's suggestions.
 * Cached like reader pages (the CDN keys on the query string), with an ETag so a revalidation costs no body.
 */
export function searchApiRoutes(search: SearchService, cacheControl: string) {
  const send = (c: Context, body: unknown) => sendWithValidator(c, JSON.stringify(body), 200, { 'content-type': 'application/json; charset=UTF-8', 'cache-control': cacheControl })
  return new Hono()
    .get('/search', validate('query', searchQuerySchema), async (c) => {
      const answer = await search.search(c.req.valid('query'))
      return send(c, {
        total: answer.total,
        items: answer.items.map((hit) => ({ ...hit, path: itemPath(hit.card) })),
        facets: answer.facets,
        correction: answer.correction ?? null,
        nextCursor: answer.nextCursor ?? null,
      })
    })
    .get('/search/suggestions', validate('query', suggestQuerySchema), async (c) => {
      const query = c.req.valid('query')
      const cards = await search.suggest(query)
      // The reader stays in their edition when a suggestion belongs to another (as the result cards link).
      return send(c, { items: cards.map((card) => ({ title: card.title, type: card.type, tenant: card.tenant, path: paths.itemIn(card, query.edition) })) })
    })
}

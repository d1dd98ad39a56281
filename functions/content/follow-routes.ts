import { Hono } from 'hono'
import * as z from 'zod'
import type { EditorEnv } from '../auth/middleware.ts'
import { NATIONAL_TENANT, type Services } from '../services.ts'
import { validate } from '../shared/validation.ts'
import * as keys from './keys.ts'
import { contentTypeSchema, itemIdSchema, tenantIdSchema, type ContentCard } from './schema.ts'

const tenantParam = z.object({ tenant: tenantIdSchema })
const followParams = tenantParam.extend({ owner: tenantIdSchema, id: itemIdSchema })

/** `/api/editor/tenants/:tenant/shared` and `/follows/:owner/:id`: what other regions share, and following it. */
export function followRoutes(services: Services) {
  return new Hono<EditorEnv>()
    .get(
      '/shared',
      validate('param', tenantParam),
      validate('query', z.object({ type: contentTypeSchema.optional(), limit: z.coerce.number().int().min(1).max(100).default(50), cursor: z.string().max(2048).optional() })),
      async (c) => {
        const { tenant } = c.req.valid('param')
        const query = c.req.valid('query')
        // What is shared nationally is exactly what the national edition lists.
        const page = await services.content.listEdition(NATIONAL_TENANT, query)
        const others = page.items.filter((card) => card.tenant !== tenant)
        const followed = new Set(
          others.length
            ? (await services.db.batchGet<{ SK: string }>(others.map((card) => ({ PK: keys.tenantPk(tenant), SK: keys.entrySk(card.tenant, card.id) })))).map((entry) => entry.SK)
            : [],
        )
        const items = others.map((card: ContentCard) => ({ ...card, followed: followed.has(keys.entrySk(card.tenant, card.id)) }))
        return c.json({ items, nextCursor: page.nextCursor ?? null })
      },
    )

    .post('/follows/:owner/:id', validate('param', followParams), async (c) => {
      const { tenant, owner, id } = c.req.valid('param')
      await services.content.follow(tenant, owner, id)
      return c.body(null, 204)
    })

    .delete('/follows/:owner/:id', validate('param', followParams), async (c) => {
      const { tenant, owner, id } = c.req.valid('param')
      await services.content.unfollow(tenant, owner, id)
      return c.body(null, 204)
    })
}

import { Hono } from 'hono'
import * as z from 'zod'
import type { EditorEnv } from '../auth/middleware.ts'
import type { Services } from '../services.ts'
import { validate } from '../shared/validation.ts'
import type { BinnedItem } from './bin.ts'
import { itemIdSchema, tenantIdSchema } from './schema.ts'

const tenantParam = z.object({ tenant: tenantIdSchema })
const itemParams = tenantParam.extend({ id: itemIdSchema })
const versionBody = z.object({ version: z.int().min(1) })
const binQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(50), cursor: z.string().max(2048).optional() })

/** What the bin view lists: enough to recognise an item and say when it goes for good, not the whole item. */
const binEntry = (item: BinnedItem) => ({
  id: item.id,
  type: item.type,
  title: item.title,
  slug: item.slug,
  version: item.version,
  binnedAt: item.binnedAt,
  binnedBy: item.binnedBy ?? null,
  /** When DynamoDB's TTL removes it (ISO): "Slettes for godt …". */
  deletesAt: new Date(item.expiresAt * 1000).toISOString(),
})

/**
 * Copying and deleting items (issue 17), behind the tenant guard like every `/tenants/:tenant` route: an editor of
 * another edition never reaches these (403), and the ids are looked up in the path's tenant only (404).
 */
export function contentBinRoutes(services: Services) {
  const bin = services.bin
  return new Hono<EditorEnv>()
    .post('/items/:id/duplicate', validate('param', itemParams), async (c) => {
      const { tenant, id } = c.req.valid('param')
      return c.json(await bin.duplicate(tenant, id, c.get('principal').username), 201)
    })

    // A POST action beside publish/unpublish/archive, carrying the version the editor saw (DELETE bodies are shaky).
    .post('/items/:id/delete', validate('param', itemParams), validate('json', versionBody), async (c) => {
      const { tenant, id } = c.req.valid('param')
      return c.json(binEntry(await bin.bin(tenant, id, c.req.valid('json').version, c.get('principal').username)))
    })

    .get('/bin', validate('param', tenantParam), validate('query', binQuery), async (c) => {
      const page = await bin.listBinned(c.req.valid('param').tenant, c.req.valid('query'))
      return c.json({ items: page.items.map(binEntry), nextCursor: page.nextCursor ?? null })
    })

    .post('/bin/:id/restore', validate('param', itemParams), validate('json', versionBody), async (c) => {
      const { tenant, id } = c.req.valid('param')
      return c.json(await bin.restore(tenant, id, c.req.valid('json').version, c.get('principal').username))
    })

    .post('/bin/:id/purge', validate('param', itemParams), validate('json', versionBody), async (c) => {
      const { tenant, id } = c.req.valid('param')
      await bin.purge(tenant, id, c.req.valid('json').version)
      return c.body(null, 204)
    })
}

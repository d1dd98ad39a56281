import { Hono } from 'hono'
import * as z from 'zod'
import type { ReaderServices } from '../reader-services.ts'
import { gone, notFound } from '../shared/errors.ts'
import { validate } from '../shared/validation.ts'
import { contentTypeSchema, slugSchema, tenantIdSchema } from './schema.ts'

export const MAX_PAGE_SIZE = 100

export const listQuerySchema = z.object({
  type: contentTypeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  cursor: z.string().min(1).max(2048).optional(),
})

const editionParams = z.object({ edition: tenantIdSchema })
const itemParams = z.object({ tenant: tenantIdSchema, type: contentTypeSchema, slug: slugSchema })

/** Public, read-only JSON for integrators: published content only, cursor-paged. */
export function publicContentRoutes(services: Pick<ReaderServices, 'catalog' | 'content'>) {
  const requireTenant = async (id: string) => {
    const catalog = await services.catalog.get()
    const tenant = catalog.tenant(id)
    if (!tenant) throw notFound(`Unknown edition '${id}'. GET /api/v1/editions lists them.`)
    return tenant
  }

  return new Hono()
    .get('/editions', async (c) => {
      const catalog = await services.catalog.get()
      return c.json({
        items: catalog.tenants.map(({ id, name, regionName, national }) => ({ id, name, regionName, national })),
      })
    })
    .get('/topics', async (c) => {
      const catalog = await services.catalog.get()
      return c.json({ items: catalog.topics.map(({ slug, name, summary }) => ({ slug, name, summary })) })
    })
    .get('/editions/:edition/items', validate('param', editionParams), validate('query', listQuerySchema), async (c) => {
      const { edition } = c.req.valid('param')
      const query = c.req.valid('query')
      await requireTenant(edition)
      const page = await services.content.listEdition(edition, query)
      return c.json({ items: page.items, nextCursor: page.nextCursor ?? null })
    })
    .get('/items/:tenant/:type/:slug', validate('param', itemParams), async (c) => {
      const { tenant, type, slug } = c.req.valid('param')
      await requireTenant(tenant)
      const item = await services.content.readerView(tenant, type, slug)
      if (item === 'gone') throw gone(`The ${type} '${slug}' in ${tenant} has been withdrawn.`)
      if (!item) throw notFound(`No published ${type} '${slug}' in ${tenant}.`)
      return c.json(item)
    })
}

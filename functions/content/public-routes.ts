import { Hono } from 'hono'
import type { PublicReadingServices } from '../reader-services.ts'
import { gone, notFound } from '../shared/errors.ts'
import { editionParamsSchema, itemParamsSchema, listQuerySchema, parseOr400 } from './public-schema.ts'

/** Public, read-only JSON for integrators: published content only, cursor-paged. */
export function publicContentRoutes(services: Pick<PublicReadingServices, 'catalog' | 'content'>) {
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
    .get('/editions/:edition/items', async (c) => {
      const { edition } = parseOr400('param', editionParamsSchema, c.req.param())
      const query = parseOr400('query', listQuerySchema, c.req.query())
      await requireTenant(edition)
      const page = await services.content.listEdition(edition, query)
      return c.json({ items: page.items, nextCursor: page.nextCursor ?? null })
    })
    .get('/items/:tenant/:type/:slug', async (c) => {
      const { tenant, type, slug } = parseOr400('param', itemParamsSchema, c.req.param())
      await requireTenant(tenant)
      const item = await services.content.readerView(tenant, type, slug)
      if (item === 'gone') throw gone(`The ${type} '${slug}' in ${tenant} has been withdrawn.`)
      if (!item) throw notFound(`No published ${type} '${slug}' in ${tenant}.`)
      return c.json(item)
    })
}

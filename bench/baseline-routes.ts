import { Hono } from 'hono'
import type { ContentType } from '../functions/content/schema.ts'
import type { Services } from '../functions/services.ts'
import { HOME_FEATURED } from '../web/site/app.tsx'

/** web/site/app.tsx's HOME_NEWEST (not exported) and default page size: the bare routes ask for what the pages ask for. */
const HOME_NEWEST = 12
const PAGE_SIZE = 20

/**
 * The baselines the site is measured against, in the same process and over the same `services`:
 *
 * - `/bare/…`: the same DynamoDB requests each page makes (same store methods, same arguments, the catalog
 *   from the same in-memory cache), answered as their JSON. No rendering, no etag: the limit for this
 *   design on this machine.
 * - `/static/:name`: the page's HTML bytes captured from the site, served from memory (the ceiling).
 */
export function baselineRoutes(services: Services, staticPages: ReadonlyMap<string, Buffer>) {
  const app = new Hono()

  app.get('/bare/home/:edition', async (c) => {
    const edition = c.req.param('edition')
    await services.catalog.get()
    const [feed, events] = await Promise.all([
      services.content.listEdition(edition, { limit: HOME_NEWEST + HOME_FEATURED }),
      services.content.upcomingEvents(edition, { from: new Date(), limit: 4 }),
    ])
    return c.json({ feed, events })
  })

  app.get('/bare/listing/:edition/:type', async (c) => {
    const { edition, type } = c.req.param()
    await services.catalog.get()
    const [page, counts] = await Promise.all([
      services.content.listEdition(edition, { type: type as ContentType, limit: PAGE_SIZE, cursor: c.req.query('fra') || undefined }),
      services.content.counts(edition),
    ])
    return c.json({ page, count: counts(type as ContentType) })
  })

  app.get('/bare/item/:tenant/:type/:slug', async (c) => {
    const { tenant, type, slug } = c.req.param()
    await services.catalog.get()
    const item = await services.content.readerView(tenant, type as ContentType, slug)
    return item && item !== 'gone' ? c.json(item) : c.json({ error: 'not found' }, 404)
  })

  app.get('/static/:name', (c) => {
    const bytes = staticPages.get(c.req.param('name'))
    if (!bytes) return c.text('not captured', 404)
    return c.body(new Uint8Array(bytes), 200, { 'content-type': 'text/html; charset=utf-8' })
  })

  return app
}

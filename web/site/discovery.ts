import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { HTTPException } from 'hono/http-exception'
import { contentTypes } from '../../functions/content/vocabulary.ts'
import { NATIONAL_TENANT, type ReaderServices as Services } from '../../functions/reader-services.ts'
import { cacheSeconds } from '../../infra/definitions.ts'
import { editionFeedXml, sitemapIndexXml, sitemapXml } from './feeds.ts'
import { sendWithValidator } from './conditional.ts'
import { publicOrigin } from './origin.ts'
import { paths } from './paths.ts'

export const FEED_SIZE = 30
/** Feeds and sitemaps: five minutes in browsers, longer at the edge (a publish invalidates them). */
export const cacheControl = `public, max-age=300, s-maxage=${cacheSeconds.pageSharedMaxAge * 5}, stale-while-revalidate=${cacheSeconds.pageStaleWhileRevalidate}`

/** robots.txt, sitemaps (an index plus one per edition) and an RSS feed per edition. */
export function discoveryRoutes(services: Services) {
  const app = new Hono()
  const send = (c: Context, body: string, type: string) => sendWithValidator(c, body, 200, { 'content-type': type, 'cache-control': cacheControl })
  const editionOrThrow = async (id: string) => {
    const edition = (await services.catalog.get()).tenant(id)
    if (!edition) throw new HTTPException(404, { message: 'Not found' })
    return edition
  }

  app.get('/robots.txt', (c) =>
    send(
      c,
      ['User-agent: *', 'Allow: /', 'Disallow: /api/', 'Disallow: /redaktor', '', `Sitemap: ${new URL('/sitemap.xml', publicOrigin(c, services.config)).href}`, ''].join('\n'),
      'text/plain; charset=utf-8',
    ),
  )

  app.get('/sitemap.xml', async (c) => {
    const catalog = await services.catalog.get()
    return send(c, sitemapIndexXml(publicOrigin(c, services.config), catalog.tenants), 'application/xml; charset=utf-8')
  })

  /** An edition's sitemap lists its pages and the items it owns (each item is listed once, at its canonical URL). */
  app.get('/:edition/sitemap.xml', async (c) => {
    const edition = await editionOrThrow(c.req.param('edition'))
    const catalog = await services.catalog.get()
    const owned = (await services.content.allEditionCards(edition.id)).filter((card) => card.tenant === edition.id)
    const entries = [
      { path: paths.home(edition.id) },
      ...contentTypes.map((type) => ({ path: paths.listing(edition.id, type) })),
      { path: paths.topics(edition.id) },
      ...catalog.topics.map((topic) => ({ path: paths.topic(edition.id, topic.slug) })),
      ...owned.map((card) => ({ path: paths.item(card), lastmod: card.publishedAt })),
      ...(edition.id === NATIONAL_TENANT ? [{ path: paths.accessibility }] : []),
    ]
    return send(c, sitemapXml(publicOrigin(c, services.config), entries), 'application/xml; charset=utf-8')
  })

  const feed = async (c: Context, editionId: string, feedPath: string) => {
    const edition = await editionOrThrow(editionId)
    const page = await services.content.listEdition(edition.id, { limit: FEED_SIZE })
    return send(c, editionFeedXml(publicOrigin(c, services.config), edition, page.items, feedPath), 'application/rss+xml; charset=utf-8')
  }
  app.get('/feed.xml', (c) => feed(c, NATIONAL_TENANT, '/feed.xml'))
  app.get('/:edition/feed.xml', (c) => feed(c, c.req.param('edition'), c.req.path))

  return app
}

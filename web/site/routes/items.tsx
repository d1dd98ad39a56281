import { Hono, type Context } from 'hono'
import { podcastFeedPath } from '../../../functions/content/paths.ts'
import { isContentType, isSlug } from '../../../functions/content/vocabulary.ts'
import { podcastFeedXml, releasedEpisodes } from '../../../functions/podcasts/feed.ts'
import { cacheSeconds } from '../../../infra/definitions.ts'
import { sendWithValidator } from '../conditional.ts'
import { publicOrigin } from '../origin.ts'
import { EpisodePage } from '../pages/episode.tsx'
import { ItemPage } from '../pages/item.tsx'
import { gone, notFound, type Pages } from '../pages-kit.tsx'
import { preferredRegion } from '../region.ts'
import { typeParam } from './params.ts'

const feedCacheControl = `public, max-age=300, s-maxage=300, stale-while-revalidate=${cacheSeconds.pageStaleWhileRevalidate}`

/** `/{tenant}/{type}/{slug}`: a published item at its owner's address; podcast series add episodes and a feed. */
export function itemRoutes(pages: Pages) {
  const { services } = pages
  const app = new Hono()

  /** The owner and the published snapshot, or 404 (410 once withdrawn). Slug and tenant are checked before any read. */
  async function published(tenantId: string, type: string, slug: string) {
    if (!isContentType(type) || !isSlug(slug)) throw notFound()
    const catalog = await services.catalog.get()
    const owner = catalog.tenant(tenantId)
    if (!owner) throw notFound()
    const item = await services.content.readerView(owner.id, type, slug)
    if (item === 'gone') throw gone()
    if (!item || item.type !== type) throw notFound()
    return { catalog, owner, item }
  }

  const series = async (c: Context) => {
    const found = await published(c.req.param('tenant') ?? '', 'podkast', c.req.param('series') ?? '')
    if (found.item.type !== 'podkast') throw notFound()
    return { ...found, series: found.item }
  }

  app.get(`/:tenant/${typeParam}/:slug`, async (c) => {
    const { catalog, owner, item } = await published(c.req.param('tenant') ?? '', c.req.param('type') ?? '', c.req.param('slug') ?? '')
    const editionId = preferredRegion(c, catalog) ?? owner.id
    return pages.render(c, <ItemPage ctx={pages.pageContext(c, catalog, editionId)} item={item} owner={owner} now={pages.now()} />)
  })

  // The feed's URL never changes: podcast apps keep it for years.
  app.get('/:tenant/podkast/:series/feed.xml', async (c) => {
    const { owner, series: item } = await series(c)
    const xml = podcastFeedXml({ series: item, owner, origin: publicOrigin(c, services.config), feedPath: podcastFeedPath(item), now: pages.now() })
    return sendWithValidator(c, xml, 200, { 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': feedCacheControl })
  })

  app.get('/:tenant/podkast/:series/:episode', async (c) => {
    const { catalog, owner, series: item } = await series(c)
    const found = releasedEpisodes(item, pages.now()).find((candidate) => candidate.slug === c.req.param('episode'))
    if (!found) throw notFound()
    const transcript = found.transcript ? await services.transcripts(found.transcript) : undefined
    const editionId = preferredRegion(c, catalog) ?? owner.id
    return pages.render(c, <EpisodePage ctx={pages.pageContext(c, catalog, editionId)} series={item} episode={found} owner={owner} transcript={transcript} />)
  })

  return app
}

import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { podcastFeedPath } from '../../../functions/content/paths.ts'
import { signupBlocked } from '../../../functions/events/registration.ts'
import type { PublishedItem } from '../../../functions/content/schema.ts'
import { isContentType, isSlug } from '../../../functions/content/vocabulary.ts'
import { releasedCount, releasedEpisodes } from '../../../functions/podcasts/episodes.ts'
import { cacheSeconds } from '../../../infra/definitions.ts'
import { sendWithValidator } from '../conditional.ts'
import { publicOrigin } from '../origin.ts'
import { EpisodePage } from '../pages/episode.tsx'
import { ItemPage } from '../pages/item.tsx'
import { gone, notFound, type Pages } from '../pages-kit.tsx'
import { preferredRegion } from '../region.ts'
import { typeParam } from './params.ts'

const feedCacheControl = `public, max-age=300, s-maxage=300, stale-while-revalidate=${cacheSeconds.pageStaleWhileRevalidate}`

/**
 * What an item page shows that moves with the clock, named by state rather than by time, so the render cache
 * keeps a page until it really changes: an event's sign-up closes or it turns past (pages/item-details.tsx), a
 * podcast releases a scheduled episode. Other types show nothing that depends on the time.
 */
export function clockState(item: PublishedItem, now: Date): string {
  if (item.type === 'arrangementer') return new Date(item.endsAt) < now ? 'past' : `upcoming ${signupBlocked(item, now) ?? 'open'}`
  if (item.type === 'podkast') return `released ${releasedCount(item, now)}`
  return ''
}

/** The snapshot as published: a publish writes a new `updatedAt`, a slug taken over by another item a new id. */
const snapshotId = (item: PublishedItem) => [item.tenant, item.type, item.slug, item.id, item.updatedAt].join(' ')

/** `/{tenant}/{type}/{slug}`: a published item at its owner's address; podcast series add episodes and a feed. */
/**
 * The owner and the published snapshot, or 404 (410 once withdrawn). Slug and tenant are checked before any
 * read. The snapshot is read on every request, cached render or not, so a publish or withdraw shows at once.
 * The item's embed (routes/embeds.tsx, issue 18) reads it the same way.
 */
export async function findPublished(services: Pages['services'], tenantId: string, type: string, slug: string) {
  if (!isContentType(type) || !isSlug(slug)) throw notFound()
  const catalog = await services.catalog.get()
  const owner = catalog.tenant(tenantId)
  if (!owner) throw notFound()
  const item = await services.content.readerView(owner.id, type, slug)
  if (item === 'gone') throw gone()
  if (!item || item.type !== type) throw notFound()
  return { catalog, owner, item }
}

export function itemRoutes(pages: Pages) {
  const { services } = pages
  const app = new Hono()
  const published = (tenantId: string, type: string, slug: string) => findPublished(services, tenantId, type, slug)

  const series = async (c: Context) => {
    const found = await published(c.req.param('tenant') ?? '', 'podkast', c.req.param('series') ?? '')
    if (found.item.type !== 'podkast') throw notFound()
    return { ...found, series: found.item }
  }

  app.get(`/:tenant/${typeParam}/:slug`, async (c) => {
    const { catalog, owner, item } = await published(c.req.param('tenant') ?? '', c.req.param('type') ?? '', c.req.param('slug') ?? '')
    const ctx = pages.pageContext(c, catalog, preferredRegion(c, catalog) ?? owner.id)
    const now = pages.now()
    return pages.renderCached(c, pages.pageKey(ctx, 'item', snapshotId(item), clockState(item, now)), () => <ItemPage ctx={ctx} item={item} owner={owner} now={now} />)
  })

  // The feed's URL never changes: podcast apps keep it for years. Podcast apps, not readers, ask for it, so its
  // builder is evaluated on the first feed request rather than at every cold start.
  app.get('/:tenant/podkast/:series/feed.xml', async (c) => {
    const [{ owner, series: item }, { podcastFeedXml }] = await Promise.all([series(c), import('../../../functions/podcasts/feed.ts')])
    const xml = podcastFeedXml({ series: item, owner, origin: publicOrigin(c, services.config), feedPath: podcastFeedPath(item), now: pages.now() })
    return sendWithValidator(c, xml, 200, { 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': feedCacheControl })
  })

  app.get('/:tenant/podkast/:series/:episode', async (c) => {
    const { catalog, owner, series: item } = await series(c)
    const found = releasedEpisodes(item, pages.now()).find((candidate) => candidate.slug === c.req.param('episode'))
    if (!found) throw notFound()
    const ctx = pages.pageContext(c, catalog, preferredRegion(c, catalog) ?? owner.id)
    // Released, the episode's page no longer depends on the clock; its transcript is read only to render.
    return pages.renderCached(c, pages.pageKey(ctx, 'episode', snapshotId(item), found.slug), async () => {
      const transcript = found.transcript ? await services.transcripts(found.transcript) : undefined
      return <EpisodePage ctx={ctx} series={item} episode={found} owner={owner} transcript={transcript} />
    })
  })

  return app
}

import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { isAudience, isContentType, isSlug, type Audience, type ContentType } from '../../functions/content/vocabulary.ts'
import { cacheSeconds } from '../../infra/definitions.ts'
import { podcastFeedXml, releasedEpisodes } from '../../functions/podcasts/feed.ts'
import { NATIONAL_TENANT, type ReaderServices as Services } from '../../functions/reader-services.ts'
import type { Catalog } from '../../functions/tenants/catalog.ts'
import type { AssetManifest } from '../assets.ts'
import type { PageContext } from './layout.tsx'
import { AccessibilityPage } from './pages/accessibility.tsx'
import { EpisodePage } from './pages/episode.tsx'
import { ErrorPage } from './pages/errors.tsx'
import { HomePage } from './pages/home.tsx'
import { ItemPage } from './pages/item.tsx'
import { ListingPage, listingParams } from './pages/listing.tsx'
import { TopicIndexPage, TopicPage } from './pages/topics.tsx'
import { sendWithValidator } from './conditional.ts'
import { discoveryRoutes } from './discovery.ts'
import { editorShellRoutes } from './editor-shell.tsx'
import { publicOrigin } from './origin.ts'
import { paths } from './paths.ts'
import { preferredRegion, REGION_PARAM, rememberRegion, rememberedRegion } from './region.ts'

export interface SiteOptions {
  /** The current hashed asset names (they change while `npm start` rebuilds). */
  assets: () => AssetManifest
  now?: () => Date
  /** Cards per listing page. */
  pageSize?: number
}

const TOPIC_SEGMENT = 'fagtema'
const HOME_NEWEST = 12
/** Editors may feature at most this many items per edition (the editor API enforces it). */
export const HOME_FEATURED = 4
const pageCacheControl = `public, max-age=0, s-maxage=${cacheSeconds.pageSharedMaxAge}, stale-while-revalidate=${cacheSeconds.pageStaleWhileRevalidate}`

const notFound = () => new HTTPException(404, { message: 'Not found' })

/** A 400 whose message is written for readers, in bokmål. */
class ReaderError extends HTTPException {
  constructor(message: string) {
    super(400, { message })
  }
}

/** The reader site: server-rendered Preact, readable without JavaScript. */
export function createSiteApp(services: Services, options: SiteOptions) {
  const now = options.now ?? (() => new Date())
  const pageSize = options.pageSize ?? 20
  const app = new Hono()

  const pageContext = (c: Context, catalog: Catalog, editionId: string): PageContext => {
    const edition = catalog.tenant(editionId) ?? catalog.nationalTenant
    if (!edition) throw new Error('The catalog has no national tenant; has the seed run?')
    return { catalog, edition, origin: publicOrigin(c, services.config), path: new URL(c.req.url).pathname, assets: options.assets() }
  }

  const render = (c: Context, page: VNode, status: 200 | 400 | 404 | 410 | 500 = 200) => {
    const headers = { 'content-type': 'text/html; charset=UTF-8', 'cache-control': status === 500 ? 'no-store' : pageCacheControl, 'content-language': 'nb' }
    return sendWithValidator(c, `<!doctype html>${renderToString(page)}`, status, headers)
  }

  async function home(c: Context, editionId: string) {
    const catalog = await services.catalog.get()
    // Featured entries sort first in the edition's feed, so one query brings both rows of the home page.
    const [feed, events] = await Promise.all([
      services.content.listEdition(editionId, { limit: HOME_NEWEST + HOME_FEATURED }),
      services.content.upcomingEvents(editionId, { from: now(), limit: 4 }),
    ])
    const featured = feed.items.filter((card) => card.featured).slice(0, HOME_FEATURED)
    const newest = feed.items.filter((card) => !card.featured).slice(0, HOME_NEWEST)
    return render(c, <HomePage ctx={pageContext(c, catalog, editionId)} featured={featured} newest={newest} events={events.items} />)
  }

  async function listing(c: Context, editionId: string, type: ContentType) {
    const catalog = await services.catalog.get()
    const cursor = c.req.query(listingParams.cursor) || undefined
    const topic = c.req.query(listingParams.topic) || undefined
    const audience = c.req.query(listingParams.audience) || undefined
    if (topic && !catalog.topic(topic)) throw new ReaderError('Ukjent fagtema i filteret. Velg et fagtema fra listen.')
    if (audience && !isAudience(audience)) throw new ReaderError('Ukjent målgruppe i filteret. Velg en målgruppe fra listen.')
    const filters = { topic, audience: audience as Audience | undefined }
    const [page, counts] = await Promise.all([
      services.content.listEdition(editionId, { type, ...filters, limit: pageSize, cursor }),
      services.content.counts(editionId),
    ])
    const count = topic && audience ? undefined : counts(type, filters)
    const ctx = pageContext(c, catalog, editionId)
    return render(
      c,
      <ListingPage ctx={ctx} type={type} filters={filters} cards={page.items} count={count} nextCursor={page.nextCursor} isFirstPage={!cursor} />,
    )
  }

  async function topicIndex(c: Context, editionId: string) {
    const catalog = await services.catalog.get()
    return render(c, <TopicIndexPage ctx={pageContext(c, catalog, editionId)} />)
  }

  async function topic(c: Context, editionId: string, slug: string) {
    const catalog = await services.catalog.get()
    const found = catalog.topic(slug)
    if (!found) throw notFound()
    const cards = await services.content.topicCards(editionId, slug, { limit: 200 })
    return render(c, <TopicPage ctx={pageContext(c, catalog, editionId)} topic={found} cards={cards.items} />)
  }

  async function item(c: Context, tenantId: string, type: ContentType, slug: string) {
    if (!isSlug(slug)) throw notFound()
    const catalog = await services.catalog.get()
    const owner = catalog.tenant(tenantId)
    if (!owner) throw notFound()
    const published = await services.content.readerView(tenantId, type, slug)
    if (published === 'gone') throw new HTTPException(410, { message: 'Gone' })
    if (!published) throw notFound()
    const editionId = preferredRegion(c, catalog) ?? tenantId
    return render(c, <ItemPage ctx={pageContext(c, catalog, editionId)} item={published} owner={owner} now={now()} />)
  }

  const isTenant = async (id: string) => (await services.catalog.get()).tenant(id) !== undefined

  app.route('/', discoveryRoutes(services))
  app.route('/', editorShellRoutes(options.assets))
  app.get('/', async (c) => {
    // A reader who chose a region lands on its edition; "Hele landet" is a choice too.
    const remembered = rememberedRegion(c, await services.catalog.get())
    if (remembered && remembered !== NATIONAL_TENANT) {
      c.header('cache-control', pageCacheControl)
      return c.redirect(paths.home(remembered), 302)
    }
    return home(c, NATIONAL_TENANT)
  })

  app.get(paths.chooseRegion, async (c) => {
    const choice = c.req.query(REGION_PARAM) ?? ''
    c.header('cache-control', 'no-store')
    if (!(await isTenant(choice))) return c.redirect('/', 303)
    rememberRegion(c, choice, publicOrigin(c, services.config).startsWith('https:'))
    return c.redirect(paths.home(choice), 303)
  })

  app.get(paths.accessibility, async (c) => render(c, <AccessibilityPage ctx={pageContext(c, await services.catalog.get(), NATIONAL_TENANT)} />))

  app.get('/:first', async (c) => {
    const first = c.req.param('first')
    if (isContentType(first)) return listing(c, NATIONAL_TENANT, first)
    if (first === TOPIC_SEGMENT) return topicIndex(c, NATIONAL_TENANT)
    if (first === NATIONAL_TENANT) return c.redirect('/', 301)
    if (await isTenant(first)) return home(c, first)
    throw notFound()
  })

  app.get('/:first/:second', async (c) => {
    const { first, second } = c.req.param()
    if (first === TOPIC_SEGMENT) return topic(c, NATIONAL_TENANT, second)
    if (!(await isTenant(first))) throw notFound()
    if (first === NATIONAL_TENANT) return c.redirect(`/${second}`, 301)
    if (isContentType(second)) return listing(c, first, second)
    if (second === TOPIC_SEGMENT) return topicIndex(c, first)
    throw notFound()
  })

  app.get('/:tenant/:type/:slug', async (c) => {
    const { tenant, type, slug } = c.req.param()
    if (type === TOPIC_SEGMENT) {
      if (!(await isTenant(tenant))) throw notFound()
      return topic(c, tenant, slug)
    }
    if (!isContentType(type)) throw notFound()
    return item(c, tenant, type, slug)
  })

  /** A published podcast series, or 404. */
  async function series(tenant: string, slug: string) {
    if (!isSlug(slug)) throw notFound()
    const catalog = await services.catalog.get()
    const owner = catalog.tenant(tenant)
    const published = owner ? await services.content.readerView(tenant, 'podkast', slug) : undefined
    if (published === 'gone') throw new HTTPException(410, { message: 'Gone' })
    if (!owner || !published || published.type !== 'podkast') throw notFound()
    return { catalog, owner, published }
  }

  // The feed's URL never changes: podcast apps keep it for years.
  app.get('/:tenant/podkast/:series/feed.xml', async (c) => {
    const { owner, published } = await series(c.req.param('tenant'), c.req.param('series'))
    const xml = podcastFeedXml({ series: published, owner, origin: publicOrigin(c, services.config), feedPath: c.req.path, now: now() })
    return sendWithValidator(c, xml, 200, { 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': `public, max-age=300, s-maxage=300, stale-while-revalidate=${cacheSeconds.pageStaleWhileRevalidate}` })
  })

  app.get('/:tenant/podkast/:series/:episode', async (c) => {
    const { tenant, episode } = c.req.param()
    const { catalog, owner, published } = await series(tenant, c.req.param('series'))
    const found = releasedEpisodes(published, now()).find((candidate) => candidate.slug === episode)
    if (!found) throw notFound()
    const transcript = found.transcript ? await services.transcripts(found.transcript) : undefined
    const editionId = preferredRegion(c, catalog) ?? tenant
    return render(c, <EpisodePage ctx={pageContext(c, catalog, editionId)} series={published} episode={found} owner={owner} transcript={transcript} />)
  })

  app.notFound(async (c) => render(c, <ErrorPage ctx={pageContext(c, await services.catalog.get(), NATIONAL_TENANT)} status={404} />, 404))

  app.onError(async (error, c) => {
    const status = error instanceof HTTPException && [400, 404, 410].includes(error.status) ? (error.status as 400 | 404 | 410) : 500
    if (status === 500) console.error(error)
    try {
      const catalog = await services.catalog.get()
      // Shared layers explain a 400 in English for the API; readers get bokmål.
      const detail =
        status === 400
          ? error instanceof ReaderError
            ? error.message
            : 'Adressen inneholder en ugyldig verdi, for eksempel en utgått sidelenke. Gå til første side og prøv igjen.'
          : undefined
      return render(c, <ErrorPage ctx={pageContext(c, catalog, NATIONAL_TENANT)} status={status} detail={detail} />, status)
    } catch {
      // The catalog itself is unreachable: answer with a page that needs nothing from storage.
      c.header('cache-control', 'no-store')
      return c.html('<!doctype html><html lang="nb"><meta charset="utf-8"><title>Kompetansebroen</title><h1>Noe gikk galt hos oss</h1><p>Prøv igjen om litt.</p></html>', 500)
    }
  })

  return app
}

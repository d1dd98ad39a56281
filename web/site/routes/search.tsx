import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { isAudience, isContentType, type Audience, type ContentType } from '../../../functions/content/vocabulary.ts'
import { NATIONAL_TENANT } from '../../../functions/reader-services.ts'
import type { SearchFilters } from '../../../functions/search/results.ts'
import type { SearchService } from '../../../functions/search/service.ts'
import { MAX_QUERY_CHARS } from '../../../functions/search/query.ts'
import { SearchPage, searchParams } from '../pages/search.tsx'
import { notFound, ReaderError, type Pages } from '../pages-kit.tsx'
import { paths } from '../paths.ts'

/** How many results a page shows. */
export const SEARCH_PAGE_SIZE = 20
const LATEST_ON_NOTHING_FOUND = 6

/**
 * `/sok?q=` (national) and `/{edition}/sok?q=`: the search pages, served by the search function (its own CloudFront
 * behaviours), never by the site's, so the site carries no index. Filters are checked here and refused in bokmål.
 */
export function searchRoutes(pages: Pages, search: SearchService) {
  const { services } = pages
  const app = new Hono()

  async function page(c: Context, editionId: string) {
    const catalog = await services.catalog.get()
    const q = (c.req.query(searchParams.q) ?? '').trim().slice(0, MAX_QUERY_CHARS)
    const type = c.req.query(searchParams.type) || undefined
    const topic = c.req.query(searchParams.topic) || undefined
    const audience = c.req.query(searchParams.audience) || undefined
    const publisher = c.req.query(searchParams.publisher) || undefined
    const cursor = c.req.query(searchParams.cursor) || undefined
    if (type && !isContentType(type)) throw new ReaderError('Ukjent innholdstype i filteret. Velg en fra listen.')
    if (topic && !catalog.topic(topic)) throw new ReaderError('Ukjent fagtema i filteret. Velg et fagtema fra listen.')
    if (audience && !isAudience(audience)) throw new ReaderError('Ukjent målgruppe i filteret. Velg en målgruppe fra listen.')
    if (publisher && !catalog.tenant(publisher)) throw new ReaderError('Ukjent redaksjon i filteret. Velg en fra listen.')
    const filters: SearchFilters = { type: type as ContentType | undefined, topic, audience: audience as Audience | undefined, publisher }
    const answer = q ? await search.search({ q, edition: editionId, ...filters, limit: SEARCH_PAGE_SIZE, cursor }) : undefined
    const latest = answer && !answer.total ? (await search.latest(editionId, LATEST_ON_NOTHING_FOUND)).map((doc) => doc.card) : []
    return pages.render(c, <SearchPage ctx={pages.pageContext(c, catalog, editionId)} q={q} filters={filters} answer={answer} latest={latest} isFirstPage={!cursor} />)
  }

  app.get('/sok', (c) => page(c, NATIONAL_TENANT))
  // The national edition lives at the root, as its other pages (routes/national.ts).
  app.get(`/${NATIONAL_TENANT}/sok`, (c) => pages.moved(c, paths.search(NATIONAL_TENANT)))
  app.get('/:edition/sok', async (c) => {
    const edition = (await services.catalog.get()).tenant(c.req.param('edition'))
    if (!edition) throw notFound()
    return page(c, edition.id)
  })
  return app
}

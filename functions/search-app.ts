import { Hono } from 'hono'
import { createPages, pageCacheControl, type SiteOptions } from '../web/site/pages-kit.tsx'
import { readerErrorHandler, readerNotFound } from '../web/site/errors.tsx'
import { searchRoutes } from '../web/site/routes/search.tsx'
import type { ReaderServices } from './reader-services.ts'
import { searchApiRoutes } from './search/routes.ts'
import { createSearchService, type SearchService, type SearchServiceOptions } from './search/service.ts'
import { onApiError, onApiNotFound } from './shared/api-errors.ts'
import { requestLogging } from './shared/request-log.ts'

export interface SearchAppOptions extends SiteOptions, SearchServiceOptions {}

/**
 * The search function (issue 12): `GET /api/v1/search*` (JSON) and the reader's search pages `/sok` and
 * `/{edition}/sok`, behind CloudFront behaviours of their own (`searchPathPatterns` in infra/definitions.ts). It
 * alone holds the in-memory index, so neither the site nor the public API carries or loads one. Its pages are the
 * site's (layout, cards, error pages), rendered here. The same object runs in the Lambda and behind the local router.
 */
export function createSearchApp(services: ReaderServices, options: SearchAppOptions, search: SearchService = createSearchService(services, options)) {
  // Results change with every publish and are cheap to render: no render cache.
  const pages = createPages(services, { ...options, renderCache: false })
  const site = searchRoutes(pages, search)

  const app = new Hono()
  app.use('*', requestLogging())
  app.route('/api/v1', searchApiRoutes(search, pageCacheControl))
  app.route('/', site)
  // JSON for the API's paths, the reader's pages for the rest (CloudFront sends this function GET and HEAD only).
  app.notFound((c) => (c.req.path.startsWith('/api/') ? onApiNotFound(c) : readerNotFound(pages)(c)))
  app.onError((error, c) => (c.req.path.startsWith('/api/') ? onApiError(error, c) : readerErrorHandler(pages)(error, c)))
  return app
}

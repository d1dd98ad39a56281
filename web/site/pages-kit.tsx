import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import type { ReaderServices } from '../../functions/reader-services.ts'
import type { Catalog } from '../../functions/tenants/catalog.ts'
import { cacheSeconds } from '../../infra/definitions.ts'
import type { AssetManifest } from '../assets.ts'
import { sendWithValidator } from './conditional.ts'
import type { PageContext } from './layout.tsx'
import { publicOrigin } from './origin.ts'

export interface SiteOptions {
  /** The current hashed asset names (they change while `npm start` rebuilds). */
  assets: () => AssetManifest
  now?: () => Date
  /** Cards per listing page. */
  pageSize?: number
}

export const pageCacheControl = `public, max-age=0, s-maxage=${cacheSeconds.pageSharedMaxAge}, stale-while-revalidate=${cacheSeconds.pageStaleWhileRevalidate}`

export const notFound = () => new HTTPException(404, { message: 'Not found' })
export const gone = () => new HTTPException(410, { message: 'Gone' })

/** A 400 whose message is written for readers, in bokmål. */
export class ReaderError extends HTTPException {
  constructor(message: string) {
    super(400, { message })
  }
}

/** What every reader route needs: the services, the options, and one way to build and send a page. */
export function createPages(services: ReaderServices, options: SiteOptions) {
  const pages = {
    services,
    now: options.now ?? (() => new Date()),
    pageSize: options.pageSize ?? 20,

    pageContext(c: Context, catalog: Catalog, editionId: string): PageContext {
      const edition = catalog.tenant(editionId) ?? catalog.nationalTenant
      if (!edition) throw new Error('The catalog has no national tenant; has the seed run?')
      return { catalog, edition, origin: publicOrigin(c, services.config), path: new URL(c.req.url).pathname, assets: options.assets() }
    },

    render(c: Context, page: VNode, status: 200 | 400 | 404 | 410 | 500 = 200) {
      const headers = { 'content-type': 'text/html; charset=UTF-8', 'cache-control': status === 500 ? 'no-store' : pageCacheControl, 'content-language': 'nb' }
      return sendWithValidator(c, `<!doctype html>${renderToString(page)}`, status, headers)
    },

    /** A permanent move to a path this site built itself (never one taken from the request), keeping the query. */
    moved(c: Context, path: string) {
      c.header('cache-control', pageCacheControl)
      return c.redirect(`${path}${new URL(c.req.url).search}`, 301)
    },
  }
  return pages
}
export type Pages = ReturnType<typeof createPages>

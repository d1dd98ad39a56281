import { createHash } from 'node:crypto'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import type { ReaderServices } from '../../functions/reader-services.ts'
import type { Catalog } from '../../functions/tenants/catalog.ts'
import { cacheSeconds } from '../../infra/definitions.ts'
import type { AssetManifest } from '../assets.ts'
import { sendWithValidator, weakEtagOf } from './conditional.ts'
import type { PageContext } from './layout.tsx'
import { publicOrigin } from './origin.ts'
import { createRenderCache, type RenderCacheOptions } from './render-cache.ts'

export interface SiteOptions {
  /** The current hashed asset names (they change while `npm start` rebuilds). */
  assets: () => AssetManifest
  now?: () => Date
  /** Cards per listing page. */
  pageSize?: number
  /** Bounds of the item-page render cache (render-cache.ts), or `false` to render every request. */
  renderCache?: RenderCacheOptions | false
  /** Called each time a page is rendered to HTML (not when it comes from the render cache): tests count with it. */
  onRender?: (path: string) => void
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

/**
 * A short, stable name for what an object holds, computed once per object: the catalog is rebuilt every 30 s
 * and the asset manifest on every rebuild under `npm start`, but cached pages stay valid until what they show
 * really changes.
 */
const fingerprints = new WeakMap<object, string>()
function fingerprint(value: object, content: () => unknown): string {
  let found = fingerprints.get(value)
  if (found === undefined) fingerprints.set(value, (found = createHash('sha1').update(JSON.stringify(content())).digest('base64url')))
  return found
}

const headersFor = (status: number) => ({ 'content-type': 'text/html; charset=UTF-8', 'cache-control': status >= 429 ? 'no-store' : pageCacheControl, 'content-language': 'nb' })

/** What every reader route needs: the services, the options, and one way to build and send a page. */
export function createPages(services: ReaderServices, options: SiteOptions) {
  const cache = options.renderCache === false ? undefined : createRenderCache(options.renderCache)
  const toHtml = (c: Context, page: VNode) => {
    const html = `<!doctype html>${renderToString(page)}`
    options.onRender?.(c.req.path)
    return html
  }

  const pages = {
    services,
    now: options.now ?? (() => new Date()),
    pageSize: options.pageSize ?? 20,

    pageContext(c: Context, catalog: Catalog, editionId: string): PageContext {
      const edition = catalog.tenant(editionId) ?? catalog.nationalTenant
      if (!edition) throw new Error('The catalog has no national tenant; has the seed run?')
      return { catalog, edition, origin: publicOrigin(c, services.config), path: new URL(c.req.url).pathname, assets: options.assets() }
    },

    render(c: Context, page: VNode, status: 200 | 400 | 404 | 410 | 429 | 500 | 503 = 200) {
      return sendWithValidator(c, toHtml(c, page), status, headersFor(status))
    },

    /**
     * The key of a page rendered in `ctx`: everything the layout reads from the request (origin, path, the
     * reader's edition), the asset names and the catalog (edition and topic names, the region picker), plus
     * `parts`, which name the rest of what the page shows (the snapshot, and the clock's state where it matters).
     */
    pageKey(ctx: PageContext, ...parts: string[]): string {
      const catalog = ctx.catalog
      return [
        ctx.origin,
        ctx.path,
        ctx.edition.id,
        fingerprint(ctx.assets, () => ctx.assets),
        fingerprint(catalog, () => [catalog.tenants, catalog.topics]),
        ...parts,
      ].join('\n')
    },

    /**
     * A name for what a page shows that was read for this request (a home page's cards, a listing page): the
     * query still runs every time, so a publish shows at once, but the same cards are not rendered twice.
     */
    dataKey: (data: unknown) => createHash('sha1').update(JSON.stringify(data)).digest('base64url'),

    /** A 200 page from the render cache when `key` was rendered before, else rendered, kept and sent. */
    async renderCached(c: Context, key: string, page: () => VNode | Promise<VNode>) {
      const hit = cache?.get(key)
      if (hit) return sendWithValidator(c, hit.html, 200, headersFor(200), hit.etag)
      const html = toHtml(c, await page())
      const etag = weakEtagOf(html)
      cache?.set(key, { html, etag })
      return sendWithValidator(c, html, 200, headersFor(200), etag)
    },

    /** The render cache's size now (tests and the bench look). */
    renderCacheStats: () => cache?.stats(),

    /** A permanent move to a path this site built itself (never one taken from the request), keeping the query. */
    moved(c: Context, path: string) {
      c.header('cache-control', pageCacheControl)
      return c.redirect(`${path}${new URL(c.req.url).search}`, 301)
    },
  }
  return pages
}
export type Pages = ReturnType<typeof createPages>

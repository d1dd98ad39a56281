import type { MiddlewareHandler } from 'hono'
import { cacheSeconds } from '../../infra/definitions.ts'

/** What reader pages answer, and the public API's reads with them: a minute at the edge, then refreshed in the background. */
export const sharedCacheControl = `public, max-age=${cacheSeconds.pageSharedMaxAge}, s-maxage=${cacheSeconds.pageSharedMaxAge}, stale-while-revalidate=${cacheSeconds.pageStaleWhileRevalidate}`

/**
 * Lets CloudFront cache a successful GET or HEAD (its `/api/*` cache policy honours the origin, infra/stacks/cdn.ts), so
 * an integrator polling a listing costs one origin call a minute per URL, not one per poll (issue 15). A route that
 * says otherwise (health's `no-store`) keeps its own header; errors and other methods stay uncached.
 */
export function cacheAtTheEdge(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const read = c.req.method === 'GET' || c.req.method === 'HEAD'
    if (read && c.res.status === 200 && !c.res.headers.has('cache-control')) c.header('cache-control', sharedCacheControl)
  }
}

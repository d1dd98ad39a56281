import { getConnInfo } from '@hono/node-server/conninfo'
import type { MiddlewareHandler } from 'hono'

/**
 * CloudFront adds the viewer's address to X-Forwarded-For on every request to a custom origin; the local router does
 * the same from the socket's peer, so the functions' rate limits (functions/shared/rate-limit.ts, issue 15) count
 * per address under `npm start` as they do behind CloudFront. Without a socket (app.request in tests) nothing is added.
 */
export function forwardViewerAddress(): MiddlewareHandler {
  return async (c, next) => {
    let peer: string | undefined
    try {
      peer = getConnInfo(c).remote.address
    } catch {
      peer = undefined
    }
    if (peer) {
      const prior = c.req.header('x-forwarded-for')
      c.req.raw.headers.set('x-forwarded-for', prior ? `${prior}, ${peer}` : peer)
    }
    await next()
  }
}

import { getConnInfo } from '@hono/node-server/conninfo'
import type { MiddlewareHandler } from 'hono'
import { viewerAddressHeader } from '../definitions.ts'

/**
 * What CloudFront and its viewer-request function tell the functions about the viewer, from the socket's peer: the
 * address appended to X-Forwarded-For, and `x-viewer-address` (infra/stacks/edge-functions.ts), which the functions'
 * rate limits (functions/shared/rate-limit.ts, issue 15) count by, so they count per address under `npm start` as
 * they do behind CloudFront. Whatever a client sent as `x-viewer-address` is replaced, as at the edge; without a
 * socket (app.request in tests) there is no viewer to name, and the header is removed.
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
      c.req.raw.headers.set(viewerAddressHeader, peer)
    } else c.req.raw.headers.delete(viewerAddressHeader)
    await next()
  }
}

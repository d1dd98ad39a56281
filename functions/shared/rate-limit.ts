import type { Context, MiddlewareHandler } from 'hono'
import { viewerAddressHeader } from '../../infra/definitions.ts'

/**
 * A small fixed-window limiter (issue 15) for what costs money or annoys people when repeated: sign-ups that send
 * e-mail, uploads' presigned posts, sign-in under `npm start`. Answers through `refuse` (the app's own 429: a bokmål
 * page for readers, English JSON for the APIs) with `Retry-After`.
 *
 * Honest about Lambda: the counts live in one container's memory. AWS runs many containers at once and recycles
 * them, so in AWS this only slows a naive loop hitting one warm container; the real limit is the WAF's rate-based
 * rules in front of CloudFront (infra/stacks/rate-limits.ts), which count per viewer address across the fleet.
 * Locally (`npm start`, one process) it is the whole limit.
 */
export interface RateLimitOptions {
  /** Requests a key may make per window. */
  limit: number
  windowMs: number
  /** Who is counted: the caller's address by default; undefined means "cannot tell", and is not limited. */
  key?: (c: Context) => string | undefined
  /** The app's own 429: return a page, or throw an ApiError(429) for the APIs' error handler. */
  refuse: (c: Context, retryAfterSeconds: number) => Response | Promise<Response>
  /** Keys kept at most, so a flood of made-up addresses cannot grow the map without bound. */
  maxKeys?: number
  now?: () => number
}

export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const { limit, windowMs, refuse, maxKeys = 10_000, now = Date.now } = options
  const keyOf = options.key ?? clientAddress
  const windows = new Map<string, { start: number; count: number }>()
  return async (c, next) => {
    const key = keyOf(c)
    if (key === undefined) return next()
    const at = now()
    let window = windows.get(key)
    if (!window || at - window.start >= windowMs) {
      windows.delete(key)
      // Oldest first in a Map: dropping the first entry forgets the window that started longest ago.
      if (windows.size >= maxKeys) windows.delete(windows.keys().next().value!)
      window = { start: at, count: 0 }
      windows.set(key, window)
    }
    window.count++
    if (window.count > limit) {
      const retryAfter = Math.max(1, Math.ceil((window.start + windowMs - at) / 1000))
      // Set on the context first: a refusal that throws (the APIs' 429 through their one error handler) keeps them.
      c.header('retry-after', String(retryAfter))
      c.header('cache-control', 'no-store')
      return refuse(c, retryAfter)
    }
    return next()
  }
}

/**
 * The caller's address, as the trusted edge saw the connection: `x-viewer-address`, which CloudFront's viewer-request
 * function sets from `event.viewer.ip` on every Lambda behaviour and the local router from the socket, both
 * overwriting what the client sent (infra/stacks/edge-functions.ts). Failing that, the last X-Forwarded-For entry,
 * the one the nearest proxy appended: never the first, which is whatever the client chose to send. Failing that, the
 * socket's peer (an app served straight by Node). In-process tests have none of these and are not limited.
 */
export function clientAddress(c: Context): string | undefined {
  const viewer = c.req.header(viewerAddressHeader)?.trim()
  if (viewer) return viewer
  const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim()
  if (forwarded) return forwarded
  return (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress
}

import { createHash } from 'node:crypto'
import type { Context } from 'hono'

/**
 * A weak validator from the body as rendered (weak because CloudFront and the local router compress it, so the
 * bytes on the wire differ). Hashed synchronously: the page is already one string, so this costs a few
 * microseconds, where `hono/etag` clones and re-reads the response stream through WebCrypto.
 */
export const weakEtagOf = (body: string) => `W/"${createHash('sha1').update(body).digest('base64url')}"`

/** RFC 9110 §13.1.2: `*` or any listed tag, compared weakly (the `W/` prefix is ignored). */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  const opaque = etag.replace(/^W\//, '')
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === opaque)
}

/**
 * Sends a successful text response with its validator, or 304 Not Modified (same headers, no body) when the
 * client or CDN already holds these exact bytes. Only 200s are revalidated; errors are sent as they are.
 * `knownEtag` must be `weakEtagOf(body)`, computed earlier.
 */
export function sendWithValidator(c: Context, body: string, status: number, headers: Record<string, string>, knownEtag?: string) {
  if (status !== 200) return c.body(body, status as 200, headers)
  // A page from the render cache brings the validator hashed when it was rendered.
  const etag = knownEtag ?? weakEtagOf(body)
  if (ifNoneMatchHits(c.req.header('if-none-match'), etag)) return c.body(null, 304, { ...headers, etag })
  return c.body(body, 200, { ...headers, etag })
}

import type { Context } from 'hono'
import type { RuntimeConfig } from '../../functions/shared/config.ts'

/** A host name with an optional port: what CloudFront forwards. Anything else is not trusted to build URLs. */
const hostPattern = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::\d{1,5})?$/i

/** The public origin: fixed by configuration, else the host CloudFront forwarded, else the request's own. */
export function publicOrigin(c: Context, config: Pick<RuntimeConfig, 'siteOrigin'>): string {
  if (config.siteOrigin) return config.siteOrigin
  const forwarded = c.req.header('x-forwarded-host')
  return forwarded && hostPattern.test(forwarded) ? `https://${forwarded}` : new URL(c.req.url).origin
}

/**
 * The absolute URL of a path on this site. `new URL(path, origin)` would read a path such as `//tv.%5E`
 * (which a prober can request) as another host, and throw or leave the site; joining keeps it here.
 */
export function absoluteUrl(origin: string, path: string): string {
  return new URL(`${origin.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`).href
}

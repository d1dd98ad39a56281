import type { Context } from 'hono'
import type { RuntimeConfig } from '../../functions/shared/config.ts'

/** The public origin: fixed by configuration, else the host CloudFront forwarded, else the request's own. */
export function publicOrigin(c: Context, config: Pick<RuntimeConfig, 'siteOrigin'>): string {
  if (config.siteOrigin) return config.siteOrigin
  const forwarded = c.req.header('x-forwarded-host')
  return forwarded ? `https://${forwarded}` : new URL(c.req.url).origin
}

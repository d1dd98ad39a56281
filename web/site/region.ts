import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { Catalog } from '../../functions/tenants/catalog.ts'

/**
 * The reader's chosen region ("Velg ditt område"). It travels in the URL (`?omrade=` on links that cross
 * editions) and, once the reader picks a region, in a first-party preference cookie. That cookie is set only
 * at the reader's explicit request and holds nothing but the region id, so it is strictly necessary under
 * ekomloven § 2-7 b and needs no consent banner. CloudFront keys its page cache on it.
 */
export const REGION_PARAM = 'omrade'
export const REGION_COOKIE = 'omrade'
const ONE_YEAR = 365 * 24 * 3600

export function rememberRegion(c: Context, tenantId: string, secure: boolean) {
  setCookie(c, REGION_COOKIE, tenantId, { path: '/', maxAge: ONE_YEAR, sameSite: 'Lax', httpOnly: true, secure })
}

/** The region a page should be shown in when its URL does not name one: the link's, else the reader's. */
export function preferredRegion(c: Context, catalog: Catalog): string | undefined {
  for (const candidate of [c.req.query(REGION_PARAM), getCookie(c, REGION_COOKIE)]) {
    if (candidate && catalog.tenant(candidate)) return candidate
  }
  return undefined
}

/** The cookie alone (not the link parameter): used where only the reader's own choice may redirect. */
export function rememberedRegion(c: Context, catalog: Catalog): string | undefined {
  const remembered = getCookie(c, REGION_COOKIE)
  return remembered && catalog.tenant(remembered) ? remembered : undefined
}

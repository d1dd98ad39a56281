import { expect } from 'vitest'

/**
 * Paths a prober tries: encoded and raw slashes and backslashes that a browser would read as another host,
 * NUL, overlong and invalid UTF-8, dot segments, unicode, very long paths. Reader pages, the API and the
 * router must answer every one with an ordinary status and never point a Location at another origin.
 */
export const hostileSitePaths = [
  '/nasjonal/%2F%2Fevil.example',
  '/nasjonal/%5C%5Cevil.example',
  '/nasjonal/%5Cevil.example',
  '/nasjonal/%2Fevil.example',
  '/nasjonal/%2F%5Cevil.example',
  '/nasjonal/%09/evil.example',
  '/nasjonal//evil.example',
  '/nasjonal/artikler%2F..%2F..%2F%2Fevil.example',
  '/nasjonal/artikler/%2F%2Fevil.example',
  '/nasjonal/fagtema%2F%2Fevil.example',
  '/nasjonal/fagtema/%2F%2Fevil.example',
  '/nasjonal/fagtema/%5Cevil.example',
  '/nasjonal/podkast/x/%2F%2Fevil.example',
  '//evil.example',
  '//evil.example/%2e%2e',
  '///evil.example',
  '/%2F%2Fevil.example',
  '/%5Cevil.example',
  '/%5C%5Cevil.example',
  '//tv.%5E',
  '///tv.%5E',
  '//tv.%5E/artikler',
  '//%5B::1%5D',
  '/%00',
  '/nasjonal/%00',
  '/innlandet/%00',
  '/innlandet/artikler/%00',
  '/innlandet/podkast/x/feed.xml%00',
  '/%C0%AF',
  '/%C0%AF%C0%AF/evil.example',
  '/%FF',
  '/%E2%82',
  '/innlandet/%FF',
  '/innlandet/artikler/%C0%AF..%C0%AF',
  '/innlandet/fagtema/%FF',
  '/innlandet/podkast/%FF/%FF',
  '/innlandet/artikler?fra=%FF',
  '/innlandet/artikler?tema=%FF&malgruppe=%C0%AF',
  '/innlandet/artikler?fra=%%%',
  '/..',
  '/innlandet/../../etc/passwd',
  '/innlandet/%2E%2E/%2E%2E/etc/passwd',
  '/innlandet/artikler/..%2F..%2Fx',
  '/innlandet/artikler/%2e%2e%5c%2e%2e%5cx',
  '/ø',
  '/%C3%B8',
  '/%F0%9F%98%80',
  '/innlandet/%C3%A6rfugl',
  '/nasjonal/%C3%A6rfugl',
  '/%EF%BC%8F%EF%BC%8Fevil.example',
  `/${'a'.repeat(2000)}`,
  `/innlandet/${'x'.repeat(4000)}`,
  `/innlandet/artikler/${'%FF'.repeat(1000)}`,
  '/velg-omrade?omrade=//evil.example',
  '/velg-omrade?omrade=%2F%2Fevil.example',
  '/velg-omrade?omrade=%5Cevil.example',
  '/?omrade=//evil.example',
  '/innlandet/artikler/x?omrade=%2F%2Fevil.example',
  '/redaktor/%2F%2Fevil.example',
  '/nasjonal/sitemap.xml/%2F',
  '/%2F%2Fevil.example/feed.xml',
  '/%2F%2Fevil.example/sitemap.xml',
]

export const hostileApiPaths = [
  '/api/%2F%2Fevil.example',
  '/api//evil.example',
  '/api/%FF',
  '/api/v1/editions/%FF/items',
  '/api/v1/editions/%C0%AF/items?cursor=%FF',
  '/api/v1/editions/innlandet/items?cursor=%00&limit=%FF',
  '/api/v1/editions/innlandet/items?type=%00',
  '/api/v1/items/%C0%AF/artikler/x',
  '/api/v1/items/innlandet/artikler/%2F%2Fevil.example',
  '/api/v1/items/innlandet/%5C/..%2F',
  '/api/v1/%2e%2e/%2e%2e/etc/passwd',
  '/api/health/%00',
  '/api/editor/tenants/%2F%2Fevil.example/items',
  '/api/editor/tenants/%FF/items',
  `/api/v1/editions/${'x'.repeat(4000)}/items`,
]

/** What a reader's browser may get for any path: a page, a redirect to this site, or a helpful error. */
export const readerStatuses = [200, 301, 302, 303, 400, 404, 410]

/** A Location may only name a path on this very origin: one `/`, never `//` or `/\`, which browsers read as a host. */
export function expectSameOriginLocation(location: string | null, origin: string) {
  if (location === null) return
  expect(location, location).toMatch(/^\/(?![/\\])/)
  expect(new URL(location, origin).origin, location).toBe(origin)
}

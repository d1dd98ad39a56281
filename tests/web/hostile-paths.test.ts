import { beforeAll, describe, expect, it } from 'vitest'
import type { Services } from '../../functions/services.ts'
import { createSiteApp } from '../../web/site/app.tsx'
import { createEditorEnvironment } from '../support/editors.ts'
import { createTestEnvironment } from '../support/environment.ts'
import { publishNew, seedCatalog, testArticle } from '../support/fixtures.ts'
import { expectSameOriginLocation, hostileApiPaths, hostileSitePaths, readerStatuses } from '../support/hostile-paths.ts'

const origin = 'https://kompetansebroen.example'

describe('odd and hostile paths', () => {
  let services: Services
  let site: ReturnType<typeof createSiteApp>
  let api: { request: (url: string, init?: RequestInit) => Response | Promise<Response> }
  let editorToken: string
  beforeAll(async () => {
    ;({ services } = await createTestEnvironment('hostile-paths', { siteOrigin: origin }))
    await seedCatalog(services, ['nasjonal', 'innlandet'], ['demens'])
    await publishNew(services, testArticle('innlandet', 'x', { topics: ['demens'] }))
    site = createSiteApp(services, { assets: () => ({}) })
    // The API with sign-in configured, so editor paths get past authentication to the tenant guard and routes.
    const editors = await createEditorEnvironment('hostile-paths-api')
    api = editors.apis
    editorToken = editors.tokens.akershus
  })

  // A full URL, so a path that starts with `//` reaches the app as a path and not as a host.
  const get = (app: { request: (url: string) => Response | Promise<Response> }, path: string) => app.request(`http://127.0.0.1${path}`)

  it.each(hostileSitePaths)('site: %s is an ordinary answer and never leaves the site', async (path) => {
    const response = await get(site, path)
    expect(readerStatuses, `${response.status} ${await response.clone().text()}`).toContain(response.status)
    expectSameOriginLocation(response.headers.get('location'), origin)
    if (response.status >= 400) expect(await response.text()).toContain('lang="nb"')
  })

  it.each(hostileApiPaths)('api: %s is a JSON client error, never 500', async (path) => {
    const response = await api.request(`http://127.0.0.1${path}`, { headers: { authorization: `Bearer ${editorToken}` } })
    expect(response.status, await response.clone().text()).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expect(response.headers.get('content-type')).toMatch(/application\/json/)
  })

  it.each([
    ['/nasjonal', '/'],
    ['/nasjonal/artikler', '/artikler'],
    ['/nasjonal/e-kurs?tema=demens&malgruppe=kommune', '/e-kurs?tema=demens&malgruppe=kommune'],
    ['/nasjonal/fagtema', '/fagtema'],
    ['/nasjonal/fagtema/demens', '/fagtema/demens'],
  ])('redirects the national edition’s own path %s to %s, permanently', async (path, location) => {
    const response = await get(site, path)
    expect(response.status).toBe(301)
    expect(response.headers.get('location')).toBe(location)
  })

  it.each(['/nasjonal/%2F%2Fevil.example', '/nasjonal/%5Cevil.example', '/nasjonal/evil.example', '/nasjonal/fagtema/finnes-ikke', '/nasjonal/fagtema/%2F%2Fevil.example'])(
    'answers %s, which the site does not know, with 404 and no redirect',
    async (path) => {
      const response = await get(site, path)
      expect(response.status).toBe(404)
      expect(response.headers.get('location')).toBeNull()
    },
  )

  it('renders the 404 page for a path a URL parser reads as another host, with a canonical URL on this site', async () => {
    const response = await get(site, '//tv.%5E')
    expect(response.status).toBe(404)
    const canonical = (await response.text()).match(/<link rel="canonical" href="([^"]+)"/)?.[1]
    expect(new URL(canonical!).origin).toBe(origin)
  })

  it('keeps the real pages where they were', async () => {
    for (const path of ['/', '/artikler', '/fagtema', '/fagtema/demens', '/innlandet', '/innlandet/artikler', '/innlandet/fagtema', '/innlandet/fagtema/demens', '/innlandet/artikler/x']) {
      expect((await get(site, path)).status, path).toBe(200)
    }
  })
})

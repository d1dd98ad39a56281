import { beforeAll, describe, expect, it } from 'vitest'
import { createPublicApiApp } from '../../functions/public-api.ts'
import type { Services } from '../../functions/services.ts'
import { tenantSchema } from '../../functions/tenants/schema.ts'
import { createSiteApp } from '../../web/site/app.tsx'
import { createTestEnvironment } from '../support/environment.ts'
import { seedCatalog, testTenant } from '../support/fixtures.ts'

const origin = 'https://kompetansebroen.example'
/** A route with its parameters and query left out: `/api/v1/editions/:edition/items` and `…/{utgave}/items?type=` agree. */
const shape = (route: string) => route.split('?')[0]!.replace(/:[a-z]+|\{[^}]+\}/gi, '*')
const unescape = (html: string) => html.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

describe('/for-utviklere (issue 18)', () => {
  let services: Services
  let app: ReturnType<typeof createSiteApp>
  let html: string

  beforeAll(async () => {
    ;({ services } = await createTestEnvironment('developers', { siteOrigin: origin }))
    await seedCatalog(services, ['nasjonal', 'innlandet', 'vestfold'], ['demens'])
    app = createSiteApp(services, { assets: () => ({}) })
    const response = await app.request('/for-utviklere')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    html = unescape(await response.text())
  })

  it('is a server-rendered bokmål page with a heading per part and a contents list that links to them', () => {
    expect(html).toContain('<html lang="nb">')
    expect(html).toContain('<h1>For utviklere</h1>')
    for (const id of ['api', 'atom', 'rss', 'kalender', 'innebygging', 'adresser']) {
      expect(html).toContain(`<h2 id="${id}">`)
      expect(html).toContain(`href="#${id}"`)
    }
    expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/)
  })

  // Kept honest: a new `/api/v1` route fails this until the page documents it (embeds and oEmbed are described by their own work).
  it('documents every GET route of /api/v1 and the health check the public API has today', () => {
    const documented = [...html.matchAll(/<code>GET ([^<]+)<\/code>/g)].map(([, route]) => shape(route!))
    const served = createPublicApiApp(services)
      .routes.filter((route) => route.method === 'GET' && /^\/api\/(v1\/|health$)/.test(route.path))
      .map((route) => shape(route.path))
    expect(served.length).toBeGreaterThan(4)
    for (const route of served) expect(documented, route).toContain(route)
  })

  it('gives copy-paste addresses of the Atom and RSS feeds and calendars for every edition', () => {
    expect(html).toMatch(/<pre><code>curl '[^']+\/api\/v1\/editions\/innlandet\/items\?type=podkast&limit=5'<\/code><\/pre>/)
    for (const path of ['/atom.xml', '/innlandet/atom.xml', '/vestfold/atom.xml', '/feed.xml', '/innlandet/feed.xml', '/innlandet/arrangementer.ics']) {
      expect(html).toContain(`${origin}${path}`)
    }
    expect(html).toContain(`${origin}/innlandet/atom.xml?type=podkast&tema=demens`)
    expect(html).toContain('webcal://kompetansebroen.example/arrangementer.ics')
    expect(html).toContain(`${origin}/{redaksjon}/podkast/{serie}/feed.xml`)
    expect(html).toContain(`<link rel="alternate" type="application/atom+xml" title="Kompetansebroen innlandet" href="${origin}/innlandet/atom.xml">`)
  })

  it('gives an embed snippet that works as pasted, and the oEmbed address', async () => {
    const iframe = html.match(/<iframe src="([^"]+)" title="[^"]+" width="(\d+)" height="(\d+)"/)
    expect(iframe, 'an iframe snippet').not.toBeNull()
    const embedded = new URL(iframe![1]!)
    expect(embedded.origin).toBe(origin)
    expect(embedded.pathname).toBe('/innebygd/innlandet/siste')
    const page = await app.request(`${embedded.pathname}${embedded.search}`)
    expect(page.status).toBe(200)
    expect(Number(iframe![3])).toBeGreaterThan(100)
    expect(html).toContain(`${origin}/innebygd/{redaksjon}/{type}/{adresse}`)
    expect(html).toMatch(/curl '[^']+\/api\/oembed\?url=[^']+&format=json'/)
  })

  it('is linked from every page footer, and no edition can take its address', async () => {
    for (const path of ['/', '/innlandet', '/tilgjengelighet']) expect(await (await app.request(path)).text()).toContain('<a href="/for-utviklere">')
    expect(tenantSchema.safeParse(testTenant('for-utviklere')).success).toBe(false)
  })
})

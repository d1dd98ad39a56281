import { beforeAll, describe, expect, it } from 'vitest'
import type { Services } from '../../functions/services.ts'
import { createSiteApp } from '../../web/site/app.tsx'
import { createTestEnvironment } from '../support/environment.ts'
import { publishNew, seedCatalog, testArticle } from '../support/fixtures.ts'

/** Counts the DynamoDB requests one page costs (the catalog is warmed first: it is cached in memory). */
async function requestsFor(services: Services, app: ReturnType<typeof createSiteApp>, path: string) {
  await services.catalog.get()
  const operations: string[] = []
  const stop = services.clients.onDynamoRequest((operation) => operations.push(operation))
  const response = await app.request(path)
  stop()
  return { response, operations }
}

describe('reader site', () => {
  let services: Services
  let app: ReturnType<typeof createSiteApp>
  beforeAll(async () => {
    ;({ services } = await createTestEnvironment('reader-site', { siteOrigin: 'https://kompetansebroen.example' }))
    await seedCatalog(services, ['nasjonal', 'innlandet', 'vestfold'], ['demens'])
    await publishNew(services, testArticle('innlandet', 'lokal-nyhet', { title: 'Lokal nyhet fra Innlandet', topics: ['demens'] }))
    await publishNew(services, testArticle('vestfold', 'delt-nyhet', { title: 'Delt nyhet fra Vestfold', sharedNationally: true }))
    await services.content.create(testArticle('innlandet', 'utkast', { title: 'Hemmelig utkast' }))
    app = createSiteApp(services, { assets: () => ({ 'site.css': '/assets/site-TEST.css' }) })
  })

  it('renders the national home in bokmål with shared content from the regions', async () => {
    const response = await app.request('/')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toMatch(/^<!doctype html><html lang="nb">/)
    expect(html).toContain('Delt nyhet fra Vestfold')
    expect(html).not.toContain('Lokal nyhet fra Innlandet')
    expect(html).toContain('Delt fra Kompetansebroen vestfold')
    expect(html).toContain('<link rel="stylesheet" href="/assets/site-TEST.css"/>')
  })

  it('renders a regional home with its own content', async () => {
    const html = await (await app.request('/innlandet')).text()
    expect(html).toContain('Lokal nyhet fra Innlandet')
    expect(html).not.toContain('Delt nyhet fra Vestfold')
  })

  it('renders an item page with canonical URL, OpenGraph and JSON-LD', async () => {
    const response = await app.request('/innlandet/artikler/lokal-nyhet')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<link rel="canonical" href="https://kompetansebroen.example/innlandet/artikler/lokal-nyhet"/>')
    expect(html).toContain('<meta property="og:title" content="Lokal nyhet fra Innlandet"/>')
    const jsonLd = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/)![1]!)
    expect(jsonLd).toMatchObject({ '@type': 'Article', headline: 'Lokal nyhet fra Innlandet', inLanguage: 'nb' })
  })

  it('never shows a draft, whatever the URL', async () => {
    for (const path of ['/innlandet/artikler/utkast', '/innlandet/artikler', '/innlandet']) {
      const html = await (await app.request(path)).text()
      expect(html).not.toContain('Hemmelig utkast')
    }
    expect((await app.request('/innlandet/artikler/utkast')).status).toBe(404)
  })

  it.each([
    ['/atlantis', 404],
    ['/atlantis/artikler/x', 404],
    ['/innlandet/blogg/x', 404],
    ['/innlandet/artikler/UGYLDIG_SLUG', 404],
    ['/fagtema/finnes-ikke', 404],
    ['/innlandet/artikler?fra=%%%', 400],
  ])('answers %s with a helpful %i page, never 500', async (path, status) => {
    const response = await app.request(path)
    expect(response.status).toBe(status)
    const html = await response.text()
    expect(html).toContain('lang="nb"')
    expect(html).toContain('Gå til forsiden for Kompetansebroen')
  })

  it('lets the region picker work without JavaScript', async () => {
    const response = await app.request('/velg-omrade?omrade=innlandet')
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/innlandet')
    expect((await app.request('/velg-omrade?omrade=atlantis')).headers.get('location')).toBe('/')
  })

  it('sends CDN-friendly caching with an ETag, and answers a conditional request with 304', async () => {
    const response = await app.request('/innlandet/artikler/lokal-nyhet')
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=600')
    const etag = response.headers.get('etag')
    expect(etag).toBeTruthy()
    const again = await app.request('/innlandet/artikler/lokal-nyhet', { headers: { 'if-none-match': etag! } })
    expect(again.status).toBe(304)
  })

  it.each([
    ['national home', '/', 2],
    ['regional home', '/innlandet', 2],
    ['listing', '/innlandet/artikler', 1],
    ['topic page', '/innlandet/fagtema/demens', 1],
    ['item page', '/innlandet/artikler/lokal-nyhet', 1],
  ])('serves the %s with at most %i DynamoDB requests and no Scan', async (_name, path, budget) => {
    const { response, operations } = await requestsFor(services, app, path)
    expect(response.status).toBe(200)
    expect(operations.length).toBeLessThanOrEqual(budget)
    expect(operations).not.toContain('Scan')
  })
})

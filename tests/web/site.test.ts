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

  it('lets the region picker work without JavaScript and remembers the choice in a first-party cookie', async () => {
    const response = await app.request('/velg-omrade?omrade=innlandet')
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/innlandet')
    const cookie = response.headers.get('set-cookie')!
    expect(cookie).toMatch(/^omrade=innlandet; Max-Age=31536000; Path=\/; HttpOnly; Secure; SameSite=Lax$/)
    const unknown = await app.request('/velg-omrade?omrade=atlantis')
    expect(unknown.headers.get('location')).toBe('/')
    expect(unknown.headers.get('set-cookie')).toBeNull()
  })

  it('takes a reader who chose a region to its edition, and keeps it on pages from other regions', async () => {
    const home = await app.request('/', { headers: { cookie: 'omrade=innlandet' } })
    expect(home.status).toBe(302)
    expect(home.headers.get('location')).toBe('/innlandet')
    expect((await app.request('/', { headers: { cookie: 'omrade=nasjonal' } })).status).toBe(200)
    const shared = await (await app.request('/vestfold/artikler/delt-nyhet', { headers: { cookie: 'omrade=innlandet' } })).text()
    expect(shared).toContain('<span class="brand-region">innlandet</span>')
    expect(shared).toContain('<option value="innlandet" selected>')
  })

  it('links cards from another region with the edition the reader is in', async () => {
    const html = await (await app.request('/')).text()
    expect(html).toContain('href="/vestfold/artikler/delt-nyhet?omrade=nasjonal"')
    const page = await (await app.request('/vestfold/artikler/delt-nyhet?omrade=nasjonal')).text()
    expect(page).toContain('<link rel="canonical" href="https://kompetansebroen.example/vestfold/artikler/delt-nyhet"/>')
    expect(page).not.toContain('brand-region')
  })

  it('sends CDN-friendly caching with an ETag, and answers a conditional request with 304', async () => {
    const response = await app.request('/innlandet/artikler/lokal-nyhet')
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=600')
    const etag = response.headers.get('etag')
    expect(etag).toBeTruthy()
    const again = await app.request('/innlandet/artikler/lokal-nyhet', { headers: { 'if-none-match': `"other", ${etag}` } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    // A 304 carries what a cache needs to keep serving its copy.
    expect(again.headers.get('etag')).toBe(etag)
    expect(again.headers.get('cache-control')).toBe(response.headers.get('cache-control'))
    const otherPage = await app.request('/innlandet/artikler', { headers: { 'if-none-match': etag! } })
    expect(otherPage.status).toBe(200)
    expect(otherPage.headers.get('etag')).not.toBe(etag)
  })

  it('gives feeds and sitemaps validators too, but never a 404 page', async () => {
    const feed = await app.request('/innlandet/feed.xml')
    const etag = feed.headers.get('etag')
    expect(etag).toMatch(/^W\/"[\w-]+"$/)
    expect((await app.request('/innlandet/feed.xml', { headers: { 'if-none-match': etag! } })).status).toBe(304)
    const missing = await app.request('/innlandet/artikler/finnes-ikke', { headers: { 'if-none-match': '*' } })
    expect(missing.status).toBe(404)
    expect(missing.headers.get('etag')).toBeNull()
  })

  it.each([
    ['national home', '/', 2],
    ['regional home', '/innlandet', 2],
    ['listing with its count', '/innlandet/artikler', 2],
    ['filtered listing', '/innlandet/artikler?tema=demens&malgruppe=kommune', 2],
    ['topic page', '/innlandet/fagtema/demens', 1],
    ['item page', '/innlandet/artikler/lokal-nyhet', 1],
  ])('serves the %s (%s) with at most %i DynamoDB requests and no Scan', async (_name, path, budget) => {
    const { response, operations } = await requestsFor(services, app, path)
    expect(response.status).toBe(200)
    expect(operations.length).toBeLessThanOrEqual(budget)
    expect(operations).not.toContain('Scan')
  })

  // The author saved in the workspace's «Forfatter» reaches readers (issue 17): small, in the article's byline.
  it('names an article’s author in its byline, and no author when none is saved', async () => {
    await publishNew(services, testArticle('innlandet', 'med-forfatter', { author: 'Kari Nordmann' }))
    const html = await (await app.request('/innlandet/artikler/med-forfatter')).text()
    expect(html).toMatch(/<p class="provenance">Skrevet av Kari Nordmann · Publisert av /)
    expect(await (await app.request('/innlandet/artikler/lokal-nyhet')).text()).not.toContain('Skrevet av')
  })
})

describe('listing filters and counts', () => {
  let services: Services
  let app: ReturnType<typeof createSiteApp>
  beforeAll(async () => {
    ;({ services } = await createTestEnvironment('listing-filters'))
    await seedCatalog(services, ['nasjonal', 'akershus'], ['demens', 'palliasjon'])
    await publishNew(services, testArticle('akershus', 'demens-kommune', { topics: ['demens'], audiences: ['kommune'] }))
    await publishNew(services, testArticle('akershus', 'demens-sykehus', { topics: ['demens'], audiences: ['sykehus'] }))
    await publishNew(services, testArticle('akershus', 'palliasjon-begge', { topics: ['palliasjon'], audiences: ['kommune', 'sykehus'] }))
    app = createSiteApp(services, { assets: () => ({}) })
  })

  const slugsOn = async (path: string) => {
    const html = await (await app.request(path)).text()
    return { slugs: [...html.matchAll(/href="\/akershus\/artikler\/([a-z-]+)"/g)].map((match) => match[1]).sort(), html }
  }

  it.each([
    ['/akershus/artikler', ['demens-kommune', 'demens-sykehus', 'palliasjon-begge'], '3 treff'],
    ['/akershus/artikler?tema=demens', ['demens-kommune', 'demens-sykehus'], '2 treff'],
    ['/akershus/artikler?malgruppe=kommune', ['demens-kommune', 'palliasjon-begge'], '2 treff'],
    ['/akershus/artikler?tema=demens&malgruppe=sykehus', ['demens-sykehus'], undefined],
    ['/akershus/artikler?tema=&malgruppe=', ['demens-kommune', 'demens-sykehus', 'palliasjon-begge'], '3 treff'],
  ])('%s lists exactly the matching items', async (path, expected, count) => {
    const { slugs, html } = await slugsOn(path)
    expect(slugs).toEqual(expected)
    if (count) expect(html).toContain(`<p class="result-count" role="status">${count}</p>`)
    else expect(html).not.toContain('result-count')
  })

  it('pages a filtered listing with links that keep the filters, every item once', async () => {
    const paged = createSiteApp(services, { assets: () => ({}), pageSize: 1 })
    const seen: string[] = []
    let path: string | undefined = '/akershus/artikler?tema=demens'
    while (path) {
      const html: string = await (await paged.request(path)).text()
      seen.push(...[...html.matchAll(/href="\/akershus\/artikler\/([a-z-]+)"/g)].map((match) => match[1]!))
      const next: string | undefined = html.match(/<a href="([^"]+)" rel="next">/)?.[1]
      if (next) expect(next).toMatch(/^\/akershus\/artikler\?tema=demens&amp;fra=/)
      path = next?.replaceAll('&amp;', '&')
    }
    expect(seen).toEqual(['demens-sykehus', 'demens-kommune'])
  })

  it.each([
    ['/akershus/artikler?tema=finnes-ikke', 'Ukjent fagtema'],
    ['/akershus/artikler?malgruppe=astronauter', 'Ukjent målgruppe'],
  ])('answers the malformed filter %s with a 400 page in bokmål', async (path, message) => {
    const response = await app.request(path)
    expect(response.status).toBe(400)
    expect(await response.text()).toContain(message)
  })

  it('counts down again when an item is republished without a topic', async () => {
    const item = await services.content.create(testArticle('akershus', 'flytter-tema', { topics: ['palliasjon'] }))
    const published = await services.content.publish('akershus', item.id, item.version)
    let counts = await services.content.counts('akershus')
    expect(counts('artikler', { topic: 'palliasjon' })).toBe(2)
    await services.db.put({ PK: 'TENANT#akershus', SK: `ITEM#${item.id}`, ...published, topics: [] })
    await services.content.publish('akershus', item.id, published.version)
    counts = await services.content.counts('akershus')
    expect(counts('artikler', { topic: 'palliasjon' })).toBe(1)
    expect(counts('artikler')).toBe(4)
  })
})

describe('featured items', () => {
  it("puts the edition's featured items first on its home page, without another DynamoDB request", async () => {
    const { services } = await createTestEnvironment('featured')
    await seedCatalog(services, ['nasjonal', 'ostfold'])
    const old = await publishNew(services, testArticle('ostfold', 'eldre-anbefalt', { title: 'Eldre, men anbefalt' }))
    for (let index = 0; index < 13; index++) await publishNew(services, testArticle('ostfold', `ny-${index}`))
    await services.content.setFeatured('ostfold', 'ostfold', old.id, true, old.version)
    const app = createSiteApp(services, { assets: () => ({}) })
    await services.catalog.get()
    let requests = 0
    const stop = services.clients.onDynamoRequest(() => requests++)
    const html = await (await app.request('/ostfold')).text()
    stop()
    expect(requests).toBe(2)
    const featuredSection = html.slice(html.indexOf('id="anbefalt"'), html.indexOf('id="nytt"'))
    expect(featuredSection).toContain('Eldre, men anbefalt')
    // It does not also push a newer item off the "new" row.
    expect(html.slice(html.indexOf('id="nytt"'))).toContain('>Artikkel ny-1</a>')
    // Unfeaturing puts it back in date order.
    await services.content.setFeatured('ostfold', 'ostfold', old.id, false, old.version + 1)
    expect(await (await app.request('/ostfold')).text()).not.toContain('id="anbefalt"')
  })
})

describe('withdrawn items', () => {
  it('answers 410 Gone with a helpful page once an item is unpublished, and takes it out of lists and counts', async () => {
    const { services } = await createTestEnvironment('withdrawn')
    await seedCatalog(services, ['nasjonal', 'innlandet'], ['demens'])
    const published = await publishNew(services, testArticle('innlandet', 'trekkes-tilbake', { topics: ['demens'], sharedNationally: true }))
    const app = createSiteApp(services, { assets: () => ({}) })
    expect((await app.request('/innlandet/artikler/trekkes-tilbake')).status).toBe(200)

    const withdrawn = await services.content.withdraw('innlandet', published.id, published.version)
    const page = await app.request('/innlandet/artikler/trekkes-tilbake')
    expect(page.status).toBe(410)
    const html = await page.text()
    expect(html).toContain('Innholdet er fjernet')
    expect(html).toContain('Gå til forsiden for')
    for (const path of ['/innlandet/artikler', '/artikler', '/innlandet/fagtema/demens', '/innlandet'])
      expect(await (await app.request(path)).text(), path).not.toContain('trekkes-tilbake')
    expect((await services.content.counts('innlandet'))('artikler')).toBe(0)
    expect((await services.content.counts('nasjonal'))('artikler', { topic: 'demens' })).toBe(0)

    // Publishing again brings it back where it was.
    await services.content.publish('innlandet', published.id, withdrawn.version)
    expect((await app.request('/innlandet/artikler/trekkes-tilbake')).status).toBe(200)
    expect((await services.content.counts('nasjonal'))('artikler')).toBe(1)
  })
})

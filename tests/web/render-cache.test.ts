import { beforeAll, describe, expect, it } from 'vitest'
import type { ContentFields, PublishedItem } from '../../functions/content/schema.ts'
import type { Services } from '../../functions/services.ts'
import { createSiteApp, type SiteOptions } from '../../web/site/app.tsx'
import { createRenderCache } from '../../web/site/render-cache.ts'
import { clockState } from '../../web/site/routes/items.tsx'
import { createTestEnvironment } from '../support/environment.ts'
import { publishNew, seedCatalog, testArticle, testTenant } from '../support/fixtures.ts'

describe('render cache bounds', () => {
  it('holds at most its count and byte budget while 10,000 distinct pages pass through it', () => {
    const cache = createRenderCache({ maxEntries: 500, maxBytes: 20 * 1024 * 1024 })
    const html = '<!doctype html>'.padEnd(30_000, 'x')
    let largest = 0
    for (let page = 0; page < 10_000; page++) {
      cache.set(`/innlandet/artikler/side-${page}`, { html: `${html}${page}`, etag: `W/"${page}"` })
      largest = Math.max(largest, cache.stats().bytes)
      expect(cache.stats().entries).toBeLessThanOrEqual(500)
    }
    expect(largest).toBeLessThanOrEqual(20 * 1024 * 1024)
    // Pages of 30,000 characters (60 KB counted as UTF-16): the byte budget binds before the count does.
    expect(cache.stats().entries).toBeGreaterThan(300)
    expect(cache.stats().entries).toBeLessThan(500)
    expect(cache.get('/innlandet/artikler/side-0')).toBeUndefined()
    expect(cache.get('/innlandet/artikler/side-9999')?.etag).toBe('W/"9999"')
  })

  it('evicts the least recently used page, not the least recently added', () => {
    const cache = createRenderCache({ maxEntries: 2 })
    cache.set('a', { html: 'A', etag: 'a' })
    cache.set('b', { html: 'B', etag: 'b' })
    cache.get('a')
    cache.set('c', { html: 'C', etag: 'c' })
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('a')?.html).toBe('A')
    expect(cache.get('c')?.html).toBe('C')
  })

  it('keeps no page larger than its whole budget, and replacing a key does not count it twice', () => {
    const cache = createRenderCache({ maxBytes: 1000 })
    cache.set('big', { html: 'x'.repeat(1000), etag: 'e' })
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 })
    cache.set('small', { html: 'x', etag: 'e' })
    const once = cache.stats().bytes
    cache.set('small', { html: 'y', etag: 'e' })
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: once })
  })
})

describe('clock state of an item page', () => {
  const at = (iso: string) => new Date(iso)
  it('is past or upcoming for an event, whatever the minute', () => {
    const event = { type: 'arrangementer', endsAt: '2026-12-01T15:00:00+01:00' } as PublishedItem
    expect(clockState(event, at('2026-11-01T10:00:00Z'))).toBe(clockState(event, at('2026-12-01T13:59:00Z')))
    expect(clockState(event, at('2026-12-01T14:01:00Z'))).toBe('past')
  })

  it('counts released episodes for a podcast, and is empty for types that ignore the clock', () => {
    const episode = (publishedAt: string) => ({ publishedAt }) as never
    const series = { type: 'podkast', episodes: [episode('2026-01-01T09:00:00Z'), episode('2026-02-01T09:00:00Z')] } as unknown as PublishedItem
    expect(clockState(series, at('2026-01-15T00:00:00Z'))).toBe('released 1')
    expect(clockState(series, at('2026-02-01T09:00:00Z'))).toBe('released 2')
    expect(clockState({ type: 'artikler' } as PublishedItem, at('2026-01-15T00:00:00Z'))).toBe('')
  })
})

describe('item pages from the render cache', () => {
  let services: Services
  const rendered: string[] = []
  let clock = new Date('2026-11-20T12:00:00Z')
  let assets = { 'site.css': '/assets/site-ONE.css' }
  const site = (options: Partial<SiteOptions> = {}) =>
    createSiteApp(services, { assets: () => assets, now: () => clock, onRender: (path) => rendered.push(path), ...options })
  let app: ReturnType<typeof site>
  let article: Awaited<ReturnType<typeof publishNew>>

  const event = (slug: string): ContentFields =>
    ({
      ...testArticle('innlandet', slug, { title: 'Fagdag om demens' }),
      type: 'arrangementer',
      startsAt: '2026-12-01T09:00:00+01:00',
      endsAt: '2026-12-01T15:00:00+01:00',
      organiser: 'Sykehuset Innlandet',
      registrationUrl: 'https://example.no/pamelding',
    }) as ContentFields

  /** The page's body, how many times it was rendered, and the DynamoDB requests it cost (catalog warm). */
  async function visit(path: string, init?: RequestInit) {
    await services.catalog.get()
    const before = rendered.length
    const operations: string[] = []
    const stop = services.clients.onDynamoRequest((operation) => operations.push(operation))
    const response = await app.request(path, init)
    stop()
    return { response, html: await response.text(), renders: rendered.length - before, operations }
  }

  beforeAll(async () => {
    ;({ services } = await createTestEnvironment('render-cache'))
    await seedCatalog(services, ['nasjonal', 'innlandet', 'vestfold'], ['demens'])
    article = await publishNew(services, testArticle('innlandet', 'hurtig', { title: 'Første versjon' }))
    await publishNew(services, event('fagdag'))
    app = site()
  })

  it('renders a snapshot once, still reads it with one GetItem each time, and keeps ETag and 304', async () => {
    const first = await visit('/innlandet/artikler/hurtig')
    const again = await visit('/innlandet/artikler/hurtig')
    expect([first.renders, again.renders]).toEqual([1, 0])
    expect(again.html).toBe(first.html)
    expect(first.operations).toEqual(['GetItem'])
    expect(again.operations).toEqual(['GetItem'])
    const etag = first.response.headers.get('etag')!
    expect(again.response.headers.get('etag')).toBe(etag)
    const notModified = await visit('/innlandet/artikler/hurtig', { headers: { 'if-none-match': etag } })
    expect(notModified.response.status).toBe(304)
    expect(notModified.response.headers.get('cache-control')).toBe(first.response.headers.get('cache-control'))
  })

  it('renders anew when the snapshot has a new updatedAt, and answers 410 at once after a withdraw', async () => {
    // A new title in the working copy (as site.test.ts changes one), then published: a new snapshot.
    await services.db.put({ PK: 'TENANT#innlandet', SK: `ITEM#${article.id}`, ...article, title: 'Andre versjon' })
    const republished = await services.content.publish('innlandet', article.id, article.version)
    const fresh = await visit('/innlandet/artikler/hurtig')
    expect(fresh.renders).toBe(1)
    expect(fresh.html).toContain('Andre versjon')
    expect((await visit('/innlandet/artikler/hurtig')).renders).toBe(0)

    await services.content.withdraw('innlandet', article.id, republished.version)
    const gone = await visit('/innlandet/artikler/hurtig')
    expect(gone.response.status).toBe(410)
    expect(gone.html).not.toContain('Andre versjon')
  })

  it('changes an event page when the event becomes past, and not while it stays upcoming', async () => {
    const upcoming = await visit('/innlandet/arrangementer/fagdag')
    expect(upcoming.html).toContain('https://example.no/pamelding')
    clock = new Date('2026-11-30T08:00:00Z')
    expect((await visit('/innlandet/arrangementer/fagdag')).renders).toBe(0)
    clock = new Date('2026-12-01T14:30:00Z')
    const past = await visit('/innlandet/arrangementer/fagdag')
    expect(past.renders).toBe(1)
    expect(past.html).not.toContain('https://example.no/pamelding')
    expect(past.html).not.toBe(upcoming.html)
  })

  it('keys by the edition the reader is in, from the omrade link or cookie', async () => {
    await publishNew(services, testArticle('vestfold', 'delt', { sharedNationally: true }))
    const own = await visit('/vestfold/artikler/delt')
    const fromInnlandet = await visit('/vestfold/artikler/delt?omrade=innlandet')
    const byCookie = await visit('/vestfold/artikler/delt', { headers: { cookie: 'omrade=innlandet' } })
    expect([own.renders, fromInnlandet.renders, byCookie.renders]).toEqual([1, 1, 0])
    expect(fromInnlandet.html).toContain('<option value="innlandet" selected>')
    expect(own.html).toContain('<option value="vestfold" selected>')
    expect(byCookie.html).toBe(fromInnlandet.html)
  })

  it('renders anew when the asset names or the catalog change, not when the catalog is merely reloaded', async () => {
    const path = '/innlandet/arrangementer/fagdag'
    expect((await visit(path)).renders).toBe(0)
    assets = { 'site.css': '/assets/site-TWO.css' }
    const rebuilt = await visit(path)
    expect(rebuilt.renders).toBe(1)
    expect(rebuilt.html).toContain('/assets/site-TWO.css')
    services.catalog.invalidate()
    expect((await visit(path)).renders).toBe(0)
    await services.catalog.putTenant(testTenant('innlandet', { regionName: 'Innlandet fylke' }))
    const renamed = await visit(path)
    expect(renamed.renders).toBe(1)
    expect(renamed.html).toContain('Innlandet fylke')
  })

  it('renders every request when the cache is off, and keeps within a small bound through the app', async () => {
    const uncached = site({ renderCache: false })
    const before = rendered.length
    for (let round = 0; round < 2; round++) await uncached.request('/innlandet/arrangementer/fagdag')
    expect(rendered.length - before).toBe(2)

    let renders = 0
    const small = site({ renderCache: { maxEntries: 2 }, onRender: () => renders++ })
    const editions = ['vestfold', 'nasjonal', 'innlandet']
    for (const edition of [...editions, ...editions]) expect((await small.request(`/vestfold/artikler/delt?omrade=${edition}`)).status).toBe(200)
    // Three editions of one page cycle through room for two: each visit pushed out the one needed next.
    expect(renders).toBe(6)
    expect((await small.request('/vestfold/artikler/delt?omrade=innlandet')).status).toBe(200)
    expect(renders).toBe(6)
  })

  it('renders a home or listing page again only when its cards change, still querying them every time', async () => {
    const home = '/innlandet'
    const listing = '/innlandet/artikler?tema=demens'
    const first = [await visit(home), await visit(listing)]
    const again = [await visit(home), await visit(listing)]
    expect(again.map((visited) => visited.renders)).toEqual([0, 0])
    expect(again.map((visited) => visited.html)).toEqual(first.map((visited) => visited.html))
    // The queries ran both times: a publish shows at once.
    expect(again.map((visited) => visited.operations.length)).toEqual(first.map((visited) => visited.operations.length))
    expect(again[0]!.operations.length).toBeGreaterThan(0)

    await publishNew(services, testArticle('innlandet', 'ny-om-demens', { title: 'Ny artikkel om demens', topics: ['demens'] }))
    const changed = [await visit(home), await visit(listing)]
    expect(changed.map((visited) => visited.renders)).toEqual([1, 1])
    for (const visited of changed) expect(visited.html).toContain('Ny artikkel om demens')
    // Another filter is another page, even with the same cards.
    expect((await visit('/innlandet/artikler?tema=demens&malgruppe=kommune')).renders).toBe(1)
  })
})

import { beforeAll, describe, expect, it } from 'vitest'
import { createSearchApp } from '../../../functions/search-app.ts'
import { createServices, type Services } from '../../../functions/services.ts'
import { createAwsClients } from '../../../functions/shared/aws.ts'
import { createTestEnvironment } from '../../support/environment.ts'
import { publishNew, seedCatalog, testArticle } from '../../support/fixtures.ts'

type Hit = { card: { slug: string; tenant: string }; ownEdition: boolean; path: string; snippet?: Array<{ text: string; match?: true }> }
type Answer = { total: number; items: Hit[]; facets: Record<string, Record<string, number>>; correction: string | null; nextCursor: string | null }

/**
 * The search API on DynamoDB Local, fed only by the publish, withdraw, follow and schedule transactions: one app (one
 * warm index) through the whole file, never reloaded, so each change must reach it through the change log.
 */
describe('search API over published content', () => {
  let services: Services
  let app: ReturnType<typeof createSearchApp>
  let clock = new Date('2026-12-01T08:00:00.000Z')
  const loads: string[] = []
  const at = (iso: string) => (clock = new Date(iso))
  const body = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }] })

  beforeAll(async () => {
    const { config } = await createTestEnvironment('search-api')
    services = createServices(config, createAwsClients(config), { now: () => clock })
    await seedCatalog(services, ['nasjonal', 'akershus', 'innlandet', 'vestfold'], ['demens', 'palliasjon'])
    app = createSearchApp(services, { assets: () => ({}), refreshMs: 0, now: () => clock, onLoad: (event) => loads.push(event.kind) })
  })

  const search = async (query: string) => {
    const response = await app.request(`/api/v1/search?${query}`)
    expect(response.status, await response.clone().text()).toBe(200)
    return (await response.json()) as Answer
  }
  const slugs = async (query: string) => (await search(query)).items.map((hit) => hit.card.slug)

  it('follows publish, unpublish and publish again without a rebuild', async () => {
    expect(await slugs('q=sårbehandling')).toEqual([])
    const item = await publishNew(services, testArticle('nasjonal', 'saar', { title: 'Sårbehandling i hjemmetjenesten', body: body('Trykksår forebygges med god ernæring.') }))
    expect(await slugs('q=sårbehandling')).toEqual(['saar'])
    expect(await slugs('q=ernæring')).toEqual(['saar'])

    const withdrawn = await services.content.withdraw('nasjonal', item.id, item.version)
    expect(await slugs('q=sårbehandling')).toEqual([])
    await services.content.publish('nasjonal', item.id, withdrawn.version)
    expect(await slugs('q=sårbehandling')).toEqual(['saar'])
    expect(loads.filter((kind) => kind === 'full')).toEqual(['full'])
  })

  it('never finds a draft: a new one, unpublished edits of a published item, another region\'s draft', async () => {
    await services.content.create(testArticle('akershus', 'utkast', { title: 'Hemmelig utkast om palliasjon', sharedNationally: true }))
    const live = await publishNew(services, testArticle('innlandet', 'palliasjon', { title: 'Palliasjon i kommunen', sharedNationally: true }))
    await services.content.save('innlandet', live.id, live.version, { ...testArticle('innlandet', 'palliasjon'), id: live.id, title: 'Hemmelig ny tittel', sharedNationally: true })
    for (const edition of ['nasjonal', 'akershus', 'innlandet', 'vestfold']) {
      expect(await slugs(`q=hemmelig&edition=${edition}`), edition).toEqual([])
      expect(await slugs(`q=palliasjon&edition=${edition}`), edition).toEqual(['palliasjon'])
    }
  })

  it('finds a scheduled item only once the scheduler has published it', async () => {
    at('2026-12-01T08:00:00.000Z')
    const draft = await services.content.create(testArticle('vestfold', 'planlagt', { title: 'Velferdsteknologi kommer', sharedNationally: true }))
    await services.content.schedule('vestfold', draft.id, draft.version, { publishAt: '2026-12-01T09:00:00Z' })
    await services.runSchedules()
    expect(await slugs('q=velferdsteknologi')).toEqual([])
    at('2026-12-01T09:00:30.000Z')
    await services.runSchedules()
    expect(await slugs('q=velferdsteknologi')).toEqual(['planlagt'])
  })

  it("finds a shared item in every edition (its own first), an unshared one only in its own, and a followed one as the follower's own", async () => {
    await publishNew(services, testArticle('akershus', 'lokal-demens', { title: 'Demens i Akershus', sharedNationally: false }))
    const shared = await publishNew(services, testArticle('vestfold', 'delt-demens', { title: 'Demens og musikk', sharedNationally: true }))
    expect(await slugs('q=demens&edition=akershus')).toEqual(['lokal-demens', 'delt-demens'])
    expect(await slugs('q=demens&edition=nasjonal')).toEqual(['delt-demens'])
    expect(await slugs('q=demens&edition=innlandet')).toEqual(['delt-demens'])
    expect((await search('q=demens&edition=innlandet')).items[0]!.ownEdition).toBe(false)

    await services.content.follow('innlandet', 'vestfold', shared.id)
    expect((await search('q=demens&edition=innlandet')).items[0]).toMatchObject({ card: { slug: 'delt-demens' }, ownEdition: true, path: '/vestfold/artikler/delt-demens' })
    await services.content.unfollow('innlandet', 'vestfold', shared.id)
    expect((await search('q=demens&edition=innlandet')).items[0]!.ownEdition).toBe(false)
  })

  it('counts facets, filters by them, and pages with a cursor that belongs to its query', async () => {
    for (let n = 0; n < 3; n++) await publishNew(services, testArticle('nasjonal', `ks-${n}`, { title: `KOLS og pust ${n}`, topics: n ? ['palliasjon'] : [], audiences: n === 2 ? ['sykehus'] : ['kommune'] }))
    const all = await search('q=kols&limit=2')
    expect(all.total).toBe(3)
    expect(all.facets.topic).toEqual({ palliasjon: 2 })
    expect(all.facets.audience).toEqual({ kommune: 2, sykehus: 1 })
    const next = await search(`q=kols&limit=2&cursor=${all.nextCursor}`)
    expect(next.items).toHaveLength(1)
    expect(next.nextCursor).toBeNull()
    expect(new Set([...all.items, ...next.items].map((hit) => hit.card.slug)).size).toBe(3)
    expect(await slugs('q=kols&topic=palliasjon&audience=sykehus')).toEqual(['ks-2'])

    const elsewhere = await app.request(`/api/v1/search?q=demens&limit=2&cursor=${all.nextCursor}`)
    expect(elsewhere.status).toBe(400)
    expect(await elsewhere.json()).toMatchObject({ code: 'invalid_cursor' })
  })

  it('answers with the pages\' Cache-Control and an ETag, and 304 when the reader has the same answer', async () => {
    const first = await app.request('/api/v1/search?q=kols')
    expect(first.headers.get('cache-control')).toMatch(/s-maxage=\d+/)
    const etag = first.headers.get('etag')!
    expect((await app.request('/api/v1/search?q=kols', { headers: { 'if-none-match': etag } })).status).toBe(304)
  })

  it.each([
    ['', 'q'],
    ['q=', 'q'],
    ['q=kols&limit=0', 'limit'],
    ['q=kols&limit=51', 'limit'],
    ['q=kols&type=bok', 'type'],
    ['q=kols&audience=alle', 'audience'],
    ['q=kols&edition=NO!', 'edition'],
    [`q=${'a'.repeat(201)}`, 'q'],
    ['q=kols&cursor=bm90LWEtY3Vyc29y', 'cursor'],
  ])('refuses %s with 400 {error, code} naming %s', async (query, field) => {
    const response = await app.request(`/api/v1/search?${query}`)
    expect(response.status).toBe(400)
    const answer = (await response.json()) as { error: string; code: string }
    expect(answer.code).toMatch(field === 'cursor' ? /^invalid_cursor$/ : /^bad_request$/)
    if (field !== 'cursor') expect(answer.error).toContain(field)
  })

  it('answers an unknown edition 404 and an unknown topic 400 unknown_topic', async () => {
    expect((await app.request('/api/v1/search?q=kols&edition=oslo')).status).toBe(404)
    const topic = await app.request('/api/v1/search?q=kols&topic=ukjent')
    expect(topic.status).toBe(400)
    expect(await topic.json()).toMatchObject({ code: 'unknown_topic' })
  })

  it('suggests titles for what is typed so far, linking within the reader\'s edition', async () => {
    const response = await app.request('/api/v1/search/suggestions?q=dem&edition=innlandet')
    expect(response.status).toBe(200)
    const { items } = (await response.json()) as { items: Array<{ title: string; path: string }> }
    expect(items).toEqual([{ title: 'Demens og musikk', type: 'artikler', tenant: 'vestfold', path: '/vestfold/artikler/delt-demens?omrade=innlandet' }])
  })
})

import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { beforeAll, describe, expect, it } from 'vitest'
import { dayOf } from '../../../functions/analytics/days.ts'
import { statPk } from '../../../functions/analytics/keys.ts'
import { defaultShards } from '../../../functions/shared/sharded-counter.ts'
import { createExamsApiApp } from '../../../functions/exams-api.ts'
import { createSiteApp } from '../../../web/site/app.tsx'
import { createTestEnvironment } from '../../support/environment.ts'
import { publishNew, seedCatalog, testArticle } from '../../support/fixtures.ts'

type Env = Awaited<ReturnType<typeof createTestEnvironment>>
const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

describe('page views without cookies (issue 15)', () => {
  let env: Env
  let exams: ReturnType<typeof createExamsApiApp>
  let itemId: string
  const today = () => dayOf(new Date())
  const beacon = (fields: Record<string, string>, headers: Record<string, string> = { 'user-agent': chrome }) =>
    exams.request('/api/v1/views', { method: 'POST', body: new URLSearchParams(fields), headers })
  const article = { edition: 'innlandet', owner: 'akershus', type: 'artikler', slug: 'lest-sak' }
  const viewsOf = async (edition: string) =>
    (await env.services.analytics.read(edition, today(), today())).filter((row) => row.id === itemId).reduce((sum, row) => sum + row.views, 0)

  beforeAll(async () => {
    env = await createTestEnvironment('page-views')
    await seedCatalog(env.services, ['akershus', 'innlandet'])
    itemId = (await publishNew(env.services, testArticle('akershus', 'lest-sak'))).id
    exams = createExamsApiApp(env.services)
  })

  it('renders the item address the beacon sends into item pages, and nothing into listings', async () => {
    const site = createSiteApp(env.services, { assets: () => ({ 'page-view.js': '/assets/page-view-abc.js' }) })
    const page = await (await site.request('/akershus/artikler/lest-sak')).text()
    expect(page).toContain('<meta name="kb-view" content="edition=akershus&amp;owner=akershus&amp;type=artikler&amp;slug=lest-sak"/>')
    expect(page).toContain('<script type="module" src="/assets/page-view-abc.js">')
    const listing = await (await site.request('/akershus/artikler')).text()
    expect(listing).not.toContain('kb-view')
    expect(listing).not.toContain('page-view-abc.js')
  })

  it('counts one beacon as one view of the item, in the edition it was read in, with no-store and no cookie', async () => {
    const response = await beacon(article)
    expect(response.status).toBe(204)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(await viewsOf('innlandet')).toBe(1)
    expect(await viewsOf('akershus')).toBe(0)
    await Promise.all(Array.from({ length: 9 }, () => beacon(article)))
    expect(await viewsOf('innlandet')).toBe(10)
  })

  it('drops bots, prefetches and beacons without a user agent, with the same 204', async () => {
    const before = await viewsOf('innlandet')
    for (const headers of [
      { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
      { 'user-agent': 'curl/8.5.0' },
      { 'user-agent': chrome, 'sec-purpose': 'prefetch' },
      {} as Record<string, string>,
    ])
      expect((await beacon(article, headers)).status).toBe(204)
    expect(await viewsOf('innlandet')).toBe(before)
  })

  it('writes nothing for a made-up item or edition, and refuses what is not an address with 400 {error, code}', async () => {
    for (const fields of [
      { ...article, slug: 'finnes-ikke' },
      { ...article, owner: 'oslo' },
      { ...article, edition: 'oslo' },
      { ...article, type: 'film' },
    ])
      expect((await beacon(fields)).status).toBe(204)
    expect((await env.services.analytics.read('oslo', today(), today())).length).toBe(0)
    for (const fields of [
      { ...article, type: 'side' },
      { ...article, slug: '../../x' },
      { ...article, ip: '10.0.0.1' },
      { edition: 'innlandet' },
    ]) {
      const refused = await beacon(fields as Record<string, string>)
      expect(refused.status).toBe(400)
      expect(await refused.json()).toMatchObject({ error: expect.any(String), code: 'bad_request' })
    }
    const rows = await env.services.analytics.read('innlandet', today(), today())
    expect(rows.map((row) => row.id)).toEqual([itemId])
  })

  it('keeps counts only: no address, agent or time finer than the day in the counter records', async () => {
    const month = today().slice(0, 7)
    const records = (
      await Promise.all(
        Array.from({ length: defaultShards }, (_, shard) =>
          env.services.clients.dynamo.send(new QueryCommand({ TableName: env.config.tables.counters, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': statPk('innlandet', month, shard) } })),
        ),
      )
    ).flatMap((page) => page.Items ?? [])
    expect(records.length).toBeGreaterThan(0)
    for (const record of records) {
      expect(Object.keys(record).sort()).toEqual(['PK', 'SK', 'views'])
      expect(record.SK).toBe(`${today()}#artikler#akershus#${itemId}`)
    }
  })
})

describe('the privacy text on counting (issue 15)', () => {
  it('says what is counted, that no cookie or identifier is used, and how addresses are hashed and never stored', async () => {
    const { services } = await createTestEnvironment('privacy-counting')
    await seedCatalog(services, ['nasjonal'])
    const page = await (await createSiteApp(services, { assets: () => ({}) }).request('/tilgjengelighet')).text()
    const text = page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
    for (const phrase of [
      'Vi teller sidevisninger uten informasjonskapsler',
      'et antall visninger per innhold, redaksjon og dag, ikke IP-adressen din',
      'IAB Podcast Measurement: én nedlasting når minst ett minutt av lyden eller filmen er hentet, én gang per lytter og døgn',
      'et tilfeldig tall («salt») som lages på nytt hver dag',
      'IP-adressen lagres aldri i tellingene',
    ])
      expect(text).toContain(phrase)
  })
})

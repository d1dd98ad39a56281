import { beforeAll, describe, expect, it } from 'vitest'
import type { Services } from '../../../functions/services.ts'
import { createEditorEnvironment } from '../../support/editors.ts'
import { seedCatalog, testArticle } from '../../support/fixtures.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>

/** Every count record of an edition, as stored. */
async function countRecords(services: Services, edition: string) {
  const page = await services.db.query<Record<string, unknown>>({ partitionKey: { name: 'PK', value: `TENANT#${edition}` }, sortKeyPrefix: { name: 'SK', value: 'STATS' }, limit: 100 })
  return page.items
}

describe('topics come from the catalog, and counts stay bounded', () => {
  let env: Env
  const topics = Array.from({ length: 12 }, (_, index) => `tema-${index}`)
  beforeAll(async () => {
    env = await createEditorEnvironment('counts')
    await seedCatalog(env.services, [], topics)
  })

  it('refuses a topic that is not in the catalog with 400 unknown_topic naming it, and stores nothing', async () => {
    const { id, tenant, ...fields } = testArticle('akershus', 'fritt-tema', { topics: ['demens', 'mitt-eget-tema'] })
    const created = await env.call('POST', '/api/editor/tenants/akershus/items', env.tokens.akershus, fields)
    expect(created.status).toBe(400)
    expect(await created.json()).toEqual({
      error: "The topic 'mitt-eget-tema' is not in the catalog. Choose topics from the list (GET /api/v1/topics), or ask an administrator to add it.",
      code: 'unknown_topic',
    })
    const list = (await (await env.call('GET', '/api/editor/tenants/akershus/items', env.tokens.akershus)).json()) as { items: unknown[] }
    expect(list.items).toEqual([])

    // A save may not smuggle one in either.
    const draft = (await (await env.call('POST', '/api/editor/tenants/akershus/items', env.tokens.akershus, { ...fields, topics: ['demens'] })).json()) as { id: string; version: number }
    const saved = await env.call('PUT', `/api/editor/tenants/akershus/items/${draft.id}`, env.tokens.akershus, { version: 1, fields: { ...fields, topics: ['x-1', 'x-2'] } })
    expect(saved.status).toBe(400)
    expect(await saved.json()).toMatchObject({ code: 'unknown_topic', error: expect.stringContaining("'x-1', 'x-2'") })
    expect(await env.services.content.getItem('akershus', draft.id)).toMatchObject({ version: 1, topics: ['demens'] })
  })

  it('accepts a topic an administrator added a moment ago, though the catalog is cached', async () => {
    await env.services.catalog.get()
    // Written straight to the table, as another process would: this process's cached catalog does not know it.
    await env.services.db.put({ PK: 'CATALOG', SK: 'TOPIC#helt-nytt', slug: 'helt-nytt', name: 'Helt nytt', summary: 'Nytt.', intro: { type: 'doc', content: [] } })
    await expect(env.services.content.create(testArticle('akershus', 'nytt-tema', { topics: ['helt-nytt'] }))).resolves.toMatchObject({ topics: ['helt-nytt'] })
  })

  it('removes counts that reach zero, so many publishes with many topics leave bounded records and no zeros', async () => {
    const items = []
    for (let index = 0; index < 12; index++) {
      const created = await env.services.content.create(
        testArticle('vestfold', `mange-tema-${index}`, { sharedNationally: true, topics: topics.slice(index % 4, (index % 4) + 8), audiences: index % 2 ? ['kommune'] : ['sykehus', 'student'] }),
      )
      items.push(await env.services.content.publish('vestfold', created.id, created.version))
    }
    let counts = await env.services.content.counts('nasjonal')
    expect(counts('artikler')).toBe(12)
    expect(counts('artikler', { topic: 'tema-0' })).toBe(3)
    expect(counts('artikler', { audience: 'kommune' })).toBe(6)

    // Republish half of them with other topics, then withdraw everything.
    for (const [index, item] of items.entries()) {
      if (index % 2) continue
      const fields = { ...testArticle('vestfold', item.slug, { sharedNationally: true, topics: ['tema-11'], audiences: ['fastlege'] }), id: item.id }
      const saved = await env.services.content.save('vestfold', item.id, item.version, fields)
      items[index] = await env.services.content.publish('vestfold', item.id, saved.version)
    }
    counts = await env.services.content.counts('nasjonal')
    expect(counts('artikler', { topic: 'tema-11' })).toBe(6)
    expect(counts('artikler', { topic: 'tema-3' })).toBe(6)
    expect(counts('artikler', { audience: 'fastlege' })).toBe(6)
    expect(counts('artikler', { audience: 'sykehus' })).toBe(0)
    for (const record of [...(await countRecords(env.services, 'nasjonal')), ...(await countRecords(env.services, 'vestfold'))]) {
      for (const [name, value] of Object.entries(record)) if (name !== 'PK' && name !== 'SK') expect(value, name).toBeGreaterThan(0)
      // Bounded by the catalog: the total, one per catalog topic, one per audience.
      expect(Object.keys(record).length).toBeLessThanOrEqual(2 + 1 + topics.length + 1 + 4)
    }

    for (const item of items) await env.services.content.withdraw('vestfold', item.id, item.version)
    expect(await countRecords(env.services, 'nasjonal')).toEqual([])
    expect(await countRecords(env.services, 'vestfold')).toEqual([])
    expect((await env.services.content.counts('nasjonal'))('artikler')).toBe(0)
  })

  it('keeps counts exact when publishes into the same edition race', async () => {
    const created = await Promise.all(
      Array.from({ length: 6 }, (_, index) => env.services.content.create(testArticle('innlandet', `samtidig-${index}`, { sharedNationally: true, topics: ['tema-5'] }))),
    )
    const published = await Promise.all(created.map((item) => env.services.content.publish('innlandet', item.id, item.version)))
    expect((await env.services.content.counts('innlandet'))('artikler', { topic: 'tema-5' })).toBe(6)
    await Promise.all(published.map((item) => env.services.content.withdraw('innlandet', item.id, item.version)))
    expect(await countRecords(env.services, 'innlandet')).toEqual([])
  })
})

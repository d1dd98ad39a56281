import { beforeAll, describe, expect, it } from 'vitest'
import { HOME_FEATURED } from '../../../functions/content/featured.ts'
import type { StoredItem } from '../../../functions/content/store.ts'
import { createEditorEnvironment } from '../../support/editors.ts'
import { publishNew, testArticle } from '../../support/fixtures.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>

describe(`an edition features at most ${HOME_FEATURED} items`, () => {
  let env: Env
  const feature = (tenant: 'akershus' | 'innlandet', item: StoredItem, featured = true) =>
    env.call('POST', `/api/editor/tenants/${tenant}/items/${item.id}/featured`, env.tokens[tenant], { version: item.version, featured })
  const featuredCards = async (edition: string) =>
    (await env.services.content.listEdition(edition, { limit: 100 })).items.filter((card) => card.featured).map((card) => card.title).sort()
  beforeAll(async () => {
    env = await createEditorEnvironment('featured-limit')
  })

  it('refuses a fifth with 409 featured_limit naming the featured items, and changes nothing', async () => {
    const items = await Promise.all(Array.from({ length: HOME_FEATURED + 1 }, (_, index) => publishNew(env.services, testArticle('akershus', `anbefalt-${index}`, { title: `Anbefalt ${index}` }))))
    for (const item of items.slice(0, HOME_FEATURED)) expect((await feature('akershus', item)).status).toBe(200)

    const fifth = items[HOME_FEATURED]!
    const refused = await feature('akershus', fifth)
    expect(refused.status).toBe(409)
    const body = (await refused.json()) as { error: string; code: string }
    expect(body.code).toBe('featured_limit')
    expect(body.error).toBe(
      `The home page of akershus already features ${HOME_FEATURED} items (“Anbefalt 0”, “Anbefalt 1”, “Anbefalt 2”, “Anbefalt 3”). Stop featuring one of them first.`,
    )
    expect(await env.services.content.getItem('akershus', fifth.id)).toEqual(fifth)
    expect(await featuredCards('akershus')).toEqual(['Anbefalt 0', 'Anbefalt 1', 'Anbefalt 2', 'Anbefalt 3'])

    // Featuring one already featured again is not a fifth; stopping one makes room.
    const first = (await env.services.content.getItem('akershus', items[0]!.id))!
    const again = await feature('akershus', first)
    expect(again.status).toBe(200)
    expect((await feature('akershus', (await again.json()) as StoredItem, false)).status).toBe(200)
    expect((await feature('akershus', fifth)).status).toBe(200)
    expect(await featuredCards('akershus')).toEqual(['Anbefalt 1', 'Anbefalt 2', 'Anbefalt 3', 'Anbefalt 4'])
  })

  it('holds when two editors feature at the same moment: one gets the last place, the other a 409', async () => {
    const items = await Promise.all(Array.from({ length: HOME_FEATURED + 1 }, (_, index) => publishNew(env.services, testArticle('innlandet', `samtidig-${index}`))))
    for (const item of items.slice(0, HOME_FEATURED - 1)) expect((await feature('innlandet', item)).status).toBe(200)
    const statuses = (await Promise.all(items.slice(HOME_FEATURED - 1).map((item) => feature('innlandet', item)))).map((response) => response.status).sort()
    expect(statuses).toEqual([200, 409])
    expect(await featuredCards('innlandet')).toHaveLength(HOME_FEATURED)
  })

  it('features only what readers can see, and an item withdrawn stops taking a place', async () => {
    const draft = await env.services.content.create(testArticle('akershus', 'ikke-publisert'))
    const refused = await feature('akershus', draft)
    expect(refused.status).toBe(409)
    expect(await refused.json()).toEqual({ error: 'Only a published item can be featured. Publish it first.', code: 'conflict' })

    const featured = (await env.services.content.getItem('akershus', (await env.services.content.listEdition('akershus', { limit: 100 })).items.find((card) => card.featured)!.id))!
    await env.services.content.withdraw('akershus', featured.id, featured.version)
    const newcomer = await publishNew(env.services, testArticle('akershus', 'ny-plass'))
    expect((await feature('akershus', newcomer)).status).toBe(200)
  })
})

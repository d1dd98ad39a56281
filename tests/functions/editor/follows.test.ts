import { beforeAll, describe, expect, it } from 'vitest'
import type { StoredItem } from '../../../functions/content/store.ts'
import { createEditorEnvironment } from '../../support/editors.ts'
import { publishNew, testArticle } from '../../support/fixtures.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>

describe('following another region’s shared item', () => {
  let env: Env
  let shared: StoredItem
  let local: StoredItem
  const slugsIn = async (edition: string) => (await env.services.content.listEdition(edition, { type: 'artikler', limit: 100 })).items.map((card) => card.slug)
  beforeAll(async () => {
    env = await createEditorEnvironment('follows')
    shared = await publishNew(env.services, testArticle('akershus', 'delt-fra-ahus', { sharedNationally: true, topics: ['demens'] }))
    local = await publishNew(env.services, testArticle('akershus', 'bare-ahus'))
  })

  it('lists what other regions share, and shows it in the follower’s edition once followed, without copying it', async () => {
    const list = (await (await env.call('GET', '/api/editor/tenants/innlandet/shared?type=artikler', env.tokens.innlandet)).json()) as { items: Array<{ slug: string; followed: boolean }> }
    expect(list.items).toEqual([expect.objectContaining({ slug: 'delt-fra-ahus', followed: false })])

    const response = await env.call('POST', `/api/editor/tenants/innlandet/follows/akershus/${shared.id}`, env.tokens.innlandet)
    expect(response.status).toBe(204)
    expect(await slugsIn('innlandet')).toEqual(['delt-fra-ahus'])
    expect((await env.services.content.counts('innlandet'))('artikler', { topic: 'demens' })).toBe(1)
    const topic = await env.services.content.topicCards('innlandet', 'demens', { limit: 10 })
    expect(topic.items.map((card) => card.tenant)).toEqual(['akershus'])
    const again = (await (await env.call('GET', '/api/editor/tenants/innlandet/shared?type=artikler', env.tokens.innlandet)).json()) as { items: Array<{ followed: boolean }> }
    expect(again.items[0]!.followed).toBe(true)
  })

  it('keeps following through the owner’s next publish, and drops it everywhere when the owner unpublishes', async () => {
    const current = (await env.services.content.getItem('akershus', shared.id))!
    const republished = await env.services.content.publish('akershus', shared.id, current.version)
    expect(await slugsIn('innlandet')).toEqual(['delt-fra-ahus'])
    await env.services.content.withdraw('akershus', shared.id, republished.version)
    expect(await slugsIn('innlandet')).toEqual([])
    expect((await env.services.content.counts('innlandet'))('artikler')).toBe(0)
  })

  it('unfollows', async () => {
    const item = await publishNew(env.services, testArticle('vestfold', 'folg-og-slutt', { sharedNationally: true }))
    await env.call('POST', `/api/editor/tenants/ostfold/follows/vestfold/${item.id}`, env.tokens.admin)
    expect(await slugsIn('ostfold')).toEqual(['folg-og-slutt'])
    expect((await env.call('DELETE', `/api/editor/tenants/ostfold/follows/vestfold/${item.id}`, env.tokens.admin)).status).toBe(204)
    expect(await slugsIn('ostfold')).toEqual([])
    expect((await env.services.content.counts('ostfold'))('artikler')).toBe(0)
  })

  it('refuses to follow what is not shared, and another region’s editor cannot follow on your behalf', async () => {
    const notShared = await env.call('POST', `/api/editor/tenants/innlandet/follows/akershus/${local.id}`, env.tokens.innlandet)
    expect(notShared.status).toBe(409)
    expect(await notShared.json()).toEqual({ error: 'Only published items shared nationally can be followed.', code: 'conflict' })
    const item = await publishNew(env.services, testArticle('akershus', 'enda-en-delt', { sharedNationally: true }))
    const forOthers = await env.call('POST', `/api/editor/tenants/vestfold/follows/akershus/${item.id}`, env.tokens.innlandet)
    expect(forOthers.status).toBe(403)
    expect(await slugsIn('vestfold')).not.toContain('enda-en-delt')
  })

  it('touches nothing of the owner’s: the owner saves over the version they opened after another region follows and unfollows', async () => {
    const { id, tenant, ...fields } = testArticle('akershus', 'eierens-apne-kopi', { sharedNationally: true, topics: ['demens'] })
    const item = await publishNew(env.services, { ...fields, id, tenant })
    // The owner opens the item (version v) and keeps it open while another region follows and unfollows.
    const opened = (await (await env.call('GET', `/api/editor/tenants/akershus/items/${item.id}`, env.tokens.akershus)).json()) as StoredItem
    expect((await env.call('POST', `/api/editor/tenants/innlandet/follows/akershus/${item.id}`, env.tokens.innlandet)).status).toBe(204)
    expect((await env.call('DELETE', `/api/editor/tenants/innlandet/follows/akershus/${item.id}`, env.tokens.innlandet)).status).toBe(204)
    expect((await env.call('POST', `/api/editor/tenants/innlandet/follows/akershus/${item.id}`, env.tokens.innlandet)).status).toBe(204)
    expect(await env.services.content.getItem('akershus', item.id)).toEqual(opened)

    const saved = await env.call('PUT', `/api/editor/tenants/akershus/items/${item.id}`, env.tokens.akershus, { version: opened.version, fields: { ...fields, title: 'Ny tittel fra eieren' } })
    expect(saved.status).toBe(200)
    const savedItem = (await saved.json()) as StoredItem

    // Readers of the follower edition keep the card through the owner's next publish, with the new title…
    const published = await env.services.content.publish('akershus', item.id, savedItem.version)
    const cards = (await env.services.content.listEdition('innlandet', { type: 'artikler', limit: 100 })).items
    expect(cards.find((card) => card.id === item.id)).toMatchObject({ title: 'Ny tittel fra eieren' })
    expect((await env.services.content.topicCards('innlandet', 'demens', { limit: 100 })).items.map((card) => card.id)).toContain(item.id)
    // …and lose it when the owner withdraws, with the counts.
    await env.services.content.withdraw('akershus', item.id, published.version)
    expect(await slugsIn('innlandet')).not.toContain('eierens-apne-kopi')
    expect((await env.services.content.topicCards('innlandet', 'demens', { limit: 100 })).items.map((card) => card.id)).not.toContain(item.id)
  })
})

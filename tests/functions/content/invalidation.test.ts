import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { changedPaths } from '../../../functions/content/invalidation.ts'
import type { StoredItem } from '../../../functions/content/store.ts'
import { createEditorEnvironment } from '../../support/editors.ts'
import { publishNew, testArticle } from '../../support/fixtures.ts'
import { watchOutbox } from '../../support/outbox.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>

const national = ['/', '/arrangementer*', '/artikler*', '/atom.xml*', '/e-kurs*', '/fagtema*', '/feed.xml', '/film*', '/nasjonal*', '/podkast*', '/sitemap.xml']

describe('CDN invalidation covers exactly what a change changed', () => {
  let env: Env
  let outbox: Awaited<ReturnType<typeof watchOutbox>>
  beforeAll(async () => {
    env = await createEditorEnvironment('invalidation')
    outbox = await watchOutbox(env.config)
  })
  afterAll(() => outbox?.stop())

  it('builds paths from the state before and after: both addresses, every edition on either side', () => {
    expect(
      changedPaths({ tenant: 'akershus', path: { type: 'artikler', slug: 'gammel' }, editions: ['akershus', 'nasjonal'] }, { tenant: 'akershus', path: { type: 'artikler', slug: 'ny' }, editions: ['akershus'] }, 'nasjonal'),
    ).toEqual(['/akershus*', '/akershus/artikler/gammel*', '/akershus/artikler/ny*', ...national].sort())
  })

  it('publish: the item and the editions listing it; republished at a new slug, the old address too', async () => {
    const draft = await env.services.content.create(testArticle('vestfold', 'forste-adresse', { sharedNationally: true }))
    const first = await env.services.content.changes.publish('vestfold', draft.id, draft.version)
    expect(first.paths).toEqual(['/vestfold*', '/vestfold/artikler/forste-adresse*', ...national].sort())

    const { id, tenant, ...fields } = testArticle('vestfold', 'andre-adresse', { sharedNationally: false })
    const moved = await env.services.content.save('vestfold', draft.id, first.item.version, { ...fields, id: draft.id, tenant })
    const second = await env.services.content.changes.publish('vestfold', draft.id, moved.version)
    // No longer shared: the national pages must drop the card, and the old address now answers 404.
    expect(second.paths).toEqual(['/vestfold*', '/vestfold/artikler/andre-adresse*', '/vestfold/artikler/forste-adresse*', ...national].sort())
  })

  it('unpublish clears every edition the item was listed in, national and followers included', async () => {
    const item = await publishNew(env.services, testArticle('akershus', 'trekkes-overalt', { sharedNationally: true }))
    await env.call('POST', `/api/editor/tenants/innlandet/follows/akershus/${item.id}`, env.tokens.innlandet)
    const withdrawn = await env.services.content.changes.withdraw('akershus', item.id, item.version)
    expect(withdrawn.paths).toEqual(['/akershus*', '/akershus/artikler/trekkes-overalt*', '/innlandet*', ...national].sort())
    // What the old code lost: the national listing no longer shows a card leading to a 410.
    const cards = await env.services.content.listEdition('nasjonal', { type: 'artikler', limit: 100 })
    expect(cards.items.map((card) => card.id)).not.toContain(item.id)
  })

  it('follow and unfollow: only the follower edition’s pages', async () => {
    const item = await publishNew(env.services, testArticle('akershus', 'folges-av-ostfold', { sharedNationally: true }))
    const followed = await env.services.content.changes.follow('ostfold', 'akershus', item.id)
    expect(followed.paths).toEqual(['/ostfold*'])
    expect((await env.services.content.changes.follow('ostfold', 'akershus', item.id)).paths).toEqual([])
    expect((await env.services.content.changes.unfollow('ostfold', 'akershus', item.id)).paths).toEqual(['/ostfold*'])
  })

  it('featuring: the edition’s pages, through the API', async () => {
    const item = await publishNew(env.services, testArticle('innlandet', 'fremheves'))
    await outbox.take()
    const response = await env.call('POST', `/api/editor/tenants/innlandet/items/${item.id}/featured`, env.tokens.innlandet, { version: item.version, featured: true })
    expect(((await response.json()) as StoredItem).featuredIn).toHaveProperty('innlandet')
    expect((await outbox.take()).map((request) => request.paths)).toEqual([['/innlandet*']])
  })
})

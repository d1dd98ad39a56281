import { beforeAll, describe, expect, it } from 'vitest'
import { editableFields } from '../../../functions/content/editing.ts'
import { createEditorEnvironment } from '../../support/editors.ts'
import { publishNew, testArticle, testTopic } from '../../support/fixtures.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>

/**
 * A publish writes an entry per edition and per topic in one transaction, and DynamoDB takes at most 100 writes
 * in one. An editor who swaps every topic of an item shown in every edition reaches that: the answer is a 4xx
 * that says what to do, never a 500, and nothing changes.
 */
describe('a change larger than one transaction', () => {
  let env: Env
  const oldTopics = Array.from({ length: 10 }, (_, index) => `gammelt-${index}`)
  const newTopics = Array.from({ length: 10 }, (_, index) => `nytt-${index}`)
  beforeAll(async () => {
    env = await createEditorEnvironment('transaction-limit')
    for (const slug of [...oldTopics, ...newTopics]) await env.services.catalog.putTopic(testTopic(slug))
  })

  it('is refused with 400 too_many_changes, and readers keep what was published', async () => {
    const item = await publishNew(env.services, testArticle('akershus', 'overalt', { sharedNationally: true, topics: oldTopics }))
    for (const edition of ['innlandet', 'vestfold', 'ostfold'])
      expect((await env.call('POST', `/api/editor/tenants/${edition}/follows/akershus/${item.id}`, env.tokens.admin)).status).toBe(204)
    const current = (await env.services.content.getItem('akershus', item.id))!
    const saved = await env.services.content.save('akershus', item.id, current.version, { ...editableFields(current), topics: newTopics })

    const response = await env.call('POST', `/api/editor/tenants/akershus/items/${item.id}/publish`, env.tokens.akershus, { version: saved.version })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ code: 'too_many_changes', error: expect.stringMatching(/remove some topics/) })

    expect(await env.services.content.getItem('akershus', item.id)).toMatchObject({ version: saved.version, status: 'published' })
    for (const edition of ['nasjonal', 'innlandet', 'ostfold']) {
      const cards = await env.services.content.topicCards(edition, 'gammelt-3', { limit: 10 })
      expect(cards.items.map((card) => card.slug), edition).toEqual(['overalt'])
      expect((await env.services.content.topicCards(edition, 'nytt-3', { limit: 10 })).items, edition).toEqual([])
    }
  })
})

import { beforeAll, describe, expect, it } from 'vitest'
import { editableFields } from '../../../functions/content/editing.ts'
import { adminApi } from '../../../web/editor/api/admin.ts'
import { ApiError, createApiClient } from '../../../web/editor/api/client.ts'
import { createEditorEnvironment } from '../../support/editors.ts'
import { publishNew, testArticle } from '../../support/fixtures.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>
const topic = (name: string) => ({ name, summary: `Om ${name.toLowerCase()}.`, intro: { type: 'doc' as const, content: [] } })

/** Merging topic A into B (issue 17): through the content store's own save, step by step, then A retires to B. */
describe('merging topic areas', () => {
  let env: Env
  let admin: ReturnType<typeof adminApi>
  beforeAll(async () => {
    env = await createEditorEnvironment('admin-topic-merge')
    admin = adminApi(createApiClient({ token: () => env.tokens.admin, onUnauthorized: () => {}, fetch: async (request) => env.apis.request(request) }))
    await admin.createTopic({ slug: 'eldre', ...topic('Eldre') })
  })

  it("moves every edition's items from A to B, drafts and published, then retires A with its pages redirecting to B", async () => {
    const draft = await env.services.content.create(testArticle('akershus', 'utkast-eldre', { topics: ['eldre'] }))
    const both = await env.services.content.create(testArticle('innlandet', 'begge', { topics: ['eldre', 'demens'] }))
    const published = await publishNew(env.services, testArticle('vestfold', 'publisert-eldre', { topics: ['eldre', 'palliasjon'] }))
    const untouched = await env.services.content.create(testArticle('akershus', 'annet', { topics: ['palliasjon'] }))
    const live = await publishNew(env.services, testArticle('innlandet', 'endret-eldre', { topics: ['eldre'] }))
    const pending = await env.services.content.save(live.tenant, live.id, live.version, { ...editableFields(live), title: 'Endret, ikke publisert' })

    let step = await admin.mergeTopic('eldre', 'demens')
    let steps = 1
    let waiting = step.waiting
    while (!step.done) {
      step = await admin.mergeTopic('eldre', 'demens', step.cursor ?? undefined)
      waiting += step.waiting
      steps++
    }
    expect(steps).toBeGreaterThan(1)

    const topicsOf = async (item: { tenant: string; id: string }) => (await env.services.content.getItem(item.tenant, item.id))?.topics
    expect(await topicsOf(draft)).toEqual(['demens'])
    expect(await topicsOf(both)).toEqual(['demens'])
    expect(await topicsOf(published)).toEqual(['demens', 'palliasjon'])
    expect((await env.services.content.getItem(published.tenant, published.id))?.status).toBe('published')
    // Readers saw exactly its working copy, so it is published again: its page and the topic listings follow.
    expect((await env.services.content.getPublished('vestfold', 'artikler', 'publisert-eldre'))?.topics).toEqual(['demens', 'palliasjon'])
    // One with unpublished changes is only saved: publishing it would publish its editor's unfinished work.
    expect((await env.services.content.getPublished('innlandet', 'artikler', 'endret-eldre'))?.topics).toEqual(['eldre'])
    expect(await topicsOf(pending)).toEqual(['demens'])
    expect(waiting).toBe(1)
    const unchanged = await env.services.content.getItem(untouched.tenant, untouched.id)
    expect(unchanged).toMatchObject({ version: untouched.version, topics: ['palliasjon'] })

    const topics = (await admin.topics()).items
    expect(topics.find((candidate) => candidate.slug === 'eldre')?.retired?.redirectTo).toBe('demens')
    const again = await admin.mergeTopic('eldre', 'demens').catch((error: unknown) => error)
    expect(again).toBeInstanceOf(ApiError)
    expect(again).toMatchObject({ status: 409, code: 'topic_retired' })
  })

  it.each([
    ['into itself', 'palliasjon', { into: 'palliasjon' }, 400, 'unknown_topic'],
    ['into a topic that does not exist', 'palliasjon', { into: 'atlantis' }, 400, 'unknown_topic'],
    ['with a cursor it did not hand out', 'palliasjon', { into: 'demens', cursor: 'eyJ0ZW5hbnQiOiJhdGxhbnRpcyJ9' }, 400, 'invalid_cursor'],
    ['a topic that does not exist', 'atlantis', { into: 'demens' }, 404, 'not_found'],
    ['without a target', 'palliasjon', {}, 400, 'bad_request'],
  ])('refuses a merge %s', async (_name, slug, body, status, code) => {
    const response = await env.call('POST', `/api/editor/admin/topics/${slug}/merge`, env.tokens.admin, body)
    expect(response.status).toBe(status)
    expect(await response.json()).toMatchObject({ code })
  })

  it('keeps regional editors from merging (403), changing nothing', async () => {
    const response = await env.call('POST', '/api/editor/admin/topics/palliasjon/merge', env.tokens.akershus, { into: 'demens' })
    expect(response.status).toBe(403)
    env.services.catalog.invalidate()
    expect((await env.services.catalog.get()).topic('palliasjon')).toBeDefined()
  })
})

import { beforeAll, describe, expect, it } from 'vitest'
import { adminApi } from '../../../web/editor/api/admin.ts'
import { createApiClient } from '../../../web/editor/api/client.ts'
import { createSiteApp } from '../../../web/site/app.tsx'
import { createEditorEnvironment } from '../../support/editors.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>

const topic = (name: string) => ({ name, summary: `Om ${name.toLowerCase()}.`, intro: { type: 'doc' as const, content: [] } })

/** Topic areas in the admin API (issue 17): create, rename (the slug stays), retire with a redirect for its pages. */
describe('topic areas in the admin API', () => {
  let env: Env
  let site: ReturnType<typeof createSiteApp>
  beforeAll(async () => {
    env = await createEditorEnvironment('admin-topics')
    site = createSiteApp(env.services, { assets: () => ({}) })
  })
  const topics = async () => ((await (await env.call('GET', '/api/editor/admin/topics', env.tokens.admin)).json()) as { items: Array<{ slug: string; name: string; retired?: { redirectTo?: string } }> }).items

  it('creates a topic once; the same slug again is 409 topic_exists', async () => {
    expect((await env.call('POST', '/api/editor/admin/topics', env.tokens.admin, { slug: 'rus', ...topic('Rus') })).status).toBe(201)
    const again = await env.call('POST', '/api/editor/admin/topics', env.tokens.admin, { slug: 'rus', ...topic('Noe annet') })
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ code: 'topic_exists' })
    expect(await topics()).toContainEqual(expect.objectContaining({ slug: 'rus', name: 'Rus' }))
  })

  it('renames a topic through the typed client; its slug and page address stay', async () => {
    const admin = adminApi(createApiClient({ token: () => env.tokens.admin, onUnauthorized: () => {}, fetch: async (request) => env.apis.request(request) }))
    expect(await admin.saveTopic('rus', topic('Rus og avhengighet'))).toMatchObject({ slug: 'rus', name: 'Rus og avhengighet' })
    env.services.catalog.invalidate()
    expect((await env.services.catalog.get()).topic('rus')?.name).toBe('Rus og avhengighet')
  })

  it('retires a topic: gone from the public list, its pages answer 301 to the replacement in every edition', async () => {
    await env.call('POST', '/api/editor/admin/topics', env.tokens.admin, { slug: 'gammel', ...topic('Gammel') })
    const retired = await env.call('POST', '/api/editor/admin/topics/gammel/retire', env.tokens.admin, { redirectTo: 'demens' })
    expect(retired.status).toBe(200)
    env.services.catalog.invalidate()
    const publicList = (await (await env.apis.request(new Request('http://localhost/api/v1/topics'))).json()) as { items: Array<{ slug: string }> }
    expect(publicList.items.map((item) => item.slug)).not.toContain('gammel')
    expect(await topics()).toContainEqual(expect.objectContaining({ slug: 'gammel', retired: expect.objectContaining({ redirectTo: 'demens' }) }))

    const national = await site.request('/fagtema/gammel')
    expect(national.status).toBe(301)
    expect(national.headers.get('location')).toBe('/fagtema/demens')
    const regional = await site.request('/akershus/fagtema/gammel?side=2')
    expect(regional.status).toBe(301)
    expect(regional.headers.get('location')).toBe('/akershus/fagtema/demens?side=2')

    const twice = await env.call('POST', '/api/editor/admin/topics/gammel/retire', env.tokens.admin, {})
    expect(twice.status).toBe(409)
    expect(await twice.json()).toMatchObject({ code: 'topic_retired' })
  })

  it('sends a retired topic without a replacement to the topic index; a rename keeps it retired', async () => {
    await env.call('POST', '/api/editor/admin/topics', env.tokens.admin, { slug: 'utgatt', ...topic('Utgått') })
    expect((await env.call('POST', '/api/editor/admin/topics/utgatt/retire', env.tokens.admin, {})).status).toBe(200)
    expect((await env.call('PUT', '/api/editor/admin/topics/utgatt', env.tokens.admin, topic('Utgått tema'))).status).toBe(200)
    env.services.catalog.invalidate()
    const page = await site.request('/vestfold/fagtema/utgatt')
    expect(page.status).toBe(301)
    expect(page.headers.get('location')).toBe('/vestfold/fagtema')
  })

  it.each([
    ['a replacement that does not exist', '/api/editor/admin/topics/palliasjon/retire', { redirectTo: 'atlantis' }, 400, 'unknown_topic'],
    ['itself as its replacement', '/api/editor/admin/topics/palliasjon/retire', { redirectTo: 'palliasjon' }, 400, 'unknown_topic'],
    ['a retired replacement', '/api/editor/admin/topics/palliasjon/retire', { redirectTo: 'gammel' }, 400, 'unknown_topic'],
    ['a replacement that is not a slug', '/api/editor/admin/topics/palliasjon/retire', { redirectTo: 'Ikke Slug' }, 400, 'bad_request'],
    ['a topic that does not exist', '/api/editor/admin/topics/atlantis/retire', {}, 404, 'not_found'],
    ['a new topic without a name', '/api/editor/admin/topics', { slug: 'tom', ...topic('') }, 400, 'bad_request'],
  ])('refuses %s', async (_name, path, body, status, code) => {
    const response = await env.call('POST', path, env.tokens.admin, body)
    expect(response.status).toBe(status)
    expect(await response.json()).toMatchObject({ code })
  })

  it.each([
    ['GET', '/api/editor/admin/topics'],
    ['POST', '/api/editor/admin/topics'],
    ['POST', '/api/editor/admin/topics/demens/retire'],
  ])('keeps %s %s from regional editors (403)', async (method, path) => {
    const response = await env.call(method, path, env.tokens.akershus, method === 'GET' ? undefined : { slug: 'x', ...topic('X') })
    expect(response.status).toBe(403)
    env.services.catalog.invalidate()
    expect((await env.services.catalog.get()).topic('demens')).toBeDefined()
  })
})

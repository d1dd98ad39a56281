import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSiteApp } from '../../../web/site/app.tsx'
import { createEditorEnvironment } from '../../support/editors.ts'
import { publishNew, testArticle } from '../../support/fixtures.ts'
import { watchOutbox } from '../../support/outbox.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>

const oslo = { id: 'oslo', name: 'Kompetansebroen Oslo', regionName: 'Oslo', description: 'Redaksjonen i Oslo.', colour: '#5a2d82', organisations: ['Oslo kommune'], contactEmail: 'post@oslo.example.no', national: false }
const sharedTitle = 'Oslosaken om demens'

/**
 * An edition's go-live (issue 17): a new region is prepared hidden; readers meet it nowhere (404 on its pages, absent
 * from the picker, the national edition, sitemaps, feeds, search and the public API) until an admin shows it.
 */
describe('a hidden edition', () => {
  let env: Env
  let site: ReturnType<typeof createSiteApp>
  let outbox: Awaited<ReturnType<typeof watchOutbox>>
  const visibility = (token: string, visible: boolean, id = 'oslo') => env.call('PUT', `/api/editor/admin/tenants/${id}/visibility`, token, { visible })
  const page = (path: string) => site.request(path)
  const api = async (path: string) => env.apis.request(new Request(`http://localhost${path}`))

  beforeAll(async () => {
    env = await createEditorEnvironment('editions-visibility')
    site = createSiteApp(env.services, { assets: () => ({}) })
    outbox = await watchOutbox(env.config)
  })
  afterAll(async () => {
    await outbox?.stop()
  })

  it('is what a new edition is unless the admin chooses otherwise', async () => {
    const created = await env.call('POST', '/api/editor/admin/tenants', env.tokens.admin, oslo)
    expect(created.status).toBe(201)
    expect(await created.json()).toMatchObject({ id: 'oslo', hidden: true })
    const live = await env.call('POST', '/api/editor/admin/tenants', env.tokens.admin, { ...oslo, id: 'agder', regionName: 'Agder', hidden: false })
    expect(await live.json()).not.toHaveProperty('hidden')
    const listed = (await (await env.call('GET', '/api/editor/admin/tenants', env.tokens.admin)).json()) as { items: Array<{ id: string; hidden?: boolean }> }
    expect(listed.items.find((edition) => edition.id === 'oslo')).toMatchObject({ hidden: true })
  })

  it('is still the workspace of its editors: listed in /me, its items edited and published', async () => {
    const me = (await (await env.call('GET', '/api/editor/me', env.tokens.admin)).json()) as { tenants: Array<{ id: string }> }
    expect(me.tenants.map((tenant) => tenant.id)).toContain('oslo')
    expect((await env.call('GET', '/api/editor/tenants/oslo/items', env.tokens.admin)).status).toBe(200)
    await publishNew(env.services, testArticle('oslo', 'oslosaken', { title: sharedTitle, sharedNationally: true }))
    const saved = await env.call('PUT', '/api/editor/admin/tenants/oslo', env.tokens.admin, { ...oslo, id: undefined, description: 'Snart klar.' })
    expect(await saved.json()).toMatchObject({ description: 'Snart klar.', hidden: true })
  })

  it('answers 404 on its pages, feeds and API, and is absent from the picker, sitemap, national edition and search', async () => {
    for (const path of ['/oslo', '/oslo/artikler', '/oslo/artikler/oslosaken', '/oslo/sitemap.xml', '/oslo/feed.xml', '/oslo/atom.xml']) expect((await page(path)).status, path).toBe(404)
    const home = await (await page('/akershus')).text()
    expect(home).toContain('value="agder"')
    expect(home).not.toContain('value="oslo"')
    expect(await (await page('/sitemap.xml')).text()).not.toContain('/oslo/')
    expect(await (await page('/')).text()).not.toContain(sharedTitle)
    expect(await (await page('/feed.xml')).text()).not.toContain(sharedTitle)
    const editions = (await (await api('/api/v1/editions')).json()) as { items: Array<{ id: string }> }
    expect(editions.items.map((edition) => edition.id)).not.toContain('oslo')
    expect((await api('/api/v1/editions/oslo/items')).status).toBe(404)
    expect((await api('/api/v1/items/oslo/artikler/oslosaken')).status).toBe(404)
    expect(JSON.stringify(await (await api('/api/v1/editions/nasjonal/items')).json())).not.toContain(sharedTitle)
    expect(JSON.stringify(await (await api('/api/v1/search?q=oslosaken')).json())).not.toContain(sharedTitle)
    expect((await api('/api/v1/search?q=oslosaken&edition=oslo')).status).toBe(404)
  })

  it('changes visibility for admins only (403 for a regional editor); the national edition cannot be hidden', async () => {
    const refused = await visibility(env.tokens.akershus, true)
    expect(refused.status).toBe(403)
    expect(await refused.json()).toMatchObject({ code: 'forbidden' })
    expect((await page('/oslo')).status).toBe(404)
    const national = await visibility(env.tokens.admin, false, 'nasjonal')
    expect(national.status).toBe(400)
    expect(await national.json()).toMatchObject({ code: 'national_edition' })
    expect((await visibility(env.tokens.admin, true, 'bergen')).status).toBe(404)
  })

  it('shows it once it goes live, and the CDN forgets every page that lists editions', async () => {
    await outbox.take()
    const shown = await visibility(env.tokens.admin, true)
    expect(shown.status).toBe(200)
    expect(await shown.json()).not.toHaveProperty('hidden')
    expect((await outbox.take()).map((request) => request.paths)).toEqual([['/*']])
    expect((await page('/oslo')).status).toBe(200)
    expect((await page('/oslo/artikler/oslosaken')).status).toBe(200)
    expect(await (await page('/akershus')).text()).toContain('value="oslo"')
    expect(await (await page('/sitemap.xml')).text()).toContain('/oslo/sitemap.xml')
    expect(await (await page('/')).text()).toContain(sharedTitle)
    const editions = (await (await api('/api/v1/editions')).json()) as { items: Array<{ id: string }> }
    expect(editions.items.map((edition) => edition.id)).toContain('oslo')
    expect(JSON.stringify(await (await api('/api/v1/search?q=oslosaken')).json())).toContain(sharedTitle)
  })

  it('hides it again, and a save of its fields keeps whichever state it is in (and empties the CDN too)', async () => {
    expect(await (await visibility(env.tokens.admin, false)).json()).toMatchObject({ hidden: true })
    expect((await outbox.take()).map((request) => request.paths)).toEqual([['/*']])
    expect((await page('/oslo')).status).toBe(404)
    const saved = await env.call('PUT', '/api/editor/admin/tenants/agder', env.tokens.admin, { ...oslo, id: undefined, regionName: 'Agder', description: 'Ny tekst.' })
    expect(await saved.json()).not.toHaveProperty('hidden')
    // A live edition's new name or colour is in every page's header too.
    expect((await outbox.take()).map((request) => request.paths)).toEqual([['/*']])
  })
})

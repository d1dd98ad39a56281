import { beforeAll, describe, expect, it } from 'vitest'
import { createEditorEnvironment } from '../../support/editors.ts'
import { testArticle } from '../../support/fixtures.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>
type Revision = { revision: number; savedBy?: string; savedByName?: string }

/** History and the conflict view name who saved (issue 17): the name on record since their sign-in, not the e-mail. */
describe('who saved, by name', () => {
  let env: Env
  const base = '/api/editor/tenants/akershus'
  const fieldsOf = ({ id, tenant, ...rest }: ReturnType<typeof testArticle>) => rest
  beforeAll(async () => {
    env = await createEditorEnvironment('content-saver-names')
    // The workspace's /me at sign-in keeps each name (access tokens carry none).
    for (const token of [env.tokens.akershus, env.tokens.admin]) expect((await env.call('GET', '/api/editor/me', token)).status).toBe(200)
  })

  it('names the saver of every version in the history, the e-mail left alone for one with no name on record', async () => {
    const article = testArticle('akershus', 'navn-i-historikken')
    const created = await env.call('POST', `${base}/items`, env.tokens.akershus, fieldsOf(article))
    const { id } = (await created.json()) as { id: string }
    expect((await env.call('PUT', `${base}/items/${id}`, env.tokens.admin, { version: 1, fields: { ...fieldsOf(article), title: 'Ny tittel' } })).status).toBe(200)
    // A save by someone who has not signed in since names were kept.
    const stored = (await env.services.content.getItem('akershus', id))!
    await env.services.content.save('akershus', id, 2, { ...stored, title: 'Tredje' }, 'ukjent@example.no')

    const history = (await (await env.call('GET', `${base}/items/${id}/revisions`, env.tokens.akershus)).json()) as { items: Revision[] }
    expect(history.items.map(({ revision, savedBy, savedByName }) => ({ revision, savedBy, savedByName }))).toEqual([
      { revision: 3, savedBy: 'ukjent@example.no', savedByName: undefined },
      { revision: 2, savedBy: 'admin@example.no', savedByName: 'Sekretariatet (admin)' },
      { revision: 1, savedBy: 'akershus@example.no', savedByName: 'Kari Nordmann' },
    ])
  })

  it("puts the saver's name on the stored version a stale save answers with (409)", async () => {
    const article = testArticle('akershus', 'navn-i-konflikten')
    const { id } = (await (await env.call('POST', `${base}/items`, env.tokens.akershus, fieldsOf(article))).json()) as { id: string }
    expect((await env.call('PUT', `${base}/items/${id}`, env.tokens.admin, { version: 1, fields: { ...fieldsOf(article), title: 'Adminens' } })).status).toBe(200)
    const stale = await env.call('PUT', `${base}/items/${id}`, env.tokens.akershus, { version: 1, fields: { ...fieldsOf(article), title: 'Karis' } })
    expect(stale.status).toBe(409)
    expect(await stale.json()).toMatchObject({ code: 'stale_version', current: { version: 2, savedBy: 'admin@example.no', savedByName: 'Sekretariatet (admin)' } })
    // The same on the other writes that answer a conflict.
    const publish = await env.call('POST', `${base}/items/${id}/publish`, env.tokens.akershus, { version: 1 })
    expect(await publish.json()).toMatchObject({ code: 'stale_version', current: { savedByName: 'Sekretariatet (admin)' } })
  })

  it('keeps another edition out: 403 for its editors, 404 through their own edition', async () => {
    const item = await env.services.content.create(testArticle('akershus', 'navn-lukket'), 'akershus@example.no')
    const innlandet = env.tokens.innlandet
    const other = await env.call('GET', `${base}/items/${item.id}/revisions`, innlandet)
    expect(other.status).toBe(403)
    expect(await other.text()).not.toContain('Kari Nordmann')
    const own = await env.call('GET', `/api/editor/tenants/innlandet/items/${item.id}/revisions`, innlandet)
    expect(own.status).toBe(404)
    expect(await own.text()).not.toContain('Kari Nordmann')
  })
})

import { beforeAll, describe, expect, it } from 'vitest'
import { ttlAttribute } from '../../../functions/content/keys.ts'
import * as keys from '../../../functions/content/keys.ts'
import { createEditorEnvironment } from '../../support/editors.ts'
import { testArticle } from '../../support/fixtures.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>
type Autosave = { baseVersion: number; fields: Record<string, unknown>; savedAt: string }

const DAY = 24 * 3600

describe('server autosave: the editor’s own unsaved form', () => {
  let env: Env
  const base = '/api/editor/tenants/akershus'
  const as = (method: string, path: string, token: string, body?: unknown) => env.call(method, `${base}${path}`, token, body)
  const raw = (sk: string) => env.services.db.get<Record<string, unknown>>({ PK: keys.tenantPk('akershus'), SK: sk }, { consistent: true })
  const fieldsOf = ({ id, tenant, ...rest }: ReturnType<typeof testArticle>) => rest
  beforeAll(async () => {
    env = await createEditorEnvironment('content-autosave')
  })

  it('keeps a half-written form without validating it or touching the item, for its editor only, 30 days', async () => {
    const item = await env.services.content.create(testArticle('akershus', 'autolagret'))
    // An empty title would be refused by a save; an autosave keeps it as it is.
    const form = { fields: { type: 'artikler', title: '', summary: 'Halvskrevet' }, body: { type: 'doc', content: [] } }
    const put = await as('PUT', `/items/${item.id}/autosave`, env.tokens.akershus, { baseVersion: 1, fields: form })
    expect(put.status).toBe(200)
    const saved = (await put.json()) as Autosave
    expect(saved).toMatchObject({ baseVersion: 1, fields: form })

    const got = await as('GET', `/items/${item.id}/autosave`, env.tokens.akershus)
    expect(got.status).toBe(200)
    expect(await got.json()).toEqual(saved)
    // Not a revision: the item and its version are as they were.
    expect(await env.services.content.getItem('akershus', item.id)).toMatchObject({ version: 1, title: item.title })
    const record = await raw(keys.autosaveSk(item.id, 'akershus@example.no'))
    expect(record?.[ttlAttribute]).toBe(Math.floor(Date.parse(saved.savedAt) / 1000) + 30 * DAY)

    // Another editor of the same edition (an admin) has none of their own (204, no body: none is not an error the
    // browser logs), and cannot read or remove this one.
    const none = await as('GET', `/items/${item.id}/autosave`, env.tokens.admin)
    expect(none.status).toBe(204)
    expect(await none.text()).toBe('')
    expect((await as('DELETE', `/items/${item.id}/autosave`, env.tokens.admin)).status).toBe(204)
    expect((await as('GET', `/items/${item.id}/autosave`, env.tokens.akershus)).status).toBe(200)
    // Another edition's editor is stopped at the tenant guard.
    expect((await as('GET', `/items/${item.id}/autosave`, env.tokens.innlandet)).status).toBe(403)
    expect((await as('PUT', `/items/${item.id}/autosave`, env.tokens.innlandet, { baseVersion: 1, fields: form })).status).toBe(403)
  })

  it('is removed by a successful save, and by Forkast', async () => {
    const item = await env.services.content.create(testArticle('akershus', 'lagres-snart'))
    await as('PUT', `/items/${item.id}/autosave`, env.tokens.akershus, { baseVersion: 1, fields: { fields: {} } })
    const save = await as('PUT', `/items/${item.id}`, env.tokens.akershus, { version: 1, fields: fieldsOf(testArticle('akershus', 'lagres-snart')) })
    expect(save.status).toBe(200)
    expect((await as('GET', `/items/${item.id}/autosave`, env.tokens.akershus)).status).toBe(204)

    await as('PUT', `/items/${item.id}/autosave`, env.tokens.akershus, { baseVersion: 2, fields: { fields: {} } })
    expect((await as('DELETE', `/items/${item.id}/autosave`, env.tokens.akershus)).status).toBe(204)
    expect((await as('GET', `/items/${item.id}/autosave`, env.tokens.akershus)).status).toBe(204)
  })

  it('refuses a form over 300 KB (413 payload_too_large), a bad body (400) and another edition’s item (404)', async () => {
    const item = await env.services.content.create(testArticle('akershus', 'for-stor'))
    const huge = await as('PUT', `/items/${item.id}/autosave`, env.tokens.akershus, { baseVersion: 1, fields: { text: 'x'.repeat(310 * 1024) } })
    expect(huge.status).toBe(413)
    expect(await huge.json()).toMatchObject({ code: 'payload_too_large', error: expect.stringMatching(/300 KB/) })
    expect((await as('PUT', `/items/${item.id}/autosave`, env.tokens.akershus, { baseVersion: 0, fields: {} })).status).toBe(400)
    expect((await as('PUT', `/items/${item.id}/autosave`, env.tokens.akershus, { baseVersion: 1, fields: 'tekst' })).status).toBe(400)
    const elsewhere = await env.services.content.create(testArticle('innlandet', 'ikke-din'))
    expect((await as('PUT', `/items/${elsewhere.id}/autosave`, env.tokens.akershus, { baseVersion: 1, fields: {} })).status).toBe(404)
  })
})

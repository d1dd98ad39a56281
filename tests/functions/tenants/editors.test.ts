import { beforeAll, describe, expect, it } from 'vitest'
import { adminApi } from '../../../web/editor/api/admin.ts'
import { createApiClient } from '../../../web/editor/api/client.ts'
import { createServices } from '../../../functions/services.ts'
import { createAwsClients } from '../../../functions/shared/aws.ts'
import { createSignIns, rosterTtlMs } from '../../../functions/tenants/sign-ins.ts'
import { demoEditors } from '../../../infra/local/demo-editors.ts'
import { createEditorEnvironment } from '../../support/editors.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>
const path = (email: string, what: string) => `/api/editor/admin/editors/${encodeURIComponent(email)}/${what}`

/** Editor accounts in the admin API (issue 17): editions and admin right, deactivating, last sign-in. */
describe('editor accounts in the admin API', () => {
  let env: Env
  let admin: ReturnType<typeof adminApi>
  beforeAll(async () => {
    env = await createEditorEnvironment('admin-editors')
    admin = adminApi(createApiClient({ token: () => env.tokens.admin, onUnauthorized: () => {}, fetch: async (request) => env.apis.request(request) }))
  })

  it("lists accounts with their last sign-in, noted once the workspace asks who is signed in", async () => {
    const before = (await admin.editors()).items.find((account) => account.email === 'innlandet@example.no')
    expect(before).toMatchObject({ active: true, tenants: ['innlandet'], admin: false, lastSignInAt: null })
    expect((await env.call('GET', '/api/editor/me', env.tokens.innlandet)).status).toBe(200)
    expect((await env.call('GET', '/api/editor/me', env.tokens.innlandet)).status).toBe(200)
    const after = (await admin.editors()).items.find((account) => account.email === 'innlandet@example.no')
    expect(after?.lastSignInAt).toMatch(/^\d{4}-\d\d-\d\dT/)
  })

  it("invites an editor, changes their editions and admin right, deactivates and reactivates them", async () => {
    await admin.invite({ email: 'kari@oslo.example.no', name: 'Kari Nordmann', tenants: ['akershus'], admin: false })
    expect(await admin.setAccess('kari@oslo.example.no', { tenants: ['vestfold', 'ostfold'], admin: true })).toMatchObject({ tenants: ['vestfold', 'ostfold'], admin: true })
    expect(await admin.setActive('kari@oslo.example.no', false)).toMatchObject({ active: false })
    expect((await admin.editors()).items.find((account) => account.email === 'kari@oslo.example.no')).toMatchObject({ active: false, tenants: ['vestfold', 'ostfold'] })
    expect(await admin.setActive('kari@oslo.example.no', true)).toMatchObject({ active: true, admin: true })
  })

  it("keeps the directory's name with the sign-in (access tokens carry none) and answers it from /me", async () => {
    const me = await (await env.call('GET', '/api/editor/me', env.tokens.innlandet)).json()
    expect(me).toMatchObject({ username: 'innlandet@example.no', name: 'Ola Haugen' })
  })

  it("refuses a deactivated account's access tokens at once (401, English error), and takes them again once reactivated", async () => {
    const vestfold = await env.identity.accessToken(demoEditors.find((editor) => editor.username === 'vestfold@example.no')!)
    const items = () => env.call('GET', '/api/editor/tenants/vestfold/items', vestfold)
    expect((await items()).status).toBe(200)
    await admin.setActive('vestfold@example.no', false)
    const refused = await items()
    expect(refused.status).toBe(401)
    expect(await refused.json()).toEqual({ error: 'This account has been deactivated. Ask an administrator if you need access again.', code: 'unauthorized' })
    expect((await env.call('GET', '/api/editor/me', vestfold)).status).toBe(401)
    // Other accounts are not affected.
    expect((await env.call('GET', '/api/editor/me', env.tokens.akershus)).status).toBe(200)
    await admin.setActive('vestfold@example.no', true)
    expect((await items()).status).toBe(200)
  })

  it('lets another Lambda instance refuse a deactivated account within 30 s, from its cache rather than a read per request', async () => {
    let clock = Date.now()
    const elsewhere = createSignIns(createServices(env.config, createAwsClients(env.config)).db, { now: () => clock })
    expect(await elsewhere.isDeactivated('ostfold@example.no')).toBe(false)
    await admin.setActive('ostfold@example.no', false)
    expect(await elsewhere.isDeactivated('ostfold@example.no')).toBe(false)
    clock += rosterTtlMs
    expect(await elsewhere.isDeactivated('ostfold@example.no')).toBe(true)
    await admin.setActive('ostfold@example.no', true)
  })

  it.each([
    ['their own account', 'PUT', path('admin@example.no', 'active'), { active: false }, 400, 'own_account'],
    ['their own admin right', 'PUT', path('admin@example.no', 'access'), { tenants: [], admin: false }, 400, 'own_account'],
    ['an unknown account', 'PUT', path('ingen@example.no', 'active'), { active: false }, 404, 'not_found'],
    ['an unknown account', 'PUT', path('ingen@example.no', 'access'), { tenants: [], admin: false }, 404, 'not_found'],
    ['an unknown edition', 'PUT', path('akershus@example.no', 'access'), { tenants: ['atlantis'], admin: false }, 404, 'not_found'],
    ['an address that is not an e-mail', 'PUT', path('ikke-epost', 'active'), { active: false }, 400, 'bad_request'],
    ['a body without the flag', 'PUT', path('akershus@example.no', 'active'), {}, 400, 'bad_request'],
    ['editions that are not a list', 'PUT', path('akershus@example.no', 'access'), { tenants: 'akershus', admin: false }, 400, 'bad_request'],
  ])('refuses an admin changing %s', async (_name, method, route, body, status, code) => {
    const response = await env.call(method, route, env.tokens.admin, body)
    expect(response.status).toBe(status)
    expect(await response.json()).toMatchObject({ code })
  })

  it.each([
    ['PUT', path('innlandet@example.no', 'access'), { tenants: ['akershus'], admin: true }],
    ['PUT', path('innlandet@example.no', 'active'), { active: false }],
    ['GET', '/api/editor/admin/editors', undefined],
  ])('keeps %s %s from regional editors (403), changing nothing', async (method, route, body) => {
    const response = await env.call(method, route, env.tokens.akershus, body)
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ code: 'forbidden' })
    expect((await admin.editors()).items.find((account) => account.email === 'innlandet@example.no')).toMatchObject({ tenants: ['innlandet'], admin: false, active: true })
  })
})

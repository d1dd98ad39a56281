import { beforeAll, describe, expect, it } from 'vitest'
import { adminApi } from '../../../web/editor/api/admin.ts'
import { ApiError, createApiClient } from '../../../web/editor/api/client.ts'
import { createEditorEnvironment } from '../../support/editors.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>

const oslo = { id: 'oslo', name: 'Kompetansebroen Oslo', regionName: 'Oslo', description: 'Redaksjonen i Oslo.', colour: '#5a2d82', organisations: ['Oslo universitetssykehus HF'], contactEmail: 'post@oslo.example.no', national: false }

/** The admin area's editions (issue 17): a new edition never overwrites one, and each refusal carries its code. */
describe('editions in the admin API', () => {
  let env: Env
  beforeAll(async () => {
    env = await createEditorEnvironment('admin-editions')
  })

  it('creates a new edition once; the same id again is 409 tenant_exists and the first stays', async () => {
    expect((await env.call('POST', '/api/editor/admin/tenants', env.tokens.admin, oslo)).status).toBe(201)
    const again = await env.call('POST', '/api/editor/admin/tenants', env.tokens.admin, { ...oslo, name: 'Noe annet' })
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ code: 'tenant_exists' })
    const read = await env.call('GET', '/api/editor/admin/tenants/oslo', env.tokens.admin)
    expect(await read.json()).toMatchObject({ name: 'Kompetansebroen Oslo' })
  })

  it.each([
    ['a colour too light for white text', { ...oslo, id: 'bergen', colour: '#ffdd00' }, 'colour_too_light'],
    ['an id the site uses itself', { ...oslo, id: 'fagtema' }, 'reserved_id'],
    ["the workspace's admin area as an id", { ...oslo, id: 'admin' }, 'reserved_id'],
    ['a colour that is not #rrggbb', { ...oslo, id: 'bergen', colour: 'lilla' }, 'bad_request'],
  ])('refuses %s with 400 and its code', async (_name, body, code) => {
    const response = await env.call('POST', '/api/editor/admin/tenants', env.tokens.admin, body)
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ code })
  })

  it('answers the code on an update too', async () => {
    const { id: _id, ...fields } = oslo
    const response = await env.call('PUT', '/api/editor/admin/tenants/oslo', env.tokens.admin, { ...fields, colour: '#eeeeee' })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ code: 'colour_too_light' })
  })

  it('keeps regional editors out of creating editions (403)', async () => {
    const response = await env.call('POST', '/api/editor/admin/tenants', env.tokens.akershus, { ...oslo, id: 'tromso' })
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ code: 'forbidden' })
    env.services.catalog.invalidate()
    expect((await env.services.catalog.get()).tenant('tromso')).toBeUndefined()
  })

  it("is what the workspace's typed admin client calls, through the local router that checks each body's hash", async () => {
    const admin = adminApi(createApiClient({ token: () => env.tokens.admin, onUnauthorized: () => {}, fetch: async (request) => env.apis.request(request) }))
    const created = await admin.createEdition({ ...oslo, id: 'agder', name: 'Kompetansebroen Agder', regionName: 'Agder' })
    expect(created).toMatchObject({ id: 'agder' })
    const { id: _id, ...fields } = created
    expect(await admin.saveEdition('agder', { ...fields, description: 'Ny tekst.' })).toMatchObject({ description: 'Ny tekst.' })
    expect((await admin.editions()).items.map((edition) => edition.id)).toContain('agder')
    const refused = await admin.createEdition({ ...oslo, id: 'agder' }).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(ApiError)
    expect(refused).toMatchObject({ status: 409, code: 'tenant_exists' })
  })
})

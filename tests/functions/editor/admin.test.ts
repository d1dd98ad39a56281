import { beforeAll, describe, expect, it } from 'vitest'
import { createEditorEnvironment } from '../../support/editors.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>

const newTenant = { name: 'Kompetansebroen Oslo', regionName: 'Oslo', description: 'Redaksjonen i Oslo.', colour: '#5a2d82', organisations: ['Oslo universitetssykehus HF'], contactEmail: 'post@oslo.example.no', national: false }

describe('administration by the central secretariat', () => {
  let env: Env
  beforeAll(async () => {
    env = await createEditorEnvironment('admin')
  })

  it('adds an edition that readers then find, and an editor who can sign in to it', async () => {
    const created = await env.call('PUT', '/api/editor/admin/tenants/oslo', env.tokens.admin, newTenant)
    expect(created.status).toBe(200)
    env.services.catalog.invalidate()
    // A new edition waits hidden while its editors fill it; readers find it once it goes live.
    expect((await env.services.catalog.get()).tenant('oslo')).toBeUndefined()
    expect((await env.services.catalog.get()).anyTenant('oslo')).toMatchObject({ regionName: 'Oslo', hidden: true })
    expect((await env.call('PUT', '/api/editor/admin/tenants/oslo/visibility', env.tokens.admin, { visible: true })).status).toBe(200)
    env.services.catalog.invalidate()
    expect((await env.services.catalog.get()).tenant('oslo')).toMatchObject({ regionName: 'Oslo' })

    const editor = await env.call('POST', '/api/editor/admin/editors', env.tokens.admin, { email: 'ny@oslo.example.no', name: 'Nora Ny', tenants: ['oslo'], admin: false })
    expect(editor.status).toBe(201)
    const list = (await (await env.call('GET', '/api/editor/admin/editors', env.tokens.admin)).json()) as { items: Array<{ email: string; tenants: string[] }> }
    expect(list.items).toContainEqual(expect.objectContaining({ email: 'ny@oslo.example.no', tenants: ['oslo'] }))
    const duplicate = await env.call('POST', '/api/editor/admin/editors', env.tokens.admin, { email: 'ny@oslo.example.no', name: 'Nora', tenants: ['oslo'], admin: false })
    expect(duplicate.status).toBe(409)
  })

  it('updates a topic area', async () => {
    const topic = { name: 'Demens', summary: 'Ny oppsummering.', intro: { type: 'doc', content: [] } }
    expect((await env.call('PUT', '/api/editor/admin/topics/demens', env.tokens.admin, topic)).status).toBe(200)
    env.services.catalog.invalidate()
    expect((await env.services.catalog.get()).topic('demens')?.summary).toBe('Ny oppsummering.')
  })

  it.each([
    ['a colour too light for white text', 'PUT', '/api/editor/admin/tenants/bergen', { ...newTenant, colour: '#ffdd00' }, 400, /contrast of at least 4\.5:1/],
    ['a tenant id the site uses itself', 'PUT', '/api/editor/admin/tenants/fagtema', newTenant, 400, /path the site uses itself/],
    ['an editor for an unknown tenant', 'POST', '/api/editor/admin/editors', { email: 'x@example.no', name: 'X', tenants: ['atlantis'], admin: false }, 404, /Unknown tenant/],
    ['an invalid e-mail', 'POST', '/api/editor/admin/editors', { email: 'ikke-epost', name: 'X', tenants: [], admin: false }, 400, /email/],
  ])('refuses %s', async (_name, method, path, body, status, message) => {
    const response = await env.call(method, path, env.tokens.admin, body)
    expect(response.status).toBe(status)
    expect(((await response.json()) as { error: string }).error).toMatch(message)
  })

  it.each([
    ['GET', '/api/editor/admin/tenants'],
    ['PUT', '/api/editor/admin/tenants/akershus'],
    ['PUT', '/api/editor/admin/topics/demens'],
    ['GET', '/api/editor/admin/editors'],
    ['POST', '/api/editor/admin/editors'],
  ])('keeps %s %s from regional editors (403) and strangers (401)', async (method, path) => {
    const before = JSON.stringify(await env.services.catalog.get())
    const body = method === 'GET' ? undefined : {}
    expect((await env.call(method, path, env.tokens.akershus, body)).status).toBe(403)
    expect((await env.call(method, path, undefined, body)).status).toBe(401)
    expect((await env.call(method, path, env.tokens.forged, body)).status).toBe(401)
    env.services.catalog.invalidate()
    expect(JSON.stringify(await env.services.catalog.get())).toBe(before)
  })
})

import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, createApiClient, sha256Hex } from '../../../web/editor/api/client.ts'

const nodeSha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex')

/** The request the client would send, as the network (here a stand-in for the router) receives it. */
async function sentRequest(method: string, path: string, token: string, body?: unknown): Promise<Request> {
  let sent: Request | undefined
  const api = createApiClient({ token: () => token, onUnauthorized: () => {}, fetch: async (request) => ((sent = request), new Response('{}')) })
  await api.fetch(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) })
  return sent!
}

describe('editor API client', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('hashes bytes exactly as the router checks them', async () => {
    await expect(sha256Hex(new Uint8Array())).resolves.toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    const bytes = new TextEncoder().encode('{"title":"Smertelindring – æøå"}')
    await expect(sha256Hex(bytes)).resolves.toBe(nodeSha256(bytes))
  })

  it('sends the SHA-256 of the exact body bytes, with the bearer token', async () => {
    const request = await sentRequest('PUT', '/api/editor/tenants/innlandet/items/X', 'token-1', { version: 3, fields: { title: 'Ål og ørret' } })
    const sent = new Uint8Array(await request.arrayBuffer())
    expect(request.headers.get('x-amz-content-sha256')).toBe(nodeSha256(sent))
    expect(new TextDecoder().decode(sent)).toBe('{"version":3,"fields":{"title":"Ål og ørret"}}')
    expect(request.headers.get('authorization')).toBe('Bearer token-1')
    expect(request.headers.get('content-type')).toBe('application/json')
  })

  it('hashes the empty body of a POST without one, and sends no hash on GET', async () => {
    const post = await sentRequest('POST', '/api/editor/tenants/a/follows/b/c', 't')
    expect(post.headers.get('x-amz-content-sha256')).toBe(nodeSha256(''))
    const get = await sentRequest('GET', '/api/editor/me', 't')
    expect(get.headers.has('x-amz-content-sha256')).toBe(false)
  })

  it('keeps keepalive, so a request sent as the page goes away (issue 17) outlives it', async () => {
    let sent: Request | undefined
    const api = createApiClient({ token: () => 't', onUnauthorized: () => {}, fetch: async (request) => ((sent = request), new Response(null, { status: 204 })) })
    await api.fetch('/api/editor/tenants/akershus/items/x/presence', { method: 'DELETE', keepalive: true })
    expect(sent!.keepalive).toBe(true)
    await api.fetch('/api/editor/me')
    expect(sent!.keepalive).toBe(false)
  })

  it('hands a keepalive request to fetch at once, signed, since an unloading page runs no later task (issue 17)', async () => {
    let sent: Request | undefined
    const api = createApiClient({ token: () => 't', onUnauthorized: () => {}, fetch: async (request) => ((sent = request), Response.json({})) })
    const body = JSON.stringify({ baseVersion: 2, fields: { summary: 'Halvskrevet – æøå' } })
    void api.fetch('/api/editor/tenants/akershus/items/x/autosave', { method: 'PUT', body, keepalive: true })
    // Not awaited: the request must already be out when the pagehide handler returns.
    expect(sent?.keepalive).toBe(true)
    expect(sent!.headers.get('x-amz-content-sha256')).toBe(nodeSha256(body))
    expect(await sent!.text()).toBe(body)
  })

  it('throws the status, the sentence and the current item of a stale save', async () => {
    const current = { id: 'X', version: 4 }
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ error: 'The item was changed', current }), { status: 409 }))
    const api = createApiClient({ token: () => 't', onUnauthorized: () => {} })
    const error = (await api.fetch('/api/editor/x', { method: 'PUT', body: '{}' }).catch((caught) => caught)) as ApiError
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(409)
    expect(error.message).toBe('The item was changed')
    expect(error.current).toEqual(current)
  })

  it('reports an expired token', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ error: 'expired' }), { status: 401 }))
    const onUnauthorized = vi.fn()
    const api = createApiClient({ token: () => 't', onUnauthorized })
    await expect(api.fetch('/api/editor/me')).rejects.toMatchObject({ status: 401 })
    expect(onUnauthorized).toHaveBeenCalledOnce()
  })
})

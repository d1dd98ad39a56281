import { createHash } from 'node:crypto'
import { S3Client } from '@aws-sdk/client-s3'
import { serve, type ServerType } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPublicApiApp } from '../../../functions/public-api.ts'
import { includeBodyLimitBytes } from '../../../infra/edge/form-body-hash.ts'
import { createApiRouter, createLocalRouter } from '../../../infra/local/router.ts'
import { createTestEnvironment } from '../../support/environment.ts'

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex')

interface Received {
  method: string
  path: string
  hash: string | null
  body: Buffer
}

/**
 * A Lambda Function URL behind origin access control, as far as the body goes: it recomputes the SHA-256 of the
 * bytes that arrived and refuses a POST/PUT whose x-amz-content-sha256 is missing or different (SigV4 signs the
 * declared hash; Lambda checks the payload against it). What it accepted is recorded.
 */
function functionUrl(app?: { fetch: (request: Request) => Response | Promise<Response> }) {
  const received: Received[] = []
  return {
    received,
    async fetch(request: Request) {
      const body = Buffer.from(await request.clone().arrayBuffer())
      const hash = request.headers.get('x-amz-content-sha256')
      if (['POST', 'PUT'].includes(request.method) && hash !== sha256(body)) return Response.json({ message: 'The request signature we calculated does not match' }, { status: 403 })
      received.push({ method: request.method, path: new URL(request.url).pathname, hash, body })
      return app ? app.fetch(request) : new Response('ok')
    },
  }
}

const form = (body: string | Uint8Array, method = 'POST'): RequestInit => ({ method, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: typeof body === 'string' ? body : new Uint8Array(body) })
const json = (body: unknown, headers: Record<string, string> = {}) => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

describe('reader form posts through the local CDN router, as through CloudFront with the edge function', () => {
  const publicApi = functionUrl()
  const exams = functionUrl()
  const editorApi = functionUrl()
  const apis = createApiRouter({ publicApi, exams, editorApi, search: functionUrl() })
  const attempts = 'http://127.0.0.1/api/v1/exams/akershus/eksamenskurs/attempts'

  it('gives a plain form POST to the exams function the hash of its exact bytes, and passes the bytes on unchanged', async () => {
    const body = Buffer.concat([Buffer.from('svar=a&svar=c&navn=%C3%86sa+%C3%98rn&rart='), Buffer.from([0xff])])
    const response = await apis.request(attempts, form(body))
    expect(response.status).toBe(200)
    const last = exams.received.at(-1)!
    expect(last).toMatchObject({ method: 'POST', path: '/api/v1/exams/akershus/eksamenskurs/attempts', hash: sha256(body) })
    expect(last.body.equals(body)).toBe(true)
  })

  it('replaces a wrong hash a viewer sent with a form, and hashes an empty form too', async () => {
    const lying = await apis.request(attempts, { method: 'POST', body: 'svar=b', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8', 'x-amz-content-sha256': sha256('other') } })
    expect(lying.status).toBe(200)
    expect(exams.received.at(-1)!.hash).toBe(sha256('svar=b'))
    expect((await apis.request(attempts, form(''))).status).toBe(200)
    expect(exams.received.at(-1)!.hash).toBe(sha256(''))
  })

  it('still refuses a JSON POST without the header with 403 (the editor API’s contract), and lets a signed one through', async () => {
    const count = exams.received.length
    const refused = await apis.request(attempts, json({ svar: 'a' }))
    expect(refused.status).toBe(403)
    expect(await refused.json()).toMatchObject({ error: expect.stringContaining('x-amz-content-sha256') })
    expect(exams.received).toHaveLength(count)
    const signed = await apis.request(attempts, json({ svar: 'a' }, { 'x-amz-content-sha256': sha256(JSON.stringify({ svar: 'a' })) }))
    expect(signed.status).toBe(200)
  })

  it('hashes only form POSTs on the exams’ (and the public API’s) behaviours: a form PUT, and any form post to the editor API, are refused without the header', async () => {
    expect((await apis.request(attempts, form('svar=a', 'PUT'))).status).toBe(403)
    const editor = await apis.request('http://127.0.0.1/api/editor/tenants/akershus/items', form('title=x'))
    expect(editor.status).toBe(403)
    expect(editorApi.received).toHaveLength(0)
  })

  it('refuses a form body past the include-body limit with 413 in plain text, before the function sees it', async () => {
    const count = exams.received.length
    const response = await apis.request(attempts, form(`svar=${'a'.repeat(includeBodyLimitBytes)}`))
    expect(response.status).toBe(413)
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await response.text()).toMatch(/for stort/)
    expect(exams.received).toHaveLength(count)
    // Exactly at the limit is whole, so it is hashed and passed on.
    expect((await apis.request(attempts, form('a'.repeat(includeBodyLimitBytes)))).status).toBe(200)
  })

  it('passes the other methods on as the behaviour now allows them all (the app answers for itself)', async () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'DELETE']) {
      expect((await apis.request(attempts, { method })).status, method).toBe(200)
      expect(exams.received.at(-1)!.method).toBe(method)
    }
  })

  it('sends every exam form post to the exams function, hashed at the edge, before /api/* takes it; the rest to the public API', async () => {
    const before = publicApi.received.length
    for (const [path, body] of <Array<[string, string]>>[
      ['/api/v1/exams/akershus/eksamenskurs/attempts', ''],
      ['/api/v1/attempts/01JD0000000000000000000000/answers', 'svar=a&svar=c'],
      ['/api/v1/attempts/01JD0000000000000000000000/certificate', 'navn=Kari+Nordmann'],
    ]) {
      expect((await apis.request(`http://127.0.0.1${path}`, form(body))).status, path).toBe(200)
      expect(exams.received.at(-1)).toMatchObject({ method: 'POST', path, hash: sha256(body) })
    }
    // CloudFront's `*` crosses `/`; the app answers 404 for such a path itself. Any method reaches it.
    await apis.request('http://127.0.0.1/api/v1/attempts/a/b/certificate', { method: 'GET' })
    expect(exams.received.at(-1)).toMatchObject({ method: 'GET', path: '/api/v1/attempts/a/b/certificate' })
    // Its neighbours stay with the public API (patterns are case-sensitive and end at their own `/`).
    for (const other of ['/api/v1/exams', '/api/v1/examsx/a', '/api/v1/attempts', '/api/v1/Attempts/x/answers', '/api/v1/editions']) {
      expect((await apis.request(`http://127.0.0.1${other}`, form('a=1'))).status).toBe(200)
      expect(publicApi.received.at(-1)!.path).toBe(other)
    }
    expect(publicApi.received).toHaveLength(before + 5)
  })
})

describe('a browser-free form post over HTTP through the local system’s router', () => {
  let server: ServerType
  let origin: string
  let publicApi: ReturnType<typeof functionUrl>
  beforeAll(async () => {
    const { services, config } = await createTestEnvironment('form-posts')
    // The real public API app behind a stand-in for its Function URL's signature check.
    publicApi = functionUrl(createPublicApiApp(services))
    const site = { fetch: () => new Response('site') }
    const router = createLocalRouter({ publicApi, exams: functionUrl(), editorApi: functionUrl(), search: functionUrl(), site, s3: new S3Client({ region: config.region }), mediaBucket: config.mediaBucket, assetsDir: '/nonexistent' })
    server = await new Promise((resolve) => {
      const started = serve({ fetch: router.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
        origin = `http://127.0.0.1:${info.port}`
        resolve(started)
      })
    })
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('sends application/x-www-form-urlencoded bytes over a socket, and the function gets them with their hash', async () => {
    // What a browser sends for <form method="post">: fetch encodes URLSearchParams exactly so.
    const fields = new URLSearchParams([['svar', 'a'], ['svar', 'c'], ['kommentar', 'Blåbær & tran = 100 %']])
    const response = await fetch(`${origin}/api/v1/editions`, { method: 'POST', body: fields, redirect: 'manual' })
    const last = publicApi.received.at(-1)!
    expect(last.body.toString('latin1')).toBe(fields.toString())
    expect(last.hash).toBe(sha256(fields.toString()))
    // It reached the public API, which takes only GET and HEAD there: 405 with Allow, in the API's JSON shape.
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD')
    expect(await response.json()).toMatchObject({ code: 'method_not_allowed' })
  })

  it('answers a JSON POST without the header 403 over HTTP too, and keeps the site to GET and HEAD as its behaviour does', async () => {
    const refused = await fetch(`${origin}/api/v1/editions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(refused.status).toBe(403)
    const toSite = await fetch(`${origin}/innlandet/e-kurs/x`, { method: 'POST', body: new URLSearchParams({ a: 'b' }) })
    expect(toSite.status).toBe(403)
    expect(await toSite.text()).toMatch(/not configured to allow the HTTP request method/)
    expect((await fetch(`${origin}/innlandet`)).status).toBe(200)
  })

  it('answers 404, not 405, for an API path nothing routes', async () => {
    const response = await fetch(`${origin}/api/v1/nothing-here`, { method: 'POST', body: new URLSearchParams({ a: 'b' }) })
    expect(response.status).toBe(404)
  })
})

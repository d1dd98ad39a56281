import { mkdtempSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve, type ServerType } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExamsApiApp } from '../../../functions/exams-api.ts'
import { createPublicApiApp } from '../../../functions/public-api.ts'
import { createSearchApp } from '../../../functions/search-app.ts'
import { createLocalRouter } from '../../../infra/local/router.ts'
import { createSiteApp } from '../../../web/site/app.tsx'
import { createEditorEnvironment } from '../../support/editors.ts'
import { publishNew, testArticle } from '../../support/fixtures.ts'
import { expectSameOriginLocation, hostileApiPaths, hostileSitePaths, readerStatuses } from '../../support/hostile-paths.ts'

/** Paths the router itself serves (CloudFront's S3 behaviours), which never reach the apps. */
const hostileEdgePaths = [
  '/media/%FF',
  '/media/tenants/%C0%AF/x.png',
  '/media/tenants/..%2F..%2Fsecret.txt',
  '/media/tenants/%2e%2e/%2e%2e/secret.txt',
  '/media//evil.example',
  '/media/%2F%2Fevil.example',
  '/assets/%FF',
  '/assets/..%2F..%2F..%2Fetc%2Fpasswd',
  '/assets/%2e%2e/%2e%2e/etc/passwd',
  '/assets//evil.example',
]

/**
 * One raw HTTP/1.1 request over a socket, so the path reaches the server byte for byte (fetch and
 * http.request would normalise or refuse some of these first). Answers the status and the Location.
 */
function rawGet(port: number, target: string | Buffer): Promise<{ status: number; location: string | null }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      const head = Buffer.concat(chunks).toString('latin1').split('\r\n\r\n')[0]!
      const [statusLine, ...headers] = head.split('\r\n')
      const location = headers.find((line) => /^location:/i.test(line))?.replace(/^location:\s*/i, '') ?? null
      resolve({ status: Number(statusLine!.split(' ')[1]), location })
    })
    socket.write(Buffer.concat([Buffer.from('GET '), Buffer.from(target), Buffer.from(' HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')]))
  })
}

describe('odd and hostile paths through the local CDN router', () => {
  const origin = 'http://127.0.0.1'
  let router: ReturnType<typeof createLocalRouter>
  let server: ServerType
  let port: number
  beforeAll(async () => {
    // With sign-in configured, so editor paths get past authentication to the tenant guard and routes.
    const { services, config, app: editorApi } = await createEditorEnvironment('hostile-router')
    await publishNew(services, testArticle('innlandet', 'x', { topics: ['demens'] }))
    const assetsDir = mkdtempSync(join(tmpdir(), 'kb-hostile-assets-'))
    writeFileSync(join(assetsDir, 'site-TEST.css'), 'body{}')
    router = createLocalRouter({ publicApi: createPublicApiApp(services), exams: createExamsApiApp(services), editorApi, search: createSearchApp(services, { assets: () => ({}) }), site: createSiteApp(services, { assets: () => ({}) }), s3: services.clients.s3, mediaBucket: config.mediaBucket, assetsDir })
    server = await new Promise((resolve) => {
      const started = serve({ fetch: router.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
        port = info.port
        resolve(started)
      })
    })
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  const ordinary = [...readerStatuses, 401, 403, 416]

  it.each([...hostileSitePaths, ...hostileApiPaths, ...hostileEdgePaths])('router: %s is an ordinary answer and never leaves the site', async (path) => {
    const response = await router.request(`${origin}${path}`)
    expect(ordinary, `${response.status} ${await response.clone().text()}`).toContain(response.status)
    expectSameOriginLocation(response.headers.get('location'), origin)
  })

  it.each([
    ...[...hostileSitePaths, ...hostileApiPaths, ...hostileEdgePaths].map((path) => [path] as [string | Buffer]),
    // What fetch would have encoded: raw backslashes, raw bytes that are not UTF-8, a raw non-ASCII letter.
    ['/\\evil.example'],
    ['/nasjonal/\\\\evil.example'],
    ['/api/\\evil.example'],
    [Buffer.from([0x2f, 0xff, 0xfe])],
    [Buffer.from([0x2f, 0x6e, 0x61, 0x73, 0x6a, 0x6f, 0x6e, 0x61, 0x6c, 0x2f, 0xc0, 0xaf, 0xc0, 0xaf, 0x65, 0x76, 0x69, 0x6c])],
    [Buffer.from('/ø/æ', 'utf8')],
  ])('server: %s over a raw socket is an ordinary answer and never leaves the site', async (target) => {
    const { status, location } = await rawGet(port, target)
    expect(ordinary).toContain(status)
    expectSameOriginLocation(location, origin)
  })

  it('redirects /nasjonal/{type} to the national listing, and nothing else under /nasjonal', async () => {
    expect(await rawGet(port, '/nasjonal/artikler?tema=demens')).toEqual({ status: 301, location: '/artikler?tema=demens' })
    expect(await rawGet(port, '/nasjonal/%2F%2Fevil.example')).toEqual({ status: 404, location: null })
    expect(await rawGet(port, '/nasjonal/%5Cevil.example')).toEqual({ status: 404, location: null })
  })
})

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accessLogFields } from '../../../functions/analytics/access-log.ts'
import { dayOf } from '../../../functions/analytics/days.ts'
import { createDownloadCounting } from '../../../functions/analytics/log-processor.ts'
import { createMediaStore } from '../../../functions/media/store.ts'
import { Db } from '../../../functions/shared/db.ts'
import { createExamsApiApp } from '../../../functions/exams-api.ts'
import { createPublicApiApp } from '../../../functions/public-api.ts'
import { contentTable } from '../../../infra/definitions.ts'
import { countLocalAccessLog, fileAccessLog } from '../../../infra/local/access-log.ts'
import { createLocalRouter } from '../../../infra/local/router.ts'
import { createTestEnvironment } from '../../support/environment.ts'

/** The local router logs as CloudFront does, and the download counting reads its log unchanged (issue 15). */
describe("the local router's access log", () => {
  const audio = readFileSync(new URL('../../../infra/local/seed/media/episode.mp3', import.meta.url))
  const id = '01JTESTXYZ000000000000000A'
  const path = `/media/tenants/innlandet/media/${id}/episode.mp3`
  const dir = mkdtempSync(join(tmpdir(), 'kb-access-log-'))
  const logPath = join(dir, 'access.log')
  let env: Awaited<ReturnType<typeof createTestEnvironment>>
  let router: ReturnType<typeof createLocalRouter>
  /** As @hono/node-server hands a request over: with the socket the viewer's address is read from. */
  const viewer = (address: string) => ({ incoming: { socket: { remoteAddress: address, remotePort: 50_000, remoteFamily: 'IPv4' } } })
  const get = (agent: string, init: RequestInit & { range?: string } = {}) =>
    router.request(path, { ...init, headers: { 'user-agent': agent, ...(init.range ? { range: init.range } : {}) } }, viewer('192.0.2.10'))

  beforeAll(async () => {
    env = await createTestEnvironment('access-log')
    await env.services.clients.s3.send(new PutObjectCommand({ Bucket: env.config.mediaBucket, Key: path.slice('/media/'.length), Body: audio, ContentType: 'audio/mpeg' }))
    // Two minutes long: a minute is half the file.
    await createMediaStore(new Db(env.services.clients.dynamo, env.config.tables.content, contentTable)).create({
      id,
      tenant: 'innlandet',
      kind: 'audio',
      status: 'ready',
      key: path.slice('/media/'.length),
      path,
      filename: 'episode.mp3',
      contentType: 'audio/mpeg',
      bytes: audio.length,
      durationSeconds: 120,
      createdAt: '2026-11-01T10:00:00.000Z',
      createdBy: 'test',
      updatedAt: '2026-11-01T10:00:00.000Z',
    })
    router = createLocalRouter({
      publicApi: createPublicApiApp(env.services),
      exams: createExamsApiApp(env.services),
      search: { fetch: () => new Response('Not found', { status: 404 }) },
      editorApi: { fetch: () => new Response('Not found', { status: 404 }) },
      site: { fetch: () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }) },
      s3: env.services.clients.s3,
      mediaBucket: env.config.mediaBucket,
      assetsDir: '/nonexistent',
      accessLog: fileAccessLog(logPath),
    })
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('writes CloudFront’s header and one line of its 33 fields per request, the range as CloudFront records it', async () => {
    expect((await get('AppleCoreMedia/1.0.0.21E236 (iPhone; U; CPU OS 17_4 like Mac OS X; nb_no)', { range: 'bytes=0-9999' })).status).toBe(206)
    await new Promise((resolve) => setTimeout(resolve, 50))
    const [version, fields, line] = readFileSync(logPath, 'utf8').split('\n')
    expect(version).toBe('#Version: 1.0')
    expect(fields).toBe(`#Fields: ${accessLogFields.join(' ')}`)
    const values = Object.fromEntries(line!.split('\t').map((value, index) => [accessLogFields[index], value]))
    expect(values).toMatchObject({ 'c-ip': '192.0.2.10', 'cs-method': 'GET', 'cs-uri-stem': path, 'sc-status': '206', 'sc-range-start': '0', 'sc-range-end': '9999', 'sc-content-len': '10000' })
    expect(values['cs(User-Agent)']).toBe('AppleCoreMedia/1.0.0.21E236%20(iPhone;%20U;%20CPU%20OS%2017_4%20like%20Mac%20OS%20X;%20nb_no)')
  })

  it('feeds the same counting: a short range is no download, a listener fetching it twice is one, HEAD and bots none', async () => {
    await get('AntennaPod/3.2.0')
    await get('AntennaPod/3.2.0')
    await get('AntennaPod/3.2.0', { method: 'HEAD' })
    await get('Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)')
    await new Promise((resolve) => setTimeout(resolve, 50))
    const counting = createDownloadCounting(env.config, env.services.clients)
    const first = await countLocalAccessLog(logPath, counting)
    expect(first.downloads).toBe(1)
    expect((await env.services.analytics.read('innlandet', dayOf(new Date()), dayOf(new Date()))).map((row) => [row.id, row.downloads])).toEqual([[id, 1]])
    // Nothing new since: the next round reads nothing again.
    expect(await countLocalAccessLog(logPath, counting, first.next)).toEqual({ downloads: 0, next: first.next })
  })
})

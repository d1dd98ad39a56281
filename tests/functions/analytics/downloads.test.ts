import { gzipSync } from 'node:zlib'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { beforeAll, describe, expect, it } from 'vitest'
import { accessLogHeader, formatAccessLogLine, parseAccessLog } from '../../../functions/analytics/access-log.ts'
import { countDownloads, minuteBytes } from '../../../functions/analytics/downloads.ts'
import { listenerPk, stateSk } from '../../../functions/analytics/keys.ts'
import { isListenerBot } from '../../../functions/analytics/listener-agents.ts'
import { ipNetwork, listenerHash } from '../../../functions/analytics/listener-ip.ts'
import { createDownloadCounting, processLogObject } from '../../../functions/analytics/log-processor.ts'
import { createMediaStore } from '../../../functions/media/store.ts'
import type { MediaRecord } from '../../../functions/media/schema.ts'
import { Db } from '../../../functions/shared/db.ts'
import { contentTable } from '../../../infra/definitions.ts'
import { createTestEnvironment } from '../../support/environment.ts'

type Env = Awaited<ReturnType<typeof createTestEnvironment>>

const apple = 'AppleCoreMedia/1.0.0.21E236 (iPhone; U; CPU OS 17_4 like Mac OS X; nb_no)'
const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
const overcast = 'Overcast/3.0 (+http://overcast.fm/; iOS podcast app)'
const googlebot = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'
/** A 10-minute episode of 6 MB: a minute is 600 000 bytes. */
const episodeId = '01JTESTXAB0000000000000AAA'
const audio = `/media/tenants/akershus/media/${episodeId}/episode.mp3`
const captionsId = '01JTESTXAB0000000000000BBB'

/** One CloudFront log line: a GET by default, with the range CloudFront records for a 206. */
const line = (at: string, ip: string, agent: string, range: [number, number] | undefined, overrides: Record<string, string | number> = {}) =>
  formatAccessLogLine({
    date: at.slice(0, 10),
    time: at.slice(11, 19),
    'x-edge-location': 'OSL50-C1',
    'sc-bytes': range ? range[1] - range[0] + 1 + 400 : 6_000_400,
    'c-ip': ip,
    'cs-method': 'GET',
    'cs(Host)': 'd111111abcdef8.cloudfront.net',
    'cs-uri-stem': audio,
    'sc-status': range ? 206 : 200,
    'cs(User-Agent)': agent,
    'x-edge-result-type': 'Hit',
    'cs-protocol': 'https',
    'sc-content-type': 'audio/mpeg',
    'sc-content-len': range ? range[1] - range[0] + 1 : 6_000_000,
    'sc-range-start': range?.[0],
    'sc-range-end': range?.[1],
    ...overrides,
  })
const file = (...lines: string[]) => `${accessLogHeader}${lines.join('\n')}\n`

describe('podcast downloads by IAB rules from CloudFront logs (issue 15)', () => {
  let env: Env
  let counting: ReturnType<typeof createDownloadCounting>
  const downloadsOn = async (day: string) =>
    (await env.services.analytics.read('akershus', day, day)).filter((row) => row.id === episodeId).reduce((sum, row) => sum + row.downloads, 0)

  beforeAll(async () => {
    env = await createTestEnvironment('iab-downloads')
    const media = createMediaStore(new Db(env.services.clients.dynamo, env.config.tables.content, contentTable))
    const record = (id: string, kind: MediaRecord['kind'], filename: string, bytes: number, durationSeconds?: number): MediaRecord => ({
      id,
      tenant: 'akershus',
      kind,
      status: 'ready',
      key: `tenants/akershus/media/${id}/${filename}`,
      path: `/media/tenants/akershus/media/${id}/${filename}`,
      filename,
      contentType: kind === 'audio' ? 'audio/mpeg' : 'text/vtt',
      bytes,
      durationSeconds,
      createdAt: '2026-11-01T10:00:00.000Z',
      createdBy: 'test',
      updatedAt: '2026-11-01T10:00:00.000Z',
    })
    await media.create(record(episodeId, 'audio', 'episode.mp3', 6_000_000, 600))
    await media.create(record(captionsId, 'captions', 'episode.vtt', 20_000))
    counting = createDownloadCounting(env.config, env.services.clients)
  })

  it('reads the fields by the header, URL-decoding the agent and taking a 206 by its range', () => {
    const [request] = [...parseAccessLog(file(line('2026-11-30T08:00:00Z', '198.51.100.7', apple, [100, 199])))]
    expect(request).toEqual({ at: new Date('2026-11-30T08:00:00Z'), ip: '198.51.100.7', method: 'GET', path: audio, status: 206, userAgent: apple, bodyBytes: 100 })
    expect(minuteBytes({ kind: 'audio', bytes: 6_000_000, filename: 'x', durationSeconds: 600 })).toBe(600_000)
    expect(minuteBytes({ kind: 'audio', bytes: 500_000, filename: 'x', durationSeconds: 40 })).toBe(500_000)
  })

  it('counts podcast apps isbot takes for bots, and still drops crawlers, feed parsers and agentless requests', () => {
    for (const app of [overcast, 'Castro 2022.1', 'AntennaPod/3.2.0', 'Pocket Casts', 'Podcast Addict - v2024.4 - Dalvik/2.1.0', apple, chrome, 'Spotify/8.9.10 iOS/17.4 (iPhone15,2)'])
      expect(isListenerBot(app), app).toBe(false)
    for (const bot of [googlebot, 'PocketCasts/1.0 (Pocket Casts Feed Parser; +http://pocketcasts.com/)', 'curl/8.5.0', 'python-requests/2.31', ''])
      expect(isListenerBot(bot), bot).toBe(true)
  })

  it('keys IPv6 listeners by their /64 and IPv4 listeners by the whole address', () => {
    expect(ipNetwork('2001:db8:1:2::10')).toBe('2001:db8:1:2::/64')
    expect(ipNetwork('2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64')
    expect(ipNetwork('203.0.113.9')).toBe('203.0.113.9')
    expect(ipNetwork('-')).toBe('')
  })

  it('counts a realistic day: under and over a minute of ranges, a bot, a HEAD, a 403, the same listener twice, captions', async () => {
    const first = file(
      // Listener A requests 30 seconds (300 000 bytes): not yet a download.
      line('2026-11-30T07:00:01Z', '198.51.100.7', apple, [0, 299_999]),
      // Listener B, 1 MB from an IPv6 address: a download; again an hour later from another address in its /64: the same listener.
      line('2026-11-30T07:10:00Z', '2001:db8:1:2::10', chrome, [0, 1_048_575]),
      line('2026-11-30T08:10:00Z', '2001:db8:1:2::99', chrome, [0, 1_048_575]),
      // Listener C in two ranges of 400 000 bytes: together over the minute, one download.
      line('2026-11-30T09:00:00Z', '203.0.113.20', overcast, [0, 399_999]),
      line('2026-11-30T09:00:05Z', '203.0.113.20', overcast, [400_000, 799_999]),
      // Listener D stops at 30 seconds: never a download.
      line('2026-11-30T09:30:00Z', '203.0.113.21', apple, [0, 299_999]),
      // A bot fetching all of it, a HEAD, a refused request, a method that is not GET: none count.
      line('2026-11-30T10:00:00Z', '192.0.2.50', googlebot, undefined),
      line('2026-11-30T10:01:00Z', '192.0.2.51', apple, undefined, { 'cs-method': 'HEAD', 'sc-bytes': 400 }),
      line('2026-11-30T10:02:00Z', '192.0.2.52', apple, undefined, { 'sc-status': 403, 'sc-content-len': 243 }),
      line('2026-11-30T10:03:00Z', '192.0.2.53', apple, undefined, { 'sc-status': 404 }),
      // The episode's captions, whole: not the audio.
      line('2026-11-30T10:04:00Z', '192.0.2.54', chrome, undefined, { 'cs-uri-stem': `/media/tenants/akershus/media/${captionsId}/episode.vtt`, 'sc-content-len': 20_000 }),
    )
    expect(await countDownloads(parseAccessLog(first), counting)).toBe(2)
    expect(await downloadsOn('2026-11-30')).toBe(2)

    // A later file of the same day: listener A goes on (300 000 + 400 000 bytes, over the minute); B comes back (still one).
    const second = file(line('2026-11-30T15:00:00Z', '198.51.100.7', apple, [300_000, 699_999]), line('2026-11-30T16:00:00Z', '2001:db8:1:2::10', chrome, undefined))
    await env.services.clients.s3.send(new PutObjectCommand({ Bucket: env.config.mediaBucket, Key: 'cloudfront/E2EXAMPLE.2026-11-30-15.abcd1234.gz', Body: gzipSync(second) }))
    expect(await processLogObject(env.services.clients.s3, env.config.mediaBucket, 'cloudfront/E2EXAMPLE.2026-11-30-15.abcd1234.gz', counting)).toBe(1)
    expect(await downloadsOn('2026-11-30')).toBe(3)
    // S3 delivers the same file's event again: it is counted once.
    expect(await processLogObject(env.services.clients.s3, env.config.mediaBucket, 'cloudfront/E2EXAMPLE.2026-11-30-15.abcd1234.gz', counting)).toBe(0)
    expect(await downloadsOn('2026-11-30')).toBe(3)

    // The next day in Norway B counts again; and the same file delivered twice never counts a listener twice.
    const nextDay = file(line('2026-12-01T09:00:00Z', '2001:db8:1:2::10', chrome, undefined))
    expect(await countDownloads(parseAccessLog(nextDay), counting)).toBe(1)
    expect(await countDownloads(parseAccessLog(nextDay), counting)).toBe(0)
    expect(await downloadsOn('2026-12-01')).toBe(1)
    expect(await downloadsOn('2026-11-30')).toBe(3)
  })

  it('keeps no address: a listener record holds a salted key, bytes, a flag and its expiry; counts hold only counts', async () => {
    const salts = await env.services.clients.dynamo.send(
      new QueryCommand({ TableName: env.config.tables.counters, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'SALT#2026-11-30' } }),
    )
    expect(salts.Items).toHaveLength(1)
    // The salt goes with its listeners two days after the day (TTL).
    expect(salts.Items![0]!.expiresAt).toBe(Date.parse('2026-12-03T00:00:00Z') / 1000)
    const hash = listenerHash(Buffer.from(String(salts.Items![0]!.salt), 'base64'), '2001:db8:1:2::/64', chrome, `akershus/${episodeId}`)
    const listener = await env.services.clients.dynamo.send(
      new QueryCommand({ TableName: env.config.tables.counters, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': listenerPk('2026-11-30', hash) } }),
    )
    expect(listener.Items).toEqual([{ PK: listenerPk('2026-11-30', hash), SK: stateSk, bytes: 2 * 1_048_576 + 6_000_000, counted: true, expiresAt: Date.parse('2026-12-03T00:00:00Z') / 1000 }])
    const stored = JSON.stringify([listener.Items, await env.services.analytics.read('akershus', '2026-11-30', '2026-12-01')])
    for (const address of ['198.51.100.7', '2001:db8', '203.0.113', 'AppleCoreMedia', 'Chrome']) expect(stored).not.toContain(address)
  })
})

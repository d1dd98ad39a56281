import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchPartnerFeed, type FetchLimits } from '../../../functions/events/partner-feed-fetch.ts'

/** A partner's feed fetched within limits (issue 13), against a real server on loopback (allowed only as the local runner allows it). */
let server: Server
let base: string
const feed = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n'
const local: FetchLimits = { maxBytes: 2 * 1024 * 1024, timeoutMs: 2_000, allowLoopback: true }

beforeAll(async () => {
  server = createServer((request, response) => {
    switch (request.url) {
      case '/feed.ics':
        return response.end(feed)
      case '/huge.ics': {
        // 3 MB in chunks, no Content-Length: the cut-off must come from counting.
        let sent = 0
        const more = () => {
          while (sent < 3 * 1024 * 1024) {
            sent += 64 * 1024
            if (!response.write('X'.repeat(64 * 1024))) return response.once('drain', more)
          }
          response.end()
        }
        return more()
      }
      case '/declared-huge.ics':
        response.writeHead(200, { 'content-length': String(5 * 1024 * 1024) })
        return response.write('BEGIN:VCALENDAR')
      case '/slow.ics':
        return setTimeout(() => response.end(feed), 1_500)
      case '/to-http':
        response.writeHead(302, { location: 'http://example.com/feed.ics' })
        return response.end()
      case '/missing.ics':
        response.writeHead(404)
        return response.end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('fetching a partner feed', () => {
  it('reads a feed on loopback when the local runner allows it', async () => {
    expect(await fetchPartnerFeed(`${base}/feed.ics`, local)).toBe(feed)
  })

  it('refuses http and loopback or private addresses when not allowed, as in AWS', async () => {
    const aws: FetchLimits = { maxBytes: 1024, timeoutMs: 1_000 }
    await expect(fetchPartnerFeed(`${base}/feed.ics`, aws)).rejects.toMatchObject({ problem: 'not-https' })
    await expect(fetchPartnerFeed('https://127.0.0.1/feed.ics', aws)).rejects.toMatchObject({ problem: 'refused-address' })
    await expect(fetchPartnerFeed('https://169.254.169.254/latest/meta-data', aws)).rejects.toMatchObject({ problem: 'refused-address' })
    await expect(fetchPartnerFeed('https://[::1]/feed.ics', aws)).rejects.toMatchObject({ problem: 'refused-address' })
    await expect(fetchPartnerFeed('https://localhost/feed.ics', aws)).rejects.toMatchObject({ problem: 'refused-address' })
    // Loopback allowed locally is still only loopback.
    await expect(fetchPartnerFeed('https://10.0.0.1/feed.ics', local)).rejects.toMatchObject({ problem: 'refused-address' })
  })

  it('cuts off a feed larger than the limit, counted or declared', async () => {
    await expect(fetchPartnerFeed(`${base}/huge.ics`, local)).rejects.toMatchObject({ problem: 'too-large' })
    await expect(fetchPartnerFeed(`${base}/declared-huge.ics`, local)).rejects.toMatchObject({ problem: 'too-large' })
  })

  it('gives up on a slow feed at the time limit', async () => {
    const started = Date.now()
    await expect(fetchPartnerFeed(`${base}/slow.ics`, { ...local, timeoutMs: 300 })).rejects.toMatchObject({ problem: 'too-slow' })
    expect(Date.now() - started).toBeLessThan(1_200)
  })

  it('follows no redirect to http, and reports an error status', async () => {
    await expect(fetchPartnerFeed(`${base}/to-http`, local)).rejects.toMatchObject({ problem: 'not-https' })
    await expect(fetchPartnerFeed(`${base}/missing.ics`, local)).rejects.toMatchObject({ problem: 'http-error' })
  })
})

import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { rateLimit } from '../../../functions/shared/rate-limit.ts'
import { forwardViewerAddress } from '../../../infra/local/viewer-address.ts'

/** The limiter alone, on a clock the test moves (issue 15). */
function limited(options: { limit: number; maxKeys?: number }) {
  let now = 1_000_000
  const app = new Hono()
  app.post('/form', rateLimit({ ...options, windowMs: 60_000, now: () => now, refuse: (c) => c.text('For mange forsøk', 429) }), (c) => c.text('ok'))
  const post = (address?: string) => app.request('/form', { method: 'POST', headers: address ? { 'x-forwarded-for': address } : {} })
  return { post, advance: (ms: number) => (now += ms) }
}

describe('rateLimit', () => {
  it('lets `limit` requests through per window and answers the next with 429, Retry-After and no-store', async () => {
    const { post, advance } = limited({ limit: 3 })
    for (let n = 0; n < 3; n++) expect((await post('203.0.113.7')).status).toBe(200)
    advance(15_000)
    const refused = await post('203.0.113.7')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('45')
    expect(refused.headers.get('cache-control')).toBe('no-store')
    // Another address has its own window.
    expect((await post('198.51.100.1')).status).toBe(200)
    advance(45_000)
    expect((await post('203.0.113.7')).status).toBe(200)
  })

  it('counts by the address the edge saw, so a forged first X-Forwarded-For entry cannot dodge the limit, and does not limit an unknown caller', async () => {
    const { post } = limited({ limit: 1 })
    expect((await post()).status).toBe(200)
    expect((await post()).status).toBe(200)
    const app = new Hono()
    app.post('/f', rateLimit({ limit: 1, windowMs: 60_000, refuse: (c) => c.text('nei', 429) }), (c) => c.text('ok'))
    const send = (headers: Record<string, string>) => app.request('/f', { method: 'POST', headers })
    // Behind CloudFront: its function's x-viewer-address, whatever the client put first in X-Forwarded-For.
    expect((await send({ 'x-viewer-address': '203.0.113.7', 'x-forwarded-for': '10.0.0.1, 130.176.0.1' })).status).toBe(200)
    expect((await send({ 'x-viewer-address': '203.0.113.7', 'x-forwarded-for': '10.0.0.2, 130.176.0.1' })).status).toBe(429)
    expect((await send({ 'x-viewer-address': '203.0.113.8', 'x-forwarded-for': '10.0.0.2, 130.176.0.1' })).status).toBe(200)
    // A forged CloudFront-Viewer-Address is just another header a client can send: not trusted either.
    expect((await send({ 'x-viewer-address': '203.0.113.7', 'cloudfront-viewer-address': '10.0.0.3:443' })).status).toBe(429)
    // No edge header: the entry the nearest proxy appended (the last), never the client's own first ones.
    for (const forged of ['10.0.0.4', '10.0.0.5', '10.0.0.6, 10.0.0.7']) {
      const answer = await send({ 'x-forwarded-for': `${forged}, 198.51.100.2` })
      expect(answer.status).toBe(forged === '10.0.0.4' ? 200 : 429)
    }
  })

  it('counts a socket peer’s requests under the local router together, however each forges X-Forwarded-For', async () => {
    const app = new Hono()
    app.use(forwardViewerAddress())
    app.post('/f', rateLimit({ limit: 2, windowMs: 60_000, refuse: (c) => c.text('nei', 429) }), (c) => c.text('ok'))
    const socket = { incoming: { socket: { remoteAddress: '192.0.2.44', remotePort: 50_000, remoteFamily: 'IPv4' } } }
    const statuses = []
    for (const forged of ['10.0.0.1', '10.0.0.2', '10.0.0.3'])
      statuses.push((await app.request('/f', { method: 'POST', headers: { 'x-forwarded-for': forged, 'x-viewer-address': forged } }, socket)).status)
    expect(statuses).toEqual([200, 200, 429])
  })

  it('keeps at most maxKeys windows, forgetting the oldest', async () => {
    const { post } = limited({ limit: 1, maxKeys: 2 })
    for (const address of ['a', 'b', 'c']) expect((await post(address)).status).toBe(200)
    // 'a' was forgotten to make room for 'c', so it starts afresh; 'c' is still counted.
    expect((await post('a')).status).toBe(200)
    expect((await post('c')).status).toBe(429)
  })
})

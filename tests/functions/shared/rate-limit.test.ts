import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { rateLimit } from '../../../functions/shared/rate-limit.ts'

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

  it('counts by CloudFront-Viewer-Address (port dropped) before X-Forwarded-For, and does not limit an unknown caller', async () => {
    const { post } = limited({ limit: 1 })
    expect((await post()).status).toBe(200)
    expect((await post()).status).toBe(200)
    const app = new Hono()
    app.post('/f', rateLimit({ limit: 1, windowMs: 60_000, refuse: (c) => c.text('nei', 429) }), (c) => c.text('ok'))
    const from = (viewer: string, forwarded: string) => app.request('/f', { method: 'POST', headers: { 'cloudfront-viewer-address': viewer, 'x-forwarded-for': forwarded } })
    expect((await from('203.0.113.7:50000', '10.0.0.1')).status).toBe(200)
    expect((await from('203.0.113.7:50001', '10.0.0.2')).status).toBe(429)
  })

  it('keeps at most maxKeys windows, forgetting the oldest', async () => {
    const { post } = limited({ limit: 1, maxKeys: 2 })
    for (const address of ['a', 'b', 'c']) expect((await post(address)).status).toBe(200)
    // 'a' was forgotten to make room for 'c', so it starts afresh; 'c' is still counted.
    expect((await post('a')).status).toBe(200)
    expect((await post('c')).status).toBe(429)
  })
})

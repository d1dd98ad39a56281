import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { forwardViewerAddress } from '../../../infra/local/viewer-address.ts'

/** The local router's stand-in for CloudFront's X-Forwarded-For (issue 15's rate limits count by it). */
describe('forwardViewerAddress', () => {
  const app = new Hono()
  app.use(forwardViewerAddress())
  app.get('/', (c) => c.text(c.req.header('x-forwarded-for') ?? '(none)'))
  app.get('/viewer', (c) => c.text(c.req.header('x-viewer-address') ?? '(none)'))
  const socket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress, remotePort: 50_000, remoteFamily: 'IPv4' } } })

  it('adds the socket peer, after what the client sent, as CloudFront does', async () => {
    expect(await (await app.request('/', {}, socket('203.0.113.9'))).text()).toBe('203.0.113.9')
    expect(await (await app.request('/', { headers: { 'x-forwarded-for': '10.0.0.1' } }, socket('203.0.113.9'))).text()).toBe('10.0.0.1, 203.0.113.9')
  })

  it('names the socket peer as the viewer, over any x-viewer-address the client sent, as the edge function does', async () => {
    expect(await (await app.request('/viewer', { headers: { 'x-viewer-address': '10.0.0.1' } }, socket('203.0.113.9'))).text()).toBe('203.0.113.9')
  })

  it('adds nothing without a socket (in-process requests), and names no viewer', async () => {
    expect(await (await app.request('/')).text()).toBe('(none)')
    expect(await (await app.request('/viewer', { headers: { 'x-viewer-address': '10.0.0.1' } })).text()).toBe('(none)')
  })
})

import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { listenEarly } from '../../../infra/local/listen.ts'

describe('a local origin bound before its app is built', () => {
  it('holds an OS-picked port from the start, answers 503 while starting, then serves the app', async () => {
    const listener = await listenEarly(0, 'the site')
    try {
      expect(listener.port).toBeGreaterThan(0)
      // Nobody else can take the port while the seed and the web build run: it is already bound.
      const taker = createServer()
      const taken = await new Promise<NodeJS.ErrnoException>((resolve) => taker.once('error', resolve).listen(listener.port, '127.0.0.1'))
      expect(taken.code).toBe('EADDRINUSE')

      const starting = await fetch(listener.url)
      expect(starting.status).toBe(503)
      expect(starting.headers.get('retry-after')).toBe('2')
      expect(await starting.text()).toContain('starter')

      listener.serve(() => new Response('ready'))
      expect(await (await fetch(listener.url)).text()).toBe('ready')
    } finally {
      await listener.close()
    }
  })
})

import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { portProblem } from './emulators.ts'

/** What @hono/node-server's serve calls: a Hono app's fetch. */
type Fetch = Parameters<typeof serve>[0]['fetch']

/** A loopback server bound before its app exists: it answers 503 until `serve` hands it the app. */
export interface EarlyListener {
  port: number
  url: string
  serve(fetch: Fetch): void
  close(): Promise<void>
}

/**
 * Binds the port first and builds the app after. A port chosen early and bound only once the seed and the web build
 * are done (tens of seconds) can be taken meanwhile by any process's outgoing connection or server, which is how a
 * browser test once failed with EADDRINUSE; port 0 lets the OS pick one as it binds.
 */
export async function listenEarly(port: number, what: string): Promise<EarlyListener> {
  let app: Fetch | undefined
  const starting = () =>
    new Response('Kompetansebroen starter. Prøv igjen om litt.', { status: 503, headers: { 'retry-after': '2', 'content-type': 'text/plain; charset=utf-8' } })
  const server = await new Promise<ServerType>((resolve, reject) => {
    const started: ServerType = serve({ fetch: (request, env) => (app ? app(request, env) : starting()), port, hostname: '127.0.0.1' }, () =>
      resolve(started),
    )
    started.once('error', (error: NodeJS.ErrnoException) => reject(portProblem(port, what, error)))
  })
  const bound = (server.address() as AddressInfo).port
  let closed: Promise<void> | undefined
  return {
    port: bound,
    url: `http://127.0.0.1:${bound}`,
    serve(fetch) {
      app = fetch
    },
    close: () => (closed ??= new Promise((resolve) => server.close(() => resolve()))),
  }
}

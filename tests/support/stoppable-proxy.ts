import { createServer, connect, type Server, type Socket } from 'node:net'
import { freePort } from '../../infra/local/emulators.ts'

/**
 * An emulator "stopped" under a running system (issue 15's faults): a loopback proxy in front of it that refuses and
 * cuts connections as a stopped emulator or an unreachable endpoint would, and then comes back on the same port.
 */
export async function stoppableProxy(target: string) {
  const { hostname, port: targetPort } = new URL(target)
  const port = await freePort()
  const sockets = new Set<Socket>()
  let server: Server | undefined
  const start = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(targetPort), hostname)
        for (const socket of [client, upstream]) {
          sockets.add(socket)
          socket.on('close', () => sockets.delete(socket))
          socket.on('error', () => socket.destroy())
        }
        client.pipe(upstream).pipe(client)
      }).listen(port, '127.0.0.1', resolve)
    })
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy()
      if (!server?.listening) return resolve()
      server.close(() => resolve())
    })
  await start()
  return { endpoint: `http://127.0.0.1:${port}`, start, stop }
}
export type StoppableProxy = Awaited<ReturnType<typeof stoppableProxy>>

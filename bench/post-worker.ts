import { Agent, request } from 'node:http'
import { createInterface } from 'node:readline'
import { runPosts, type PostJob } from './posts.ts'

/**
 * The form-post load generator, in a process of its own like load-worker.ts (in the server's process it would take
 * the CPU it measures). One job per line on stdin, one answer per line on stdout. Plain node:http with keep-alive:
 * `application/x-www-form-urlencoded`, as a browser's form sends; a 303 is the expected answer. Loopback only.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 64 })

function post(origin: string, path: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, origin), { method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.setTimeout(30_000, () => req.destroy(new Error(`POST ${path} timed out`)))
    req.on('error', reject)
    req.end(body)
  })
}

for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue
  const job = JSON.parse(line) as PostJob
  if (new URL(job.origin).hostname !== '127.0.0.1') throw new Error(`load only against loopback, not ${job.origin}`)
  const answer = await runPosts(job, (one) => post(job.origin, one.path, one.body), 303)
  process.stdout.write(`${JSON.stringify(answer)}\n`)
}

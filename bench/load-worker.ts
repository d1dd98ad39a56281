import autocannon, { type Result } from 'autocannon'
import { createInterface } from 'node:readline'

/**
 * The load generator, in a process of its own (in the server's process it would take the event loop and CPU
 * it is measuring). Reads one job per line on stdin — `{ url, connections, duration, headers, paths }` — and answers
 * one line of JSON per job with every 2xx latency (ms, from autocannon's per-response hrtime), so the parent
 * can merge interleaved rounds into exact percentiles.
 */
export interface LoadJob {
  url: string
  connections: number
  duration: number
  headers?: Record<string, string>
  /** GETs of these paths on `url`'s origin, each connection taking them in turn: a mix of pages instead of one. */
  paths?: string[]
}

export interface LoadAnswer {
  seconds: number
  responses: number
  non2xx: number
  errors: number
  latencies: number[]
  /** How many answers of each non-2xx status, so a failed run says what failed. */
  statuses?: Record<string, number>
}

const lines = createInterface({ input: process.stdin })
for await (const line of lines) {
  if (!line.trim()) continue
  const job = JSON.parse(line) as LoadJob
  if (new URL(job.url).hostname !== '127.0.0.1') throw new Error(`load only against loopback, not ${job.url}`)
  const latencies: number[] = []
  let non2xx = 0
  const statuses: Record<string, number> = {}
  const started = performance.now()
  const result = await new Promise<Result>((resolve, reject) => {
    const requests = job.paths?.map((path) => ({ method: 'GET', path }))
    const instance = autocannon({ url: job.url, connections: job.connections, duration: job.duration, headers: job.headers, requests }, (error, done) =>
      error ? reject(error) : resolve(done),
    )
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(Math.round(responseTime * 100) / 100)
      else {
        non2xx++
        statuses[statusCode] = (statuses[statusCode] ?? 0) + 1
      }
    })
  })
  const answer: LoadAnswer = {
    seconds: (performance.now() - started) / 1000,
    responses: latencies.length + non2xx,
    non2xx,
    errors: result.errors + result.timeouts,
    latencies,
    statuses,
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`)
}

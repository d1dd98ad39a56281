import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { cpuSince, cpuSnapshot, javaChildren, processCpuMs, type CpuSnapshot } from './cpu.ts'
import type { LoadAnswer, LoadJob } from './load-worker.ts'
import type { BenchPage, PageKey } from './pages.ts'
import { extremes, percentile } from './stats.ts'

export interface LoadOptions {
  connections: number
  /** Seconds measured per target, split over `rounds`. */
  duration: number
  /** Seconds of load per target before measuring, thrown away (JIT, sockets, caches). */
  warmup: number
  /** The measured seconds are taken in this many turns, the targets of a page taking turns (see below). */
  rounds: number
  /**
   * At most this many seconds of warm-up per page before anything is measured. DynamoDB Local's JVM (and
   * Node's JIT) keep getting faster for 15–40 s of new query shapes, which would favour whatever runs last;
   * the warm-up goes on, in cycles of bare, app and router, until the bare route stops getting faster.
   */
  prewarm: number
}

export interface LoadResult {
  url: string
  requestsPerSecond: number
  p50: number
  p90: number
  p99: number
  mean: number
  max: number
  responses: number
  seconds: number
  /** requests/s of each round: how steady the machine was. */
  roundRates: number[]
  /**
   * CPU ms per response: this process (the servers), DynamoDB Local's JVM, and the load generator. Steadier
   * than requests/s when other work shares the machine.
   */
  cpuPerRequest?: { server: number; dynamodb?: number; loadGenerator?: number }
  /**
   * Share of the machine's CPU capacity (all cores) that processes other than the server, DynamoDB Local
   * and the load generator used while this target was measured: above a few percent, something else was
   * running and the figures are pessimistic.
   */
  othersCpuShare?: number
}

/** One measured round: the load generator's answer and the CPU each process spent meanwhile. */
export interface Round extends LoadAnswer {
  cpu?: CpuSnapshot & { loadGenerator?: number }
}

export type Target = 'router' | 'app' | 'bare' | 'static'

export const targetLabels: Record<Target, string> = {
  router: 'site through the local router, gzip (what a browser gets)',
  app: "site's Hono app alone (what the Lambda runs)",
  bare: 'bare: same DynamoDB requests, JSON',
  static: 'static: same HTML bytes from memory',
}

/** The load generator: one child process for the whole phase, fed one job at a time. */
export class LoadGenerator {
  private readonly child: ChildProcessWithoutNullStreams
  private readonly answers: AsyncIterator<string>
  private stderr = ''
  readonly pid: number | undefined

  constructor() {
    const worker = fileURLToPath(new URL('./load-worker.ts', import.meta.url))
    this.child = spawn(process.execPath, ['--import', 'tsx', worker], { stdio: ['pipe', 'pipe', 'pipe'] })
    this.child.stderr.on('data', (chunk) => (this.stderr = (this.stderr + chunk).slice(-2000)))
    this.answers = createInterface({ input: this.child.stdout })[Symbol.asyncIterator]()
    this.pid = this.child.pid
  }

  /** One job's answer; any error or non-2xx answer throws, unless `failures: 'count'` (the load phase reports them). */
  async run(job: LoadJob, failures: 'throw' | 'count' = 'throw'): Promise<LoadAnswer> {
    if (new URL(job.url).hostname !== '127.0.0.1') throw new Error(`load only against loopback, not ${job.url}`)
    this.child.stdin.write(`${JSON.stringify(job)}\n`)
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`load on ${job.url} did not finish: ${this.stderr}`)), (job.duration + 30) * 1000).unref())
    const next = await Promise.race([this.answers.next(), timeout])
    if (next.done) throw new Error(`the load generator stopped: ${this.stderr.trim().slice(-800)}`)
    const answer = JSON.parse(next.value) as LoadAnswer
    if (failures === 'throw' && (answer.errors > 0 || answer.non2xx > 0)) throw new Error(`${job.url}: ${answer.errors} errors/timeouts and ${answer.non2xx} non-2xx answers`)
    if (answer.responses === 0) throw new Error(`no responses from ${job.url}`)
    return answer
  }

  stop() {
    this.child.stdin.end()
    this.child.kill()
  }
}

/** Warm once the last three 2 s samples of the bare route are no more than 5 % above the best before them. */
export function warmedUp(rates: readonly number[]): boolean {
  if (rates.length < 4) return false
  const best = Math.max(...rates.slice(0, -3))
  return rates.slice(-3).every((rate) => rate <= best * 1.05)
}

/** Merges a target's measured rounds into one result: requests over measured seconds, exact percentiles. */
export function mergeRounds(url: string, rounds: Round[], cores = availableParallelism()): LoadResult {
  const latencies = rounds.flatMap((round) => round.latencies)
  const seconds = rounds.reduce((sum, round) => sum + round.seconds, 0)
  const responses = rounds.reduce((sum, round) => sum + round.responses, 0)
  const cpu = (pick: (round: Round) => number | undefined) => {
    const values = rounds.map(pick)
    return values.every((value) => value !== undefined) ? values.reduce((sum, value) => sum! + value!, 0)! / responses : undefined
  }
  const server = cpu((round) => round.cpu?.server)
  const others = cpu((round) =>
    round.cpu?.machine === undefined || round.cpu.dynamodb === undefined || round.cpu.loadGenerator === undefined
      ? undefined
      : round.cpu.machine - round.cpu.server - round.cpu.dynamodb - round.cpu.loadGenerator,
  )
  return {
    url,
    requestsPerSecond: responses / seconds,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    mean: latencies.reduce((sum, value) => sum + value, 0) / latencies.length,
    max: extremes(latencies).max,
    responses,
    seconds,
    roundRates: rounds.map((round) => round.responses / round.seconds),
    ...(server !== undefined
      ? { cpuPerRequest: { server, dynamodb: cpu((round) => round.cpu?.dynamodb), loadGenerator: cpu((round) => round.cpu?.loadGenerator) } }
      : {}),
    ...(others !== undefined ? { othersCpuShare: Math.max(0, (others * responses) / (seconds * 1000 * cores)) } : {}),
  }
}

/**
 * Every page against every target. One load at a time (never two on two cores); the bare route, the site
 * app and the router take turns in short rounds, the order rotating each round, so a change in what else
 * the machine is doing falls on all three alike and their ratios stay fair. The static ceiling is context
 * only and steady from the first second, so it gets one short run.
 */
export async function measureThroughput(
  pages: BenchPage[],
  urls: { router: string; app: string; baseline: string },
  options: LoadOptions,
  log: (line: string) => void,
): Promise<Record<PageKey, Record<Target, LoadResult>>> {
  const generator = new LoadGenerator()
  const jvm = javaChildren()
  /** Runs one measured round and notes the CPU every process spent on it. */
  const measured = async (job: LoadJob): Promise<Round> => {
    const before = { ...cpuSnapshot(jvm), loadGenerator: generator.pid ? processCpuMs(generator.pid) : undefined }
    const answer = await generator.run(job)
    const after = { ...cpuSnapshot(jvm), loadGenerator: generator.pid ? processCpuMs(generator.pid) : undefined }
    const loadGenerator = before.loadGenerator !== undefined && after.loadGenerator !== undefined ? after.loadGenerator - before.loadGenerator : undefined
    return { ...answer, cpu: { ...cpuSince(before, after), loadGenerator } }
  }
  const result = {} as Record<PageKey, Record<Target, LoadResult>>
  try {
    for (const page of pages) {
      const warmStarted = performance.now()
      const rates: number[] = []
      for (;;) {
        const bare = await generator.run({ url: urls.baseline + page.barePath, connections: options.connections, duration: 2 })
        await generator.run({ url: urls.app + page.path, connections: options.connections, duration: 1 })
        await generator.run({ url: urls.router + page.path, connections: options.connections, duration: 1, headers: { 'accept-encoding': 'gzip' } })
        rates.push(bare.responses / bare.seconds)
        if (warmedUp(rates) || performance.now() - warmStarted > options.prewarm * 1000) break
      }
      log(`  ${page.key}: warmed up in ${((performance.now() - warmStarted) / 1000).toFixed(0)} s (bare ${rates.map((rate) => rate.toFixed(0)).join(', ')} req/s)`)
    }
    for (const page of pages) {
      const jobs: Record<Target, Omit<LoadJob, 'duration'>> = {
        bare: { url: urls.baseline + page.barePath, connections: options.connections },
        app: { url: urls.app + page.path, connections: options.connections },
        router: { url: urls.router + page.path, connections: options.connections, headers: { 'accept-encoding': 'gzip' } },
        static: { url: `${urls.baseline}/static/${page.key}`, connections: options.connections },
      }
      const turns: Target[] = ['bare', 'app', 'router']
      for (const target of turns) await generator.run({ ...jobs[target], duration: options.warmup })
      const rounds: Record<Target, Round[]> = { bare: [], app: [], router: [], static: [] }
      const roundSeconds = Math.max(1, Math.round(options.duration / options.rounds))
      for (let round = 0; round < options.rounds; round++) {
        for (let turn = 0; turn < turns.length; turn++) {
          const target = turns[(round + turn) % turns.length]!
          rounds[target].push(await measured({ ...jobs[target], duration: roundSeconds }))
        }
      }
      await generator.run({ ...jobs.static, duration: 1 })
      rounds.static.push(await measured({ ...jobs.static, duration: Math.min(4, options.duration) }))
      const byTarget = Object.fromEntries(
        (Object.keys(rounds) as Target[]).map((target) => [target, mergeRounds(jobs[target].url, rounds[target])]),
      ) as Record<Target, LoadResult>
      for (const target of Object.keys(byTarget) as Target[]) {
        const { requestsPerSecond, roundRates, p50, p99, cpuPerRequest: cpu } = byTarget[target]
        log(
          `  ${page.key} ${target}: ${requestsPerSecond.toFixed(0)} req/s (rounds ${roundRates.map((rate) => rate.toFixed(0)).join(', ')}), p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms` +
            (cpu ? `, CPU/request: server ${cpu.server.toFixed(2)} ms, DynamoDB Local ${cpu.dynamodb?.toFixed(2) ?? '?'} ms, load generator ${cpu.loadGenerator?.toFixed(2) ?? '?'} ms` : '') +
            (byTarget[target].othersCpuShare !== undefined ? `, other processes ${(byTarget[target].othersCpuShare! * 100).toFixed(1)} % of the machine` : ''),
        )
      }
      result[page.key] = byTarget
    }
  } finally {
    generator.stop()
  }
  return result
}

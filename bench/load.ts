import { podcastFeedPath } from '../functions/content/paths.ts'
import type { Services } from '../functions/services.ts'
import type { BenchPage } from './pages.ts'
import { cpuSince, cpuSnapshot, javaChildren } from './cpu.ts'
import { LoadGenerator, mergeRounds, type LoadResult } from './throughput.ts'

/**
 * Issue 15's load figure: the local stack (the router, as `npm start` serves it) under a steady crowd of readers
 * asking for a mix of pages, for a minute. Not a target to tune against but a proof: every answer 2xx, nothing
 * refused or timed out, and the latency a reader would feel when 50 others ask at the same time.
 */
export interface LoadOptions {
  connections: number
  /** Seconds measured. */
  duration: number
  /** Seconds of the same mix before measuring, thrown away (JIT, sockets, caches). */
  warmup: number
}

export interface MixedLoadResult extends LoadResult {
  paths: string[]
  connections: number
  non2xx: number
  /** Connection errors and timeouts (autocannon's 10 s). */
  errors: number
  /** Non-2xx answers by status, to say what went wrong when something did. */
  statuses: Record<string, number>
}

/**
 * The mix: the bench's home, listing and item, an edition's front page, a search, and a podcast series' feed (what
 * podcast apps poll). Each connection takes them in turn, so each gets about a sixth of the load.
 */
export async function mixedPaths(services: Services, pages: BenchPage[], region = 'innlandet'): Promise<string[]> {
  const series = (await services.content.listEdition(region, { type: 'podkast', limit: 1 })).items[0]
  if (!series) throw new Error(`the demo seed has no podcast series in ${region}; cannot load its feed`)
  return [...pages.map((page) => page.path), `/${region}`, `/${region}/sok?q=demens`, podcastFeedPath(series)]
}

export async function measureMixedLoad(routerUrl: string, paths: string[], options: LoadOptions, log: (line: string) => void): Promise<MixedLoadResult> {
  // Every path must answer 200 alone first: a load of 404s would measure nothing.
  for (const path of paths) {
    const response = await fetch(routerUrl + path)
    await response.arrayBuffer()
    if (response.status !== 200) throw new Error(`${path} answered ${response.status} before the load`)
  }
  const generator = new LoadGenerator()
  const job = { url: routerUrl, paths, connections: options.connections, headers: { 'accept-encoding': 'gzip' } }
  try {
    await generator.run({ ...job, duration: options.warmup }, 'count')
    const jvm = javaChildren()
    const before = cpuSnapshot(jvm)
    const answer = await generator.run({ ...job, duration: options.duration }, 'count')
    const cpu = cpuSince(before, cpuSnapshot(jvm))
    if (answer.latencies.length === 0) throw new Error(`no 2xx answers in ${options.duration} s (${answer.errors} errors, ${answer.non2xx} non-2xx)`)
    const result = { ...mergeRounds(routerUrl, [{ ...answer, cpu }]), paths, connections: options.connections, non2xx: answer.non2xx, errors: answer.errors, statuses: answer.statuses ?? {} }
    log(
      `  load: ${result.requestsPerSecond.toFixed(0)} req/s over ${result.seconds.toFixed(0)} s at ${options.connections} connections, p50 ${result.p50.toFixed(1)} ms, ` +
        `p99 ${result.p99.toFixed(1)} ms, ${result.non2xx} non-2xx ${JSON.stringify(result.statuses)}, ${result.errors} errors/timeouts`,
    )
    return result
  } finally {
    generator.stop()
  }
}

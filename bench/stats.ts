/** Small, pure number helpers for the benchmark; unit-tested in tests/bench. */

/**
 * The p-th percentile (0–100) by the nearest-rank method: the smallest sample with at least p % of the
 * samples at or below it. Nearest rank never invents a value between two samples, so p99 of 200 samples is
 * the 198th smallest, a time that really happened.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples')
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile must be 0–100, got ${p}`)
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1]!
}

/** The middle sample; the mean of the two middle ones for an even count. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples')
  const sorted = [...samples].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * Smallest and largest sample by a loop: `Math.max(...samples)` passes every sample as an argument and overflows
 * the call stack somewhere above ~100,000 of them, which a fast machine's load test easily records.
 */
export function extremes(samples: Iterable<number>): { min: number; max: number } {
  let min = Infinity
  let max = -Infinity
  for (const sample of samples) {
    if (sample < min) min = sample
    if (sample > max) max = sample
  }
  return { min, max }
}

/** p50 and p99 of a set of latencies, in the samples' unit. */
export function latencySummary(samples: readonly number[]): { n: number; p50: number; p99: number; min: number; max: number } {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    ...extremes(samples),
  }
}

/** value / baseline, or undefined when either is missing or the baseline is zero. */
export function ratio(value: number | undefined, baseline: number | undefined): number | undefined {
  if (value === undefined || baseline === undefined || !Number.isFinite(value) || !Number.isFinite(baseline) || baseline === 0) return undefined
  return value / baseline
}

/** Times an async function in milliseconds (monotonic clock). */
export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now()
  const value = await run()
  return { ms: performance.now() - started, value }
}

/** Runs `task` for each input with at most `limit` in flight; results keep the inputs' order. */
export async function mapLimited<T, R>(inputs: readonly T[], limit: number, task: (input: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(inputs.length)
  let next = 0
  const worker = async () => {
    while (next < inputs.length) {
      const index = next++
      results[index] = await task(inputs[index]!, index)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, inputs.length)) }, worker))
  return results
}

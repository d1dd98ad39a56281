import { describe, expect, it } from 'vitest'
import { mergeRounds, warmedUp } from '../../bench/throughput.ts'

describe('mergeRounds', () => {
  it('counts responses over the measured seconds and takes percentiles over every latency of every round', () => {
    const merged = mergeRounds('http://127.0.0.1/x', [
      { seconds: 2, responses: 4, non2xx: 0, errors: 0, latencies: [1, 2, 3, 4] },
      { seconds: 2, responses: 6, non2xx: 0, errors: 0, latencies: [5, 6, 7, 8, 9, 100] },
    ])
    expect(merged.requestsPerSecond).toBe(2.5)
    expect(merged.roundRates).toEqual([2, 3])
    expect(merged.p50).toBe(5)
    expect(merged.p99).toBe(100)
    expect(merged.max).toBe(100)
    expect(merged.mean).toBeCloseTo(14.5)
  })

  it('merges a fast machine’s million latencies without overflowing the call stack', () => {
    // Four 2 s rounds at ~130,000 req/s each: what a quiet machine's static target records.
    const round = (offset: number) => ({ seconds: 2, responses: 250_000, non2xx: 0, errors: 0, latencies: Array.from({ length: 250_000 }, (_, index) => ((index * 7919 + offset) % 1000) / 10) })
    const rounds = [round(0), round(1), round(2), round(3)]
    rounds[2]!.latencies[123_456] = 250
    const merged = mergeRounds('http://127.0.0.1/x', rounds)
    expect(merged.responses).toBe(1_000_000)
    expect(merged.max).toBe(250)
    expect(merged.p50).toBeCloseTo(50, 0)
  })
})

describe('warmedUp', () => {
  it('waits for at least four samples', () => {
    expect(warmedUp([300, 300, 300])).toBe(false)
  })

  it('goes on while the rate still climbs, and stops once three samples in a row do not beat the best before them by 5 %', () => {
    expect(warmedUp([100, 150, 200, 250])).toBe(false)
    expect(warmedUp([100, 150, 200, 250, 260, 255])).toBe(false) // 250 is still more than 5 % above 200
    expect(warmedUp([100, 150, 200, 250, 260, 255, 258])).toBe(true)
    expect(warmedUp([300, 240, 310, 290])).toBe(true)
  })
})

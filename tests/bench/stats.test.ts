import { describe, expect, it } from 'vitest'
import { extremes, latencySummary, mapLimited, median, percentile, ratio } from '../../bench/stats.ts'

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, index) => 100 - index) // 100 … 1, unsorted on purpose

  it('returns samples that really happened, whatever the input order', () => {
    expect(percentile(hundred, 50)).toBe(50)
    expect(percentile(hundred, 99)).toBe(99)
    expect(percentile(hundred, 100)).toBe(100)
    expect(percentile(hundred, 0)).toBe(1)
  })

  it('takes the 198th of 200 samples as p99', () => {
    const samples = Array.from({ length: 200 }, (_, index) => index + 1)
    expect(percentile(samples, 99)).toBe(198)
  })

  it('rounds the rank up, so a few slow samples are not averaged away', () => {
    expect(percentile([1, 2, 3, 1000], 99)).toBe(1000)
    expect(percentile([5], 99)).toBe(5)
  })

  it('does not sort the caller’s array', () => {
    const samples = [3, 1, 2]
    percentile(samples, 50)
    expect(samples).toEqual([3, 1, 2])
  })

  it('refuses no samples and nonsense percentiles', () => {
    expect(() => percentile([], 50)).toThrow(/no samples/)
    expect(() => percentile([1], 101)).toThrow(/0–100/)
    expect(() => percentile([1], Number.NaN)).toThrow(/0–100/)
  })
})

describe('median', () => {
  it('is the middle sample, or the mean of the two middle ones', () => {
    expect(median([9, 1, 5])).toBe(5)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(() => median([])).toThrow()
  })
})

describe('latencySummary', () => {
  it('gives n, p50, p99, min and max', () => {
    expect(latencySummary([4, 2, 8, 6])).toEqual({ n: 4, p50: 4, p99: 8, min: 2, max: 8 })
  })
})

describe('ratio', () => {
  it('divides, and is undefined when there is nothing to divide by', () => {
    expect(ratio(300, 400)).toBe(0.75)
    expect(ratio(1, 0)).toBeUndefined()
    expect(ratio(undefined, 2)).toBeUndefined()
    expect(ratio(1, Number.NaN)).toBeUndefined()
  })
})

describe('mapLimited', () => {
  it('keeps at most `limit` tasks in flight and the results in input order', async () => {
    let inFlight = 0
    let most = 0
    const results = await mapLimited([30, 10, 20, 5, 15], 2, async (delay, index) => {
      inFlight++
      most = Math.max(most, inFlight)
      await new Promise((resolve) => setTimeout(resolve, delay))
      inFlight--
      return index * 10
    })
    expect(results).toEqual([0, 10, 20, 30, 40])
    expect(most).toBe(2)
  })

  it('rejects when a task does', async () => {
    await expect(mapLimited([1, 2], 2, async (value) => (value === 2 ? Promise.reject(new Error('boom')) : value))).rejects.toThrow('boom')
  })
})

describe('extremes', () => {
  it('finds the smallest and largest of a million samples (Math.max(...) would overflow the stack)', () => {
    const samples = Array.from({ length: 1_000_000 }, (_, index) => (index * 48271) % 999_983)
    samples[777_777] = -5
    samples[3] = 2_000_000
    expect(extremes(samples)).toEqual({ min: -5, max: 2_000_000 })
    expect(latencySummary(samples)).toMatchObject({ n: 1_000_000, min: -5, max: 2_000_000 })
  })
})

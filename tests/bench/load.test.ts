import { describe, expect, it } from 'vitest'
import type { MixedLoadResult } from '../../bench/load.ts'
import { loadRows } from '../../bench/load-rows.ts'
import type { BenchResults } from '../../bench/report.ts'
import type { Row } from '../../bench/table.ts'

const results = (load: Partial<MixedLoadResult>): BenchResults => ({
  date: '2026-12-02T07:00:00.000Z',
  machine: { cpus: [{ model: 'Test CPU', speed: 2000 }], cores: 2, memoryBytes: 8 * 2 ** 30, platform: 'linux', release: '6', node: 'v22' },
  settings: {
    connections: 10,
    durationSeconds: 8,
    warmupSeconds: 2,
    rounds: 4,
    prewarmSeconds: 40,
    initRuns: 10,
    scale: { items: 10_000, tenant: 'innlandet', concurrency: 16, calls: 200, deepPage: 50, pageSize: 20 },
    quick: false,
    load: { connections: 50, durationSeconds: 60 },
  },
  loadAverage: {},
  missing: {},
  load: {
    url: 'http://127.0.0.1:3000',
    paths: ['/', '/innlandet/artikler'],
    connections: 50,
    requestsPerSecond: 212.4,
    p50: 180,
    p90: 300,
    p99: 420,
    mean: 200,
    max: 900,
    responses: 12_744,
    seconds: 60,
    roundRates: [212.4],
    non2xx: 0,
    errors: 0,
    statuses: {},
    ...load,
  },
})
const rows = (bench: BenchResults) => loadRows(bench).filter((row): row is Row => !('section' in row))

describe('loadRows', () => {
  it('gives the mix’s rate and latency, and passes at 0 failed answers and 0 errors', () => {
    const [mix, non2xx, errors] = rows(results({}))
    expect(mix).toMatchObject({ figure: 'mix of 2: / · /innlandet/artikler', value: '212 req/s · p50 180 ms · p99 420 ms' })
    expect(non2xx).toMatchObject({ value: '0 of 12744', target: '0', ok: true })
    expect(errors).toMatchObject({ value: '0', ok: true })
    const busy = { ...results({}), loadAverage: { load: [5.2, 4, 3] } }
    expect(loadRows(busy)[0]).toEqual({ section: expect.stringMatching(/50 connections for 60 s .*; load average 5\.2 on 2 cores at the start$/) })
  })

  it('fails on any non-2xx answer, saying which, and on any error or timeout', () => {
    const [, non2xx, errors] = rows(results({ non2xx: 3, statuses: { 503: 2, 500: 1 }, errors: 1 }))
    expect(non2xx).toMatchObject({ value: '3 (1 × 500, 2 × 503) of 12744', ok: false })
    expect(errors).toMatchObject({ value: '1', ok: false })
  })

  it('says why there are no figures, and shows nothing for results from before the phase existed', () => {
    const skipped = { ...results({}), load: undefined, missing: { load: { skipped: 'not in --only' } } }
    expect(rows(skipped)).toEqual([{ figure: 'load', value: 'skipped: not in --only' }])
    const older = { ...results({}), settings: { ...results({}).settings, load: undefined } }
    expect(loadRows(older)).toEqual([])
  })
})

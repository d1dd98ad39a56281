import { describe, expect, it } from 'vitest'
import { cpuBound, lambdaTarget, reportRows, type BenchResults } from '../../bench/report.ts'
import type { Row } from '../../bench/table.ts'
import type { LoadResult } from '../../bench/throughput.ts'

const run = (requestsPerSecond: number, p50: number, p99 = p50 * 3): LoadResult => ({
  url: 'http://127.0.0.1/',
  requestsPerSecond,
  p50,
  p90: p50 * 2,
  p99,
  mean: p50,
  max: p99 * 2,
  responses: requestsPerSecond * 8,
  seconds: 8,
  roundRates: [requestsPerSecond],
})

const base = (): BenchResults => ({
  date: '2026-11-23T12:00:00.000Z',
  machine: { cpus: [{ model: 'Test CPU', speed: 2000 }], cores: 2, memoryBytes: 24 * 2 ** 30, platform: 'linux', release: '6', node: 'v20.20.2' },
  settings: {
    connections: 10,
    durationSeconds: 8,
    warmupSeconds: 2,
    rounds: 4,
    prewarmSeconds: 6,
    initRuns: 10,
    scale: { items: 10_000, tenant: 'innlandet', concurrency: 16, calls: 200, deepPage: 50, pageSize: 20 },
    quick: false,
  },
  pages: [{ key: 'home', label: 'home', path: '/', barePath: '/bare/home/nasjonal' }],
  loadAverage: {},
  missing: {},
})

const rows = (results: BenchResults) => reportRows(results).filter((row): row is Row => !('section' in row))
const find = (results: BenchResults, figure: string) => rows(results).find((row) => row.figure === figure)

describe('reportRows', () => {
  it('passes origin render only at ≥ 90 % of bare, ≥ 320 req/s and p50 ≤ 30 ms', () => {
    const results = base()
    const withOrigin = (app: LoadResult) => ({ ...results, throughput: { home: { app, router: app, bare: run(400, 18), static: run(5000, 1) } } }) as BenchResults
    expect(find(withOrigin(run(362, 25)), 'home: origin (site Hono app)')).toMatchObject({ ok: true, ratio: '0.91×', baseline: 'bare 400 req/s' })
    expect(find(withOrigin(run(355, 25)), 'home: origin (site Hono app)')?.ok).toBe(false) // under 90 % of bare
    expect(find(withOrigin(run(332, 25)), 'home: origin (site Hono app)')?.target).toBe('≥ 90 % of bare, ≥ 320 req/s, p50 ≤ 30 ms')
    expect(find(withOrigin(run(390, 31)), 'home: origin (site Hono app)')?.ok).toBe(false) // p50 too slow
    expect(find(withOrigin(run(330, 25)), 'home: origin vs stock WordPress')).toMatchObject({ ratio: '10.3×', ok: true })
    // The local router does CloudFront's work (gzip, headers) in the same thread: shown, not judged.
    const router = find(withOrigin(run(332, 25)), 'home: through the local router + gzip')
    expect(router).toMatchObject({ ratio: '0.83×', target: "context (CloudFront's work in AWS)" })
    expect(router?.ok).toBeUndefined()
  })

  it('judges DynamoDB requests, page bytes and JS against their budgets', () => {
    const results: BenchResults = {
      ...base(),
      requests: { home: { site: ['Query', 'Query', 'GetItem'], bare: ['Query', 'Query', 'GetItem'] } } as BenchResults['requests'],
      bytes: {
        home: {
          html: { url: '/', raw: 14_000, gzip: 4_000 },
          css: [{ url: '/a.css', raw: 6_000, gzip: 2_000 }],
          js: [{ url: '/a.js', raw: 30_000, gzip: 9_000 }],
          totalGzip: 15_000,
          totalRaw: 50_000,
        },
      } as BenchResults['bytes'],
    }
    expect(find(results, 'home')).toMatchObject({ value: '3 (Query, Query, GetItem)', ok: false })
    expect(find(results, 'home: HTML + CSS + JS gzip')?.ok).toBe(true)
    expect(find(results, 'home: JS gzip')).toMatchObject({ value: '8.8 KB in 1 file(s)', ok: false })
  })

  it('judges the deep listing page by its p99 against page 1', () => {
    const summary = (p50: number, p99: number) => ({ n: 200, p50, p99, min: 1, max: p99 })
    const scale = (deepP99: number): BenchResults => ({
      ...base(),
      scale: {
        options: base().settings.scale,
        seed: { items: 10_000, ms: 100_000, itemsPerSecond: 100, retries: 0 },
        store: { first: summary(4, 10), deep: summary(4, deepP99), firstSamples: [], deepSamples: [] },
        http: { first: summary(8, 20), deep: summary(8, 20), firstSamples: [], deepSamples: [], deepRequests: ['Query', 'GetItem'] },
      },
    })
    expect(find(scale(15), '`content.listEdition` page 50')).toMatchObject({ ratio: '1.50×', ok: true })
    expect(find(scale(16), '`content.listEdition` page 50')?.ok).toBe(false)
  })

  it("judges each function's bundle and init by its own target, and shows every function, with or without one", () => {
    const init = (median: number) => ({ samples: [median], median, samplesWithoutNodeOptions: [median - 10], medianWithoutNodeOptions: median - 10 })
    const bundle = (name: string, raw: number, initMs: number) => ({ name, logicalId: name, dir: '/x', runtime: 'nodejs24.x', raw, gzip: raw / 3, sourceMap: raw * 2, init: init(initMs) })
    const results: BenchResults = {
      ...base(),
      bundles: [bundle('site', 240 * 1024, 61), bundle('public-api', 260 * 1024, 50), bundle('editor-api', 590 * 1024, 110), bundle('scheduler', 400 * 1024, 90), bundle('media-worker', 900 * 1024, 200)],
    }
    expect(find(results, 'site bundle (index.mjs)')).toMatchObject({ target: '≤ 250.0 KB raw', ok: true })
    expect(find(results, 'site module init')).toMatchObject({ target: '≤ 60 ms', ok: false })
    expect(find(results, 'public-api bundle (index.mjs)')).toMatchObject({ target: '≤ 250.0 KB raw', ok: false })
    expect(find(results, 'public-api module init')?.ok).toBe(true)
    expect(find(results, 'editor-api bundle (index.mjs)')).toMatchObject({ target: '≤ 600.0 KB raw', ok: true })
    expect(find(results, 'editor-api module init')).toMatchObject({ target: '≤ 120 ms', ok: true })
    for (const name of ['scheduler', 'media-worker']) {
      expect(find(results, `${name} bundle (index.mjs)`)).toMatchObject({ target: 'no target', ok: undefined })
      expect(find(results, `${name} module init`)).toMatchObject({ target: 'no target', ok: undefined })
    }
  })

  it('says why a phase has no figures instead of leaving it out', () => {
    const results: BenchResults = { ...base(), missing: { lighthouse: { error: 'Chromium not found\nstack…' }, scale: { skipped: 'not in --only' } } }
    expect(find(results, 'Lighthouse')?.value).toBe('not measured: Chromium not found')
    expect(find(results, 'listing at scale')?.value).toBe('skipped: not in --only')
  })
})

describe('lambdaTarget', () => {
  it('finds a target by function id however the id is spelled', () => {
    expect(lambdaTarget('publicapi')).toEqual(lambdaTarget('public-api'))
    expect(lambdaTarget('Site')?.bundleBytes).toBe(250 * 1024)
    expect(lambdaTarget('media-worker')).toBeUndefined()
  })
})

describe('cpuBound', () => {
  it("is the server's one Node thread when the server's share is what runs out first", () => {
    expect(cpuBound({ server: 4, dynamodb: 3, loadGenerator: 0.25 }, 2)).toEqual({ rate: 250, by: 'Node thread' })
  })

  it("is the machine's cores when the three processes together run out first", () => {
    const { rate, by } = cpuBound({ server: 1, dynamodb: 6, loadGenerator: 1 }, 2)
    expect(by).toBe('all cores')
    expect(rate).toBe(250)
  })
})

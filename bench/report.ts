import type { InitTimes, LambdaBundle } from './bundles.ts'
import type { BuiltJs, PageBytes } from './bytes.ts'
import type { LighthouseScores } from './lighthouse.ts'
import type { BenchPage, PageKey } from './pages.ts'
import type { RequestCount } from './requests.ts'
import type { CourseBenchResult } from './courses.ts'
import { courseRows } from './course-rows.ts'
import type { MixedLoadResult } from './load.ts'
import { loadRows } from './load-rows.ts'
import type { ScaleResult } from './scale.ts'
import type { SearchBenchResult } from './search.ts'
import { searchRows } from './search-rows.ts'
import { extremes, ratio } from './stats.ts'
import { kb, ms, percent, perSecond, seconds, times, type Row, type Section } from './table.ts'
import { reference, targets } from './targets.ts'
import type { LoadResult, Target } from './throughput.ts'

export type Phase = 'synth' | 'bundles' | 'requests' | 'bytes' | 'throughput' | 'load' | 'lighthouse' | 'scale' | 'search' | 'courses'

export interface BenchResults {
  date: string
  machine: { cpus: Array<{ model: string; speed: number }>; cores: number; memoryBytes: number; platform: string; release: string; node: string }
  settings: { connections: number; durationSeconds: number; warmupSeconds: number; rounds: number; prewarmSeconds: number; initRuns: number; scale: ScaleResult['options']; quick: boolean
    /** The load phase's crowd (issue 15): `--load-connections`, `--load-duration`; absent in results from before it. */
    load?: { connections: number; durationSeconds: number }
  }
  wallSeconds?: number
  /** os.loadavg() (1, 5, 15 min) at the start and at each phase: other work on the machine skews timings. */
  loadAverage: Partial<Record<Phase | 'start', number[]>>
  pages?: BenchPage[]
  requests?: Record<PageKey, RequestCount>
  bytes?: Record<PageKey, PageBytes>
  builtJs?: BuiltJs
  throughput?: Record<PageKey, Record<Target, LoadResult>>
  load?: MixedLoadResult
  synth?: { wallMs: number }
  bundles?: Array<Omit<LambdaBundle, 'env'> & { init: InitTimes; runtimeSdk?: { raw: number; gzip: number; initSamples: number[]; initMedian: number } }>
  lighthouse?: Record<PageKey, LighthouseScores>
  scale?: ScaleResult
  courses?: CourseBenchResult
  search?: SearchBenchResult
  /** Why a phase has no figures: it failed (`error`) or was left out (`skipped`). */
  missing: Partial<Record<Phase, { error?: string; skipped?: string }>>
}

const missingRow = (results: BenchResults, phase: Phase, figure: string): Row[] => {
  const why = results.missing[phase]
  if (!why) return []
  return [{ figure, value: why.error ? `not measured: ${why.error.split('\n')[0]!.slice(0, 160)}` : `skipped: ${why.skipped}` }]
}

const latency = (run: LoadResult) => `${perSecond(run.requestsPerSecond)} · p50 ${ms(run.p50)} · p99 ${ms(run.p99)}`

function throughputRows(results: BenchResults): Array<Row | Section> {
  const rows: Array<Row | Section> = [
    {
      section: `Origin render: autocannon, ${results.settings.connections} connections, ${results.settings.durationSeconds} s per target in ${results.settings.rounds} rounds interleaved with the other targets, after warm-up`,
    },
  ]
  rows.push(...missingRow(results, 'throughput', 'origin render'))
  for (const page of results.pages ?? []) {
    const runs = results.throughput?.[page.key]
    if (!runs) continue
    const { app, router, bare, static: ceiling } = runs
    const meets = (run: LoadResult) =>
      run.requestsPerSecond >= targets.originShareOfBare * bare.requestsPerSecond &&
      run.requestsPerSecond >= targets.originRequestsPerSecond &&
      run.p50 <= targets.originP50Ms
    const target = `≥ ${percent(targets.originShareOfBare)} of bare, ≥ ${targets.originRequestsPerSecond} req/s, p50 ≤ ${targets.originP50Ms} ms`
    rows.push(
      { figure: `${page.label}: origin (site Hono app)`, value: latency(app), baseline: `bare ${perSecond(bare.requestsPerSecond)}`, ratio: times(ratio(app.requestsPerSecond, bare.requestsPerSecond)), target, ok: meets(app) },
      // The router does locally what CloudFront does at the edge in AWS (compression, security headers), in the
      // same Node thread: what `npm start` gives a browser, not what the origin costs, so it is context only.
      { figure: `${page.label}: through the local router + gzip`, value: latency(router), baseline: `bare ${perSecond(bare.requestsPerSecond)}`, ratio: times(ratio(router.requestsPerSecond, bare.requestsPerSecond)), target: 'context (CloudFront\'s work in AWS)' },
      { figure: `${page.label}: origin vs stock WordPress`, value: perSecond(app.requestsPerSecond), baseline: `WordPress ${perSecond(reference.wordpress.requestsPerSecond)}, p99 ${ms(reference.wordpress.p99Ms)}`, ratio: times(ratio(app.requestsPerSecond, reference.wordpress.requestsPerSecond)), target: '≥ 10×', ok: app.requestsPerSecond >= 10 * reference.wordpress.requestsPerSecond },
      { figure: `${page.label}: bare (same DynamoDB requests, JSON)`, value: latency(bare), target: 'the limit (context)' },
      ...cpuRow(page.label, app, bare, results.machine.cores),
      { figure: `${page.label}: static (same HTML from memory)`, value: latency(ceiling), ratio: `origin ${times(ratio(app.requestsPerSecond, ceiling.requestsPerSecond))}`, target: 'the ceiling (context)' },
    )
  }
  return rows
}

const number = (value: number | undefined) => (value === undefined ? '?' : ms(value).replace(' ms', ''))
const cpuCell = (cpu: NonNullable<LoadResult['cpuPerRequest']>) => `${number(cpu.server)} + ${number(cpu.dynamodb)} + ${number(cpu.loadGenerator)}`
const cpuTotal = (cpu: NonNullable<LoadResult['cpuPerRequest']>) => cpu.server + (cpu.dynamodb ?? 0) + (cpu.loadGenerator ?? 0)

/**
 * The most requests per second this CPU cost allows: the server is one Node thread (one core at most), and
 * all three processes share the machine's cores.
 */
export function cpuBound(cpu: NonNullable<LoadResult['cpuPerRequest']>, cores: number): { rate: number; by: 'Node thread' | 'all cores' } {
  const thread = 1000 / cpu.server
  const machine = (cores * 1000) / cpuTotal(cpu)
  return thread <= machine ? { rate: thread, by: 'Node thread' } : { rate: machine, by: 'all cores' }
}

/** CPU per request in each process, and the rate that cost allows on this machine. */
function cpuRow(label: string, app: LoadResult, bare: LoadResult, cores: number): Row[] {
  if (!app.cpuPerRequest || !bare.cpuPerRequest) return []
  const bound = (cpu: NonNullable<LoadResult['cpuPerRequest']>) => {
    const { rate, by } = cpuBound(cpu, cores)
    return `≤ ${perSecond(rate)}, ${by}`
  }
  return [
    {
      figure: `${label}: CPU ms per request, server + DynamoDB Local + load generator (ratio: server)`,
      value: `origin ${cpuCell(app.cpuPerRequest)} (${bound(app.cpuPerRequest)})`,
      baseline: `bare ${cpuCell(bare.cpuPerRequest)} (${bound(bare.cpuPerRequest)})`,
      ratio: times(ratio(app.cpuPerRequest.server, bare.cpuPerRequest.server)),
      target: 'context',
    },
  ]
}

function requestRows(results: BenchResults): Array<Row | Section> {
  const rows: Array<Row | Section> = [{ section: 'DynamoDB requests per page (SDK middleware count, catalog cache warm)' }]
  rows.push(...missingRow(results, 'requests', 'DynamoDB requests'))
  for (const page of results.pages ?? []) {
    const count = results.requests?.[page.key]
    if (!count) continue
    rows.push({
      figure: `${page.label}`,
      value: `${count.site.length} (${count.site.join(', ')})`,
      baseline: `bare ${count.bare.length}`,
      target: `≤ ${targets.dynamoRequestsPerPage}`,
      ok: count.site.length <= targets.dynamoRequestsPerPage,
    })
  }
  return rows
}

function byteRows(results: BenchResults): Array<Row | Section> {
  const rows: Array<Row | Section> = [{ section: 'Bytes per page, as the local router sends them (media excluded)' }]
  rows.push(...missingRow(results, 'bytes', 'bytes per page'))
  const sum = (items: Array<{ raw: number; gzip: number }>, field: 'raw' | 'gzip') => items.reduce((total, item) => total + item[field], 0)
  const wordpress = reference.wordpress.pageGzipBytes
  for (const page of results.pages ?? []) {
    const bytes = results.bytes?.[page.key]
    if (!bytes) continue
    const cssGzip = sum(bytes.css, 'gzip')
    const jsGzip = sum(bytes.js, 'gzip')
    const jsCell = (value: number) => (bytes.js.length === 0 ? 'none' : kb(value))
    rows.push(
      {
        figure: `${page.label}: HTML + CSS + JS gzip`,
        value: `${kb(bytes.totalGzip)} (HTML ${kb(bytes.html.gzip)}, CSS ${kb(cssGzip)}, JS ${jsCell(jsGzip)})`,
        baseline: `WordPress ${kb(wordpress.low)}–${kb(wordpress.high)}`,
        ratio: times(ratio(bytes.totalGzip, wordpress.low)),
        target: `≤ ${kb(targets.pageGzipBytes)}`,
        ok: bytes.totalGzip <= targets.pageGzipBytes,
      },
      { figure: `${page.label}: raw`, value: `${kb(bytes.totalRaw)} (HTML ${kb(bytes.html.raw)}, CSS ${kb(sum(bytes.css, 'raw'))}, JS ${jsCell(sum(bytes.js, 'raw'))})` },
      { figure: `${page.label}: JS gzip`, value: bytes.js.length === 0 ? 'none (no island on this page)' : `${kb(jsGzip)} in ${bytes.js.length} file(s)`, target: `≤ ${kb(targets.jsGzipBytes)}`, ok: jsGzip <= targets.jsGzipBytes },
    )
  }
  if (results.builtJs)
    rows.push({
      figure: 'all reader JS in the built output (every island and chunk, not the editor)',
      value: `${kb(results.builtJs.gzip)} gzip · ${kb(results.builtJs.raw)} raw in ${results.builtJs.files.length} file(s)`,
      target: `≤ ${kb(targets.jsGzipBytes)}`,
      ok: results.builtJs.gzip <= targets.jsGzipBytes,
    })
  return rows
}

/** A function's targets by its id; "publicapi" and "public-api" are the same function. */
export function lambdaTarget(name: string) {
  const plain = (id: string) => id.toLowerCase().replace(/[^a-z0-9]/g, '')
  return Object.entries(targets.lambdas).find(([id]) => plain(id) === plain(name))?.[1]
}

function bundleRows(results: BenchResults): Array<Row | Section> {
  const rows: Array<Row | Section> = [{ section: `Lambda bundles from one \`cdk synth\`; init = import in a fresh Node ${results.machine.node} process, median of ${results.settings.initRuns}` }]
  rows.push(...missingRow(results, 'synth', 'cdk synth'), ...missingRow(results, 'bundles', 'Lambda bundles'))
  for (const bundle of results.bundles ?? []) {
    const target = lambdaTarget(bundle.name)
    rows.push(
      {
        figure: `${bundle.name} bundle (index.mjs)`,
        value: `${kb(bundle.raw)} raw · ${kb(bundle.gzip)} gzip (+ ${kb(bundle.sourceMap)} source map)`,
        target: target ? `≤ ${kb(target.bundleBytes)} raw` : 'no target',
        ok: target ? bundle.raw <= target.bundleBytes : undefined,
      },
      {
        figure: `${bundle.name} module init`,
        value: `${ms(bundle.init.median)} with --enable-source-maps (as deployed)`,
        baseline: `${ms(bundle.init.medianWithoutNodeOptions)} without`,
        target: target ? `≤ ${ms(target.initMs)}` : 'no target',
        ok: target ? bundle.init.median <= target.initMs : undefined,
      },
    )
    if (bundle.runtimeSdk)
      rows.push({
        figure: `${bundle.name} with the Lambda runtime's SDK instead (measured, not deployed)`,
        value: `${kb(bundle.runtimeSdk.raw)} raw · init ${ms(bundle.runtimeSdk.initMedian)} without source maps`,
        baseline: `bundled: init ${ms(bundle.init.medianWithoutNodeOptions)}`,
        ratio: times(ratio(bundle.runtimeSdk.initMedian, bundle.init.medianWithoutNodeOptions)),
        target: 'context (why the SDK is bundled)',
      })
  }
  if (results.synth) rows.push({ figure: '`npx cdk synth --quiet` wall time (one run)', value: seconds(results.synth.wallMs), target: 'context' })
  return rows
}

function lighthouseRows(results: BenchResults): Array<Row | Section> {
  const rows: Array<Row | Section> = [{ section: 'Lighthouse, mobile (default config, simulated throttling), Debian Chromium' }]
  rows.push(...missingRow(results, 'lighthouse', 'Lighthouse'))
  const wanted = targets.lighthouse
  for (const page of results.pages ?? []) {
    const found = results.lighthouse?.[page.key]
    if (!found) continue
    const s = found.scores
    rows.push({
      figure: `${page.label}: perf / a11y / best practices / SEO`,
      value: `${s.performance} / ${s.accessibility} / ${s['best-practices']} / ${s.seo}`,
      baseline: `LCP ${ms(found.metrics['largest-contentful-paint'] ?? NaN)}, TBT ${ms(found.metrics['total-blocking-time'] ?? NaN)}`,
      target: `≥ ${wanted.performance} / ${wanted.accessibility} / ${wanted['best-practices']} / ${wanted.seo}`,
      ok: (Object.keys(wanted) as Array<keyof typeof wanted>).every((category) => s[category] >= wanted[category]),
    })
  }
  return rows
}

function scaleRows(results: BenchResults): Array<Row | Section> {
  const options = results.settings.scale
  const rows: Array<Row | Section> = [
    { section: `Listing at scale: ${options.items.toLocaleString('en-US')} articles in one tenant, ${options.calls} sequential calls per page, cursor paging` },
  ]
  rows.push(...missingRow(results, 'scale', 'listing at scale'))
  const scale = results.scale
  if (!scale) return rows
  rows.push({
    figure: `seed: create + publish, ${options.concurrency} in flight`,
    value: `${scale.seed.items.toLocaleString('en-US')} items in ${seconds(scale.seed.ms)} (${Math.round(scale.seed.itemsPerSecond)} items/s, ${scale.seed.retries} retried)`,
    target: scale.seed.items < options.items ? `stopped early at the time budget` : 'context',
    ok: scale.seed.items < options.items ? false : undefined,
  })
  const pageRows = (label: string, measured: ScaleResult['store']) => {
    const deepRatio = ratio(measured.deep.p99, measured.first.p99)
    return [
      { figure: `${label} page 1`, value: `p50 ${ms(measured.first.p50)} · p99 ${ms(measured.first.p99)}` },
      {
        figure: `${label} page ${options.deepPage}`,
        value: `p50 ${ms(measured.deep.p50)} · p99 ${ms(measured.deep.p99)}`,
        baseline: `page 1 p99 ${ms(measured.first.p99)}`,
        ratio: times(deepRatio),
        target: `p99 ≤ ${targets.deepPageP99Ratio}× page 1`,
        ok: deepRatio !== undefined && deepRatio <= targets.deepPageP99Ratio,
      },
    ] satisfies Row[]
  }
  rows.push(...pageRows('`content.listEdition`', scale.store), ...pageRows(`HTTP /${options.tenant}/artikler`, scale.http))
  rows.push({
    figure: `HTTP page ${options.deepPage}: DynamoDB requests`,
    value: `${scale.http.deepRequests.length} (${scale.http.deepRequests.join(', ')})`,
    target: `≤ ${targets.dynamoRequestsPerPage}`,
    ok: scale.http.deepRequests.length <= targets.dynamoRequestsPerPage,
  })
  return rows
}

/** Every figure the run has, in the order, with its baseline, ratio and target. */
export function reportRows(results: BenchResults): Array<Row | Section> {
  return [...throughputRows(results), ...loadRows(results), ...requestRows(results), ...byteRows(results), ...bundleRows(results), ...lighthouseRows(results), ...scaleRows(results), ...searchRows(results), ...courseRows(results)]
}

/** One line on the machine, for the table's heading: most figures depend on it. */
export function machineLine(results: BenchResults): string {
  const { machine } = results
  const model = machine.cpus[0]?.model.trim() ?? 'unknown CPU'
  const others = Object.values(results.throughput ?? {}).flatMap((byTarget) => Object.values(byTarget).flatMap((run) => (run.othersCpuShare === undefined ? [] : [run.othersCpuShare])))
  const quiet = others.length > 0 ? ` · other processes used ≤ ${(extremes(others).max * 100).toFixed(1)} % of the CPU during the load test` : ''
  return `${results.date} · ${machine.cores} × ${model} · ${(machine.memoryBytes / 2 ** 30).toFixed(0)} GiB · ${machine.platform} ${machine.release} · Node ${machine.node}${quiet}`
}

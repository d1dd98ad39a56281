import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, platform, release, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { findBundles, measureInit, measureWithRuntimeSdk } from './bundles.ts'
import { builtReaderJs, measureBytes } from './bytes.ts'
import { measureCourses } from './courses.ts'
import { measureLighthouse } from './lighthouse.ts'
import { measureMixedLoad, mixedPaths } from './load.ts'
import { choosePages, fillListing } from './pages.ts'
import { machineLine, reportRows, type BenchResults, type Phase } from './report.ts'
import { countRequests } from './requests.ts'
import { extremes } from './stats.ts'
import { measureScale } from './scale.ts'
import { measureSearch } from './search.ts'
import { runSynth } from './synth.ts'
import { startBenchSystem } from './system.ts'
import { formatTable } from './table.ts'
import { measureThroughput, targetLabels } from './throughput.ts'

/**
 * `npm run bench`: what readers, editors and operators feel, measured side by side in one run on this
 * machine. Prints a table on stdout, progress on stderr, every raw number to bench/results.json. Exits 0
 * when every figure was measured (targets missed or not), 1 when something could not be measured.
 * Never part of `npm test`: it is slow and its timings are noisy.
 */

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    report: { type: 'boolean', default: false },
    // The load phase (issue 15): how many readers at once, for how many seconds. `--only load` runs it alone.
    'load-connections': { type: 'string' },
    'load-duration': { type: 'string' },
  },
})
const resultsPath = fileURLToPath(new URL('./results.json', import.meta.url))

/** The table and its heading on stdout. */
function printReport(results: BenchResults) {
  process.stdout.write(`\nKompetansebroen bench · ${machineLine(results)}${results.settings.quick ? ' · QUICK (not comparable)' : ''}\n\n`)
  if (results.pages) process.stdout.write(`Pages: ${results.pages.map((page) => `${page.key} ${page.path}`).join(' · ')}\n\n`)
  process.stdout.write(`${formatTable(reportRows(results))}\n\n`)
  const othersShare = Math.max(0, extremes(Object.values(results.throughput ?? {}).flatMap((byTarget) => Object.values(byTarget).map((run) => run.othersCpuShare ?? 0))).max)
  if (othersShare > 0.05)
    process.stdout.write(
      `Warning: while the load test ran, other processes used up to ${(othersShare * 100).toFixed(0)} % of the machine's CPU: ` +
        'the machine-dependent figures (throughput, latency, init, synth, seeding) are pessimistic. Run again on a quiet machine.\n',
    )
  if (results.wallSeconds !== undefined) process.stdout.write(`Whole run ${results.wallSeconds.toFixed(0)} s. Raw numbers: ${resultsPath}\n`)
}

// `--report`: the table again from the last run's bench/results.json, measuring nothing.
if (args.report) {
  printReport(JSON.parse(readFileSync(resultsPath, 'utf8')) as BenchResults)
  process.exit(0)
}
const phases: Phase[] = ['synth', 'bundles', 'requests', 'bytes', 'throughput', 'load', 'lighthouse', 'scale', 'search', 'courses']
const only = args.only ? new Set(args.only.split(',').map((name) => name.trim())) : undefined
for (const name of only ?? []) if (!phases.includes(name as Phase)) throw new Error(`--only takes ${phases.join(', ')}; not "${name}"`)
// The bundles are the synth's output.
if (only?.has('bundles')) only.add('synth')
const quick = args.quick === true
/** A `--load-…` option, or the issue's 60 s at 50 connections (10 s with --quick). */
const positive = (name: 'load-connections' | 'load-duration', fallback: number) => {
  const value = Number(args[name] ?? fallback)
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number ≥ 1; not "${args[name]}"`)
  return value
}

// The whole run must stay under 10 minutes; a phase that would not fit in what is left is skipped.
const BUDGET_MS = 9.5 * 60_000
const started = performance.now()
const left = () => BUDGET_MS - (performance.now() - started)
const log = (line: string) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}\n`)

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

const load = { connections: positive('load-connections', 50), durationSeconds: positive('load-duration', quick ? 10 : 60) }
const settings: BenchResults['settings'] = {
  connections: 10,
  durationSeconds: quick ? 4 : 8,
  warmupSeconds: quick ? 1 : 2,
  rounds: 4,
  prewarmSeconds: quick ? 8 : 40,
  initRuns: 10,
  scale: { items: quick ? 1_000 : 10_000, tenant: 'innlandet', concurrency: 16, calls: quick ? 50 : 200, deepPage: quick ? 10 : 50, pageSize: 20 },
  quick,
  load,
}
const results: BenchResults = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().map(({ model, speed }) => ({ model, speed })),
    cores: cpus().length,
    memoryBytes: totalmem(),
    platform: platform(),
    release: release(),
    node: process.version,
  },
  settings,
  loadAverage: { start: loadavg() },
  missing: {},
}

/** Rough upper bounds per phase (seconds), to skip what would overrun the budget. */
const estimates: Record<Phase, number> = {
  synth: 60,
  bundles: 40,
  requests: 5,
  bytes: 10,
  throughput: 3 * (3 * (settings.durationSeconds + settings.warmupSeconds) + 5 + 3) + settings.prewarmSeconds + 2 * 20,
  load: load.durationSeconds + settings.warmupSeconds + 15,
  lighthouse: 90,
  // Enough to seed what page `deepPage` needs and measure; seeding stops early at the budget (and says so).
  scale: 60,
  // Warm-up and load on a lesson page, starting the attempts, and the submissions' load.
  courses: 40,
  // Writing 10,000 search documents, loading and querying them.
  search: 60,
}
/** Seeding stops here, leaving time to measure the listing, stop the emulators and write the results. */
const SEED_RESERVE_MS = 40_000

async function phase<T>(name: Phase, run: () => Promise<T>): Promise<T | undefined> {
  if (only && !only.has(name)) {
    results.missing[name] = { skipped: 'not in --only' }
    return undefined
  }
  if (left() < estimates[name] * 1000) {
    results.missing[name] = { skipped: `would not fit in the 10-minute budget (${(left() / 1000).toFixed(0)} s left)` }
    log(`${name}: skipped, ${(left() / 1000).toFixed(0)} s left`)
    return undefined
  }
  results.loadAverage[name] = loadavg()
  log(`${name}… (load average ${loadavg().map((value) => value.toFixed(2)).join(' ')})`)
  const phaseStarted = performance.now()
  try {
    const value = await run()
    log(`${name}: done in ${((performance.now() - phaseStarted) / 1000).toFixed(1)} s`)
    return value
  } catch (error) {
    results.missing[name] = { error: (error as Error).message }
    log(`${name}: FAILED: ${(error as Error).stack ?? error}`)
    return undefined
  }
}

let exitCode = 0
const bench = await startBenchSystem((line) => log(line)).catch((error) => {
  log(`cannot start the local system: ${(error as Error).stack ?? error}`)
  process.exit(1)
})
// Ctrl-C, or a phase that hangs past the hard limit: stop the emulators (DynamoDB Local is a child JVM that
// would otherwise outlive us) and leave without a table.
const abort = (why: string, code: number) => {
  log(why)
  bench.stop().finally(() => process.exit(code))
}
process.once('SIGINT', () => abort('interrupted', 130))
process.once('SIGTERM', () => abort('terminated', 143))
setTimeout(() => abort('FAILED: still running after 10 minutes; stopped', 1), 10 * 60_000 - (performance.now() - started)).unref()
try {
  const services = bench.system.services
  await fillListing(services, 'innlandet')
  const pages = await choosePages(services, 'innlandet')
  results.pages = pages
  // Warm everything once: the catalog cache, the JIT, the sockets to DynamoDB Local; and capture the HTML
  // the static ceiling serves (the same bytes the site app answers).
  await services.catalog.get()
  for (const page of pages) {
    const response = await fetch(bench.siteUrl + page.path)
    if (response.status !== 200) throw new Error(`${page.path} answered ${response.status}`)
    bench.staticPages.set(page.key, Buffer.from(await response.arrayBuffer()))
  }
  log(`pages: ${pages.map((page) => page.path).join(', ')}`)

  const synth = await phase('synth', runSynth)
  if (synth) results.synth = { wallMs: synth.wallMs }
  await phase('bundles', async () => {
    if (!synth) throw new Error('no cloud assembly: cdk synth did not run')
    const bundles = findBundles(synth.outdir, bench.system.config)
    results.bundles = []
    for (const { env, ...bundle } of bundles) {
      const init = await measureInit({ ...bundle, env }, settings.initRuns)
      log(`  ${bundle.name}: ${bundle.raw} bytes, init median ${init.median.toFixed(1)} ms`)
      const runtimeSdk = await measureWithRuntimeSdk({ ...bundle, env }, settings.initRuns)
      log(`  ${bundle.name} with the runtime's SDK: ${runtimeSdk.raw} bytes, init median ${runtimeSdk.initMedian.toFixed(1)} ms`)
      results.bundles.push({ ...bundle, init, runtimeSdk })
    }
  })
  if (synth) rmSync(synth.outdir, { recursive: true, force: true })

  results.requests = await phase('requests', () => countRequests(services, pages, { site: bench.siteUrl, bare: bench.baselineUrl }))
  results.bytes = await phase('bytes', async () => {
    results.builtJs = builtReaderJs(bench.assetsDir, bench.manifest)
    return measureBytes(bench.routerUrl, pages)
  })
  results.throughput = await phase('throughput', async () => {
    log(`  targets: ${Object.values(targetLabels).join('; ')}`)
    return measureThroughput(pages, { router: bench.routerUrl, app: bench.siteUrl, baseline: bench.baselineUrl }, {
      connections: settings.connections,
      duration: settings.durationSeconds,
      warmup: settings.warmupSeconds,
      rounds: settings.rounds,
      prewarm: settings.prewarmSeconds,
    }, log)
  })
  results.load = await phase('load', async () =>
    measureMixedLoad(bench.routerUrl, await mixedPaths(services, pages), { connections: load.connections, duration: load.durationSeconds, warmup: settings.warmupSeconds }, log),
  )
  results.lighthouse = await phase('lighthouse', () => measureLighthouse(bench.routerUrl, pages))
  results.courses = await phase('courses', () =>
    measureCourses(services, { router: bench.routerUrl, app: bench.siteUrl }, { connections: settings.connections, duration: settings.durationSeconds, warmup: settings.warmupSeconds, attempts: quick ? 300 : 1500 }, log),
  )
  results.search = await phase('search', () => measureSearch(services, bench.emulators, settings.scale.items, log))
  results.scale = await phase('scale', () => measureScale(bench.emulators, bench.manifest, bench.serveApp, settings.scale, log, started + BUDGET_MS - SEED_RESERVE_MS))
} catch (error) {
  log(`FAILED: ${(error as Error).stack ?? error}`)
  exitCode = 1
} finally {
  await bench.stop()
}

results.wallSeconds = (performance.now() - started) / 1000
writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`)
if (Object.values(results.missing).some((why) => why?.error)) exitCode = 1

printReport(results)
process.exit(exitCode)

import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import type { RuntimeConfig } from '../functions/shared/config.ts'
import { esmRequireBanner } from '../infra/stacks/app-lambda.ts'
import { median } from './stats.ts'

export interface LambdaBundle {
  /** Short name from the logical id (FunctionsSiteFunction… → site). */
  name: string
  logicalId: string
  dir: string
  runtime: string
  /** index.mjs as esbuild wrote it: what Node parses on a cold start. */
  raw: number
  gzip: number
  sourceMap: number
  env: Record<string, string>
}

export interface InitTimes {
  /** With the function's own NODE_OPTIONS (--enable-source-maps), as deployed. */
  samples: number[]
  median: number
  /** The same import without NODE_OPTIONS: how much the source-map support costs at init. */
  samplesWithoutNodeOptions: number[]
  medianWithoutNodeOptions: number
}

/** FunctionsPublicApiFunction… → public-api: the name of its entry in functions/entry. */
const shortName = (logicalId: string) =>
  (logicalId.match(/^Functions(\w+?)Function/)?.[1] ?? logicalId).replace(/(?<=[a-z0-9])(?=[A-Z])/g, '-').toLowerCase()

/**
 * The Node.js Lambda functions of a cloud assembly and their bundles, found as bundled-handlers.test.ts finds
 * them: the template's `aws:asset:path` metadata names the asset folder CDK would zip and upload.
 */
export function findBundles(outdir: string, config: RuntimeConfig): LambdaBundle[] {
  const bundles: LambdaBundle[] = []
  for (const file of readdirSync(outdir).filter((name) => name.endsWith('.template.json'))) {
    const template = JSON.parse(readFileSync(join(outdir, file), 'utf8'))
    for (const [logicalId, resource] of Object.entries<any>(template.Resources ?? {})) {
      if (resource.Type !== 'AWS::Lambda::Function' || !String(resource.Properties?.Runtime).startsWith('nodejs')) continue
      // Not ours to measure: inline code (the Lambda@Edge form-body hash) and CDK's own custom-resource providers.
      if (resource.Properties.Code?.ZipFile !== undefined || resource.Properties.Handler !== 'index.handler') continue
      const assetPath = resource.Metadata?.['aws:asset:path']
      if (!assetPath) throw new Error(`${logicalId} has no aws:asset:path metadata`)
      const dir = join(outdir, assetPath)
      const code = readFileSync(join(dir, 'index.mjs'))
      let sourceMap = 0
      try {
        sourceMap = statSync(join(dir, 'index.mjs.map')).size
      } catch {}
      bundles.push({
        name: shortName(logicalId),
        logicalId,
        dir,
        runtime: resource.Properties.Runtime,
        raw: code.length,
        gzip: gzipSync(code, { level: 9 }).length,
        sourceMap,
        env: functionEnv(resource.Properties.Environment?.Variables ?? {}, config),
      })
    }
  }
  if (bundles.length === 0) throw new Error(`no Node.js Lambda functions in ${outdir}`)
  return bundles.sort((a, b) => a.name.localeCompare(b.name))
}

/** The template's variables, with CloudFormation references swapped for the local emulators' resources. */
function functionEnv(variables: Record<string, unknown>, config: RuntimeConfig): Record<string, string> {
  const local: Record<string, string> = {
    AWS_REGION: config.region,
    CONTENT_TABLE: config.tables.content,
    COUNTERS_TABLE: config.tables.counters,
    MEDIA_BUCKET: config.mediaBucket,
    DYNAMODB_ENDPOINT: config.endpoints?.dynamodb ?? '',
    S3_ENDPOINT: config.endpoints?.s3 ?? '',
    AUTH_ISSUER: 'https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_BENCH',
    AUTH_JWKS_URL: 'https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_BENCH/.well-known/jwks.json',
    AUTH_CLIENT_ID: 'bench-client',
    AUTH_HOSTED_UI_URL: 'https://kompetansebroen-bench.auth.eu-north-1.amazoncognito.com',
    USER_POOL_ID: 'eu-north-1_BENCH',
  }
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(variables)) env[name] = local[name] ?? (typeof value === 'string' ? value : `bench-${name.toLowerCase()}`)
  for (const name of ['AWS_REGION', 'DYNAMODB_ENDPOINT', 'S3_ENDPOINT']) env[name] = local[name]!
  return env
}

/** One fresh Node process that imports the bundle and reports how long the import took, in ms. */
async function importOnce(bundle: LambdaBundle, withNodeOptions: boolean): Promise<number> {
  const url = pathToFileURL(join(bundle.dir, 'index.mjs')).href
  const code = `const t = performance.now(); await import(${JSON.stringify(url)}); const ms = performance.now() - t; process.stdout.write(String(ms), () => process.exit(0))`
  const { NODE_OPTIONS, ...rest } = bundle.env
  // Only what Lambda would set plus the function's variables: nothing leaks in from this process.
  const env = { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', TZ: 'UTC', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...rest, ...(withNodeOptions && NODE_OPTIONS ? { NODE_OPTIONS } : {}) }
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: bundle.dir, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000)
  const exit = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  clearTimeout(killer)
  const ms = Number(stdout)
  if (exit !== 0 || !Number.isFinite(ms)) throw new Error(`importing ${bundle.name} bundle failed (${exit}): ${stderr.trim().slice(-800)}`)
  return ms
}

/** Module-init time: the median of `runs` fresh imports, with and without the function's NODE_OPTIONS. */
export async function measureInit(bundle: LambdaBundle, runs = 10): Promise<InitTimes> {
  const samples: number[] = []
  const samplesWithoutNodeOptions: number[] = []
  for (let run = 0; run < runs; run++) {
    samples.push(await importOnce(bundle, true))
    samplesWithoutNodeOptions.push(await importOnce(bundle, false))
  }
  return { samples, median: median(samples), samplesWithoutNodeOptions, medianWithoutNodeOptions: median(samplesWithoutNodeOptions) }
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url))

/**
 * The road not taken, measured: the same function bundled the way CDK does with `bundleAwsSDK: false`
 * (`@aws-sdk/*` left to the copy the Lambda runtime ships), then imported with the SDK resolved from
 * node_modules as the runtime resolves its own. Smaller upload, but Node then loads the SDK from hundreds
 * of files instead of one parsed bundle. Context for the bundle-size target; never deployed.
 */
export async function measureWithRuntimeSdk(bundle: LambdaBundle, runs: number): Promise<{ raw: number; gzip: number; initSamples: number[]; initMedian: number }> {
  const entry = join(repoRoot, 'functions', 'entry', `${bundle.name}.ts`)
  if (!existsSync(entry)) throw new Error(`no entry ${entry} for the ${bundle.name} function`)
  const dir = mkdtempSync(join(tmpdir(), `kb-bench-runtime-sdk-${bundle.name}-`))
  try {
    // Bare `@aws-sdk/…` imports resolve upwards from the bundle, like /var/runtime/node_modules in Lambda.
    symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir')
    await build({
      entryPoints: [entry],
      outfile: join(dir, 'index.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node24',
      mainFields: ['module', 'main'],
      banner: { js: esmRequireBanner },
      minify: true,
      charset: 'utf8',
      external: ['@aws-sdk/*'],
      tsconfig: join(repoRoot, 'tsconfig.json'),
      logLevel: 'warning',
    })
    const code = readFileSync(join(dir, 'index.mjs'))
    // Without source maps only: the comparison is with the bundled import's figure without them.
    const initSamples: number[] = []
    for (let run = 0; run < runs; run++) initSamples.push(await importOnce({ ...bundle, dir }, false))
    return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length, initSamples, initMedian: median(initSamples) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

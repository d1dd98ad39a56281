import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))

export interface SynthRun {
  outdir: string
  wallMs: number
}

/**
 * One `npx cdk synth --quiet -o <tmp>` as an operator runs it: offline, every AWS_* variable unset, with
 * bundling (esbuild) and cdk-nag. Its cloud assembly also holds the Lambda bundles bench/bundles.ts measures.
 */
export async function runSynth(): Promise<SynthRun> {
  const outdir = mkdtempSync(join(tmpdir(), 'kb-bench-synth-'))
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')))
  const started = performance.now()
  const child = spawn('npx', ['cdk', 'synth', '--quiet', '-o', outdir], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-4000)))
  child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-4000)))
  const killer = setTimeout(() => child.kill('SIGKILL'), 180_000)
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  clearTimeout(killer)
  const wallMs = performance.now() - started
  if (code !== 0) throw new Error(`cdk synth exited ${code}: ${output.trim().slice(-1500)}`)
  return { outdir, wallMs }
}

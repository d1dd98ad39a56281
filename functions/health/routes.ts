import { Hono } from 'hono'
import type { Db } from '../shared/db.ts'

const TIMEOUT_MS = 2000

/** A dependency the function cannot work without, and the cheapest call that proves it answers. */
export type Probe = () => Promise<unknown>

async function probe(check: Probe): Promise<'ok' | 'down'> {
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS).unref?.()),
    ])
    return 'ok'
  } catch {
    return 'down'
  }
}

/**
 * One eventually consistent GetItem of a key nothing is stored under (half a read unit): proves DynamoDB
 * answers this function with the permission it reads content with, so the role needs nothing for health
 * (DescribeTable would), and the bundle no control-plane command.
 */
export const dynamoProbe = (db: Pick<Db, 'get'>): Probe => () => db.get({ PK: 'HEALTH', SK: 'PROBE' })

/**
 * `GET …/health`: 200 when every probe answers, 503 naming what is down. Never cached. Each function checks
 * what it depends on itself (the public API DynamoDB only; the editor API S3 too), so its role needs nothing more.
 */
export function healthRoutes(probes: Record<string, { label: string; check: Probe }>) {
  return new Hono().get('/', async (c) => {
    const names = Object.keys(probes)
    const states = await Promise.all(names.map((name) => probe(probes[name]!.check)))
    const checks = Object.fromEntries(names.map((name, index) => [name, states[index]!]))
    c.header('cache-control', 'no-store')
    const down = names.filter((name) => checks[name] === 'down')
    if (down.length === 0) return c.json({ status: 'ok', checks })
    const labels = down.map((name) => probes[name]!.label)
    return c.json({ status: 'unavailable', error: `${labels.join(' and ')} unreachable`, code: 'unavailable', checks }, 503)
  })
}

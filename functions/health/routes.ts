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

/** How long one round of probes answers every health check (issue 15): anonymous callers cannot make it call AWS more. */
export const healthCacheMs = 30_000

export interface HealthOptions {
  cacheMs?: number
  now?: () => number
}

/**
 * `GET …/health`: 200 when every probe answers, 503 naming what is down. Never cached at the edge, but the function
 * answers from its last round of probes for `cacheMs`, so a flood of health checks costs one probe per container per
 * half minute. Each function checks what it depends on itself (the public API DynamoDB only; the editor API S3 too), so
 * its role needs nothing more.
 */
export function healthRoutes(probes: Record<string, { label: string; check: Probe }>, options: HealthOptions = {}) {
  const { cacheMs = healthCacheMs, now = Date.now } = options
  let last: { at: number; answer: Promise<{ body: Record<string, unknown>; status: 200 | 503 }> } | undefined
  const check = async () => {
    const names = Object.keys(probes)
    const states = await Promise.all(names.map((name) => probe(probes[name]!.check)))
    const checks = Object.fromEntries(names.map((name, index) => [name, states[index]!]))
    const down = names.filter((name) => checks[name] === 'down')
    if (down.length === 0) return { body: { status: 'ok', checks }, status: 200 as const }
    const labels = down.map((name) => probes[name]!.label)
    return { body: { status: 'unavailable', error: `${labels.join(' and ')} unreachable`, code: 'unavailable', checks }, status: 503 as const }
  }
  return new Hono().get('/', async (c) => {
    // Concurrent callers share the round in flight.
    if (!last || now() - last.at >= cacheMs) last = { at: now(), answer: check() }
    const { body, status } = await last.answer
    c.header('cache-control', 'no-store')
    return c.json(body, status)
  })
}

import { paginateScan } from '@aws-sdk/lib-dynamodb'
import fc from 'fast-check'
import { expect } from 'vitest'
import type { Services } from '../../functions/services.ts'
import type { FuzzRequest } from './arbitraries.ts'

/**
 * The fuzz runs' shared machinery (issue 15, "Resilience, proven"): how many requests, how long, what a response
 * must look like, and a before/after snapshot of both tables.
 *
 * `npm test` runs each property a bounded number of times and stops early at its time limit (the suite must stay
 * quick on two loaded cores); `npm run fuzz` sets FUZZ_SCALE so the three files together send ≥ 10 000 requests,
 * and then every run must complete (an interrupted run fails rather than passing with fewer requests than claimed).
 */
const scale = Number(process.env.FUZZ_SCALE ?? 0)
export const fuzzing = scale > 0

export function fuzzBudget(testRuns: number, fuzzRuns: number) {
  return fuzzing
    ? { numRuns: Math.ceil(fuzzRuns * scale), interruptAfterTimeLimit: 600_000, markInterruptAsFailure: true }
    : { numRuns: testRuns, interruptAfterTimeLimit: 15_000, markInterruptAsFailure: false }
}

/** A fixed seed unless FUZZ_SEED says otherwise: a failure in CI replays locally with the seed it printed. */
export const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647)

export type App = { request: (path: string, init?: RequestInit) => Response | Promise<Response> }

export async function send(app: App, request: FuzzRequest): Promise<Response> {
  return app.request(request.path, { method: request.method, headers: request.headers, body: request.body })
}

/** Answers by status, for the run's summary line: proof the requests reached handlers, not just 404s. */
export const statuses = new Map<number, number>()
export const statusSummary = () => [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ')

/** Bokmål words an English API error has no business containing (the request's own path is removed first). */
const bokmal = /\b(ikke|finnes|fant|mangler|ugyldig|prøv|skjemaet|feil)\b/i

/**
 * What every answer must be: never a 5xx; from a JSON API, a 4xx is JSON with an English `error` (the workspace and
 * integrators show or log it; the bokmål is the UI's, mapped from `code`).
 */
export async function expectSound(response: Response, request: FuzzRequest, options: { api: boolean }) {
  const where = `${request.method} ${request.path.slice(0, 200)}`
  const text = await response.text()
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
  expect(response.status, `${where} ${JSON.stringify(request.headers)} ${request.body?.slice(0, 300)} answered ${response.status}: ${text.slice(0, 300)}`).toBeLessThan(500)
  if (!options.api || response.status < 400 || request.method === 'HEAD') return
  expect(response.headers.get('content-type') ?? '', `${where} ${response.status} is not JSON`).toMatch(/^application\/json/)
  const body = JSON.parse(text) as { error?: unknown }
  expect(typeof body.error, `${where} ${response.status} has no error string: ${text.slice(0, 300)}`).toBe('string')
  const own = (body.error as string).split(request.path.split('?')[0]!).join('')
  expect(own, `${where}: error is not English`).not.toMatch(bokmal)
}

/** Every item of both tables by key. A Scan is fine here: a test's own small tables, never a request path. */
export async function snapshot(services: Services): Promise<Map<string, string>> {
  const rows = new Map<string, string>()
  for (const table of [services.config.tables.content, services.config.tables.counters]) {
    for await (const page of paginateScan({ client: services.db.client }, { TableName: table, ConsistentRead: true })) {
      for (const item of page.Items ?? []) rows.set(`${table === services.config.tables.content ? 'content' : 'counters'} ${item.PK} ${item.SK}`, JSON.stringify(item))
    }
  }
  return rows
}

/** Keys added, removed or changed between two snapshots. */
export function changedKeys(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()])
  return [...keys].filter((key) => before.get(key) !== after.get(key)).sort()
}

/** Runs the property and says how many requests it sent (a time-bounded run may send fewer than numRuns). */
export async function runFuzz(arbitrary: fc.Arbitrary<FuzzRequest>, budget: ReturnType<typeof fuzzBudget>, check: (request: FuzzRequest) => Promise<void>) {
  let sent = 0
  statuses.clear()
  await fc.assert(
    fc.asyncProperty(arbitrary, async (request) => {
      sent++
      await check(request)
    }),
    { ...budget, seed, endOnFailure: true },
  )
  return sent
}

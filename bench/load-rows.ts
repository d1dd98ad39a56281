import type { BenchResults } from './report.ts'
import { ms, perSecond, type Row, type Section } from './table.ts'

/** The load phase's rows (issue 15): the mix's rate and latency, and every failed answer counted, the target 0. */
export function loadRows(results: BenchResults): Array<Row | Section> {
  if (!results.settings.load) return []
  const { connections, durationSeconds } = results.settings.load
  const rows: Array<Row | Section> = [
    {
      section:
        `Load (issue 15): ${connections} connections for ${durationSeconds} s through the local router, gzip, mixed reader pages in turn` +
        // Other work on the machine slows every answer: a load average above the core count makes these pessimistic.
        (results.loadAverage.load ? `; load average ${results.loadAverage.load[0]!.toFixed(1)} on ${results.machine.cores} cores at the start` : ''),
    },
  ]
  const why = results.missing.load
  if (why) rows.push({ figure: 'load', value: why.error ? `not measured: ${why.error.split('\n')[0]!.slice(0, 160)}` : `skipped: ${why.skipped}` })
  const load = results.load
  if (!load) return rows
  const statuses = Object.entries(load.statuses).map(([status, count]) => `${count} × ${status}`).join(', ')
  rows.push(
    {
      figure: `mix of ${load.paths.length}: ${load.paths.join(' · ')}`,
      value: `${perSecond(load.requestsPerSecond)} · p50 ${ms(load.p50)} · p99 ${ms(load.p99)}`,
      target: 'context (p99 is what the 50th reader waits)',
    },
    { figure: 'load: answers that were not 2xx', value: `${load.non2xx}${statuses ? ` (${statuses})` : ''} of ${load.responses}`, target: '0', ok: load.non2xx === 0 },
    { figure: 'load: connection errors and timeouts', value: String(load.errors), target: '0', ok: load.errors === 0 },
  )
  return rows
}

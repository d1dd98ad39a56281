import type { Logger } from '../shared/logger.ts'
import type { ScheduleResult } from './scheduling.ts'

const levels = { done: 'info', skipped: 'info', refused: 'warn', retrying: 'warn', failed: 'error' } as const

/**
 * One log line per scheduled change a run handled, with `outcome` a top-level field: the operations stack counts
 * `{ $.outcome = "failed" }` lines of the scheduler's log and alarms on one (infra/stacks/operations.ts), as a change
 * given up on fails no invocation.
 */
export function logScheduleResults(log: Logger, results: ScheduleResult[]): void {
  for (const result of results) {
    log[levels[result.outcome]](`Scheduled ${result.action}: ${result.outcome}`, { ...result })
  }
}

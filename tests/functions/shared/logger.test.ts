import { describe, expect, it } from 'vitest'
import { logScheduleResults } from '../../../functions/content/schedule-log.ts'
import { createLogger } from '../../../functions/shared/logger.ts'
import { scheduleFailurePattern } from '../../../infra/stacks/operations.ts'

const capture = () => {
  const lines: string[] = []
  const log = createLogger({ write: (line) => lines.push(line), now: () => new Date('2026-12-01T08:00:00Z') })
  return { log, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>), lines }
}

describe('JSON log lines (issue 15)', () => {
  it('writes one JSON object per line with level, message, time and the context fields at the top level', () => {
    const { log, entries, lines } = capture()
    log.with({ requestId: 'req-1', tenant: 'innlandet' }).error('Publish failed', { error: new Error('boom\nsecond line') })
    expect(lines).toHaveLength(1)
    expect(lines[0]).not.toContain('\n')
    expect(entries()[0]).toMatchObject({
      timestamp: '2026-12-01T08:00:00.000Z',
      level: 'ERROR',
      message: 'Publish failed',
      requestId: 'req-1',
      tenant: 'innlandet',
      error: { name: 'Error', message: 'boom\nsecond line', stack: expect.stringContaining('boom') },
    })
  })

  it('logs the scheduler’s given-up changes so the operations stack’s metric filter counts exactly those', () => {
    const { log, entries } = capture()
    logScheduleResults(log, [
      { tenant: 'innlandet', id: 'a', action: 'publish', outcome: 'done' },
      { tenant: 'innlandet', id: 'b', action: 'publish', outcome: 'retrying', detail: 'slug taken' },
      { tenant: 'vestfold', id: 'c', action: 'unpublish', outcome: 'failed', detail: 'gave up after 5 tries' },
    ])
    // `{ $.outcome = "failed" }`, as CloudWatch Logs applies it to each line's JSON.
    const field = scheduleFailurePattern.field.replace(/^\$\./, '')
    const counted = entries().filter((entry) => entry[field] === scheduleFailurePattern.value)
    expect(counted).toEqual([expect.objectContaining({ level: 'ERROR', tenant: 'vestfold', id: 'c', detail: 'gave up after 5 tries' })])
    expect(entries().map((entry) => entry.level)).toEqual(['INFO', 'WARN', 'ERROR'])
  })
})

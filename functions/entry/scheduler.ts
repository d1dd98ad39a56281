import type { ScheduledEvent } from 'aws-lambda'
import { logScheduleResults } from '../content/schedule-log.ts'
import { createSchedulerServices } from '../scheduler-services.ts'
import { configFromEnv } from '../shared/config.ts'
import { createLogger } from '../shared/logger.ts'

const services = createSchedulerServices(configFromEnv())
const log = createLogger()

/**
 * Lambda entry for EventBridge's minute rule (infra/stacks/functions.ts): publishes and unpublishes what is due, then
 * event sign-ups' follow-ups and reminders (issue 13), after the publishes that may have asked for them, and newsletter
 * issues that are due (issue 14).
 */
export const handler = async (_event: ScheduledEvent) => {
  const results = await services.runSchedules()
  logScheduleResults(log, results)
  // A failed sync is logged where it fails (with outcome "failed", which the -ops stack's alarm counts), not twice.
  for (const synced of await services.runSignupSync()) if (synced.outcome !== 'failed') log.info('Sign-ups synced with their event', { ...synced })
  for (const reminded of await services.runReminders()) log[reminded.failed ? 'warn' : 'info']('Reminders sent', { ...reminded })
  // Newsletter issues (issue 14): a paused send goes on next minute from its cursor; "failed" is counted by the alarm.
  const newsletters = await services.runNewsletters()
  if (newsletters === 'no-origin') log.warn('Newsletters not sent: no public origin (SITE_ORIGIN) to build their links')
  else for (const sent of newsletters) log[sent.outcome === 'failed' ? 'error' : 'info']('Newsletter issue sent', { ...sent })
  return { ran: results.length }
}

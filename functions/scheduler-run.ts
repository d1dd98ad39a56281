import { logScheduleResults } from './content/schedule-log.ts'
import type { createSchedulerServices } from './scheduler-services.ts'
import type { Logger } from './shared/logger.ts'

type SchedulerServices = ReturnType<typeof createSchedulerServices>

/**
 * One run of the scheduler's work, as EventBridge's minute rule triggers it in AWS (functions/entry/scheduler.ts) and
 * the local runner's timer does under `npm start`: publishes and unpublishes what is due, then event sign-ups'
 * follow-ups and reminders (issue 13), after the publishes that may have asked for them, newsletter issues that are
 * due (issue 14), and partners' calendars that are due (issue 13). Returns how many scheduled changes it handled.
 */
export async function runScheduledWork(services: SchedulerServices, log: Logger): Promise<number> {
  const started = Date.now()
  const results = await services.runSchedules()
  logScheduleResults(log, results)
  // A failed sync is logged where it fails (with outcome "failed", which the -ops stack's alarm counts), not twice.
  for (const synced of await services.runSignupSync()) if (synced.outcome !== 'failed') log.info('Sign-ups synced with their event', { ...synced })
  for (const reminded of await services.runReminders()) log[reminded.failed ? 'warn' : 'info']('Reminders sent', { ...reminded })
  // Newsletter issues (issue 14): a paused send goes on next minute from its cursor; "failed" is counted by the alarm.
  const newsletters = await services.runNewsletters()
  if (newsletters === 'no-origin') log.warn('Newsletters not sent: no public origin (SITE_ORIGIN) to build their links')
  else for (const sent of newsletters) log[sent.outcome === 'failed' ? 'error' : 'info']('Newsletter issue sent', { ...sent })
  // Partners' calendars (issue 13), last: each fetch may take its time limit, so none starts that would outrun the
  // Lambda's 55 s. A problem is recorded on the subscription for its editors, so it is logged as a warning only.
  for (const run of await services.runPartnerFeeds({ deadline: started + 50_000 }))
    log[run.ok ? 'info' : 'warn']('Partner feed imported', { tenant: run.tenant, feedId: run.feedId, ok: run.ok, problem: run.problem?.code, created: run.created, updated: run.updated, removed: run.removed, incomplete: run.incomplete })
  return results.length
}

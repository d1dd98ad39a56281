import type { ScheduledEvent } from 'aws-lambda'
import { logScheduleResults } from '../content/schedule-log.ts'
import { createSchedulerServices } from '../scheduler-services.ts'
import { configFromEnv } from '../shared/config.ts'
import { createLogger } from '../shared/logger.ts'

const services = createSchedulerServices(configFromEnv())
const log = createLogger()

/** Lambda entry for EventBridge's minute rule (infra/stacks/functions.ts): publishes and unpublishes what is due. */
export const handler = async (_event: ScheduledEvent) => {
  const results = await services.runSchedules()
  logScheduleResults(log, results)
  return { ran: results.length }
}

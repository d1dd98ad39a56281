import type { ScheduledEvent } from 'aws-lambda'
import { createSchedulerServices } from '../scheduler-services.ts'
import { configFromEnv } from '../shared/config.ts'

const services = createSchedulerServices(configFromEnv())

/** Lambda entry for EventBridge's minute rule (infra/stacks/functions.ts): publishes and unpublishes what is due. */
export const handler = async (_event: ScheduledEvent) => {
  const results = await services.runSchedules()
  if (results.length) console.log(JSON.stringify({ scheduled: results }))
  return { ran: results.length }
}

import type { ScheduledEvent } from 'aws-lambda'
import { runScheduledWork } from '../scheduler-run.ts'
import { createSchedulerServices } from '../scheduler-services.ts'
import { configFromEnv } from '../shared/config.ts'
import { createLogger } from '../shared/logger.ts'

const services = createSchedulerServices(configFromEnv())
const log = createLogger()

/** Lambda entry for EventBridge's minute rule (infra/stacks/functions.ts); the work itself is functions/scheduler-run.ts. */
export const handler = async (_event: ScheduledEvent) => ({ ran: await runScheduledWork(services, log) })

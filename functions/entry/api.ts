import { handle } from 'hono/aws-lambda'
import { parseAssetManifest } from '../../web/assets.ts'
import { createApiApp } from '../api.ts'
import { configFromEnv } from '../shared/config.ts'
import { createServices } from '../services.ts'

// Built once per Lambda container, at module init, then reused by every invocation.
const services = createServices(configFromEnv())
const assets = parseAssetManifest(process.env.ASSETS ?? '{}')
const http = handle(createApiApp(services, { assets: () => assets }))

/** EventBridge's scheduled event (the minute rule in infra/stacks/functions.ts). */
const isScheduledEvent = (event: unknown): boolean =>
  typeof event === 'object' && event !== null && (event as { source?: string }).source === 'aws.events'

/** Lambda entry for `/api/*` (Function URL behind CloudFront), and the runner for scheduled publishing. */
export const handler = async (event: Parameters<typeof http>[0], context: Parameters<typeof http>[1]) => {
  if (isScheduledEvent(event)) {
    const results = await services.runSchedules()
    if (results.length) console.log(JSON.stringify({ scheduled: results }))
    return { ran: results.length }
  }
  return http(event, context)
}

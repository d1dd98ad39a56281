import { handle } from 'hono/aws-lambda'
import { createPublicApiApp } from '../public-api.ts'
import { createPublicApiServices } from '../reader-services.ts'
import { configFromEnv } from '../shared/config.ts'

// Built once per Lambda container, at module init, then reused by every invocation.
const app = createPublicApiApp(createPublicApiServices(configFromEnv()))

/** Lambda entry for the public API (`/api/*` but `/api/editor/*`; Function URL behind CloudFront). */
export const handler = handle(app)

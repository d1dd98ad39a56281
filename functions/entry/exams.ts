import { handle } from 'hono/aws-lambda'
import { createExamsApiApp } from '../exams-api.ts'
import { createExamsApiServices } from '../reader-services.ts'
import { configFromEnv } from '../shared/config.ts'

// Built once per Lambda container, at module init, then reused by every invocation.
const app = createExamsApiApp(createExamsApiServices(configFromEnv()))

/** Lambda entry for the exams function (`POST /api/v1/exams/*` and `/api/v1/attempts/*`; Function URL behind CloudFront). */
export const handler = handle(app)

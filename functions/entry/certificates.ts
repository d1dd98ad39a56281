import { handle } from 'hono/aws-lambda'
import { createCertificateApiApp } from '../certificate-api.ts'
import { createCertificateApiServices } from '../reader-services.ts'
import { configFromEnv } from '../shared/config.ts'

// Built once per Lambda container, at module init, then reused by every invocation.
const app = createCertificateApiApp(createCertificateApiServices(configFromEnv()))

/** Lambda entry for the certificates function (`POST /api/v1/attempts/{id}/certificate`; Function URL behind CloudFront). */
export const handler = handle(app)

import { handle } from 'hono/aws-lambda'
import { parseAssetManifest } from '../../web/assets.ts'
import { createEventsApp } from '../events-app.ts'
import { createEventsServices } from '../events/services.ts'
import { configFromEnv } from '../shared/config.ts'

// Built once per Lambda container, at module init, then reused by every invocation.
const assets = parseAssetManifest(process.env.ASSETS ?? '{}')
const app = createEventsApp(createEventsServices(configFromEnv()), { assets: () => assets })

/** Lambda entry for event sign-ups (`/*\/arrangementer/*\/pamelding*`, `/avmelding/*`; Function URL behind CloudFront). */
export const handler = handle(app)

import { handle } from 'hono/aws-lambda'
import { parseAssetManifest } from '../../web/assets.ts'
import { createApiApp } from '../api.ts'
import { configFromEnv } from '../shared/config.ts'
import { createServices } from '../services.ts'

// Built once per Lambda container, at module init, then reused by every invocation.
const assets = parseAssetManifest(process.env.ASSETS ?? '{}')
const app = createApiApp(createServices(configFromEnv()), { assets: () => assets })

/** Lambda entry for `/api/*` (Function URL behind CloudFront). */
export const handler = handle(app)

import { handle } from 'hono/aws-lambda'
import { parseAssetManifest } from '../../web/assets.ts'
import { createSiteServices } from '../reader-services.ts'
import { createSearchApp } from '../search-app.ts'
import { configFromEnv } from '../shared/config.ts'

// Built once per Lambda container, at module init: the index itself is loaded at the first request and kept warm.
const assets = parseAssetManifest(process.env.ASSETS ?? '{}')
const app = createSearchApp(createSiteServices(configFromEnv()), { assets: () => assets })

/** Lambda entry for search (`/api/v1/search*`, `/sok`, `/*\/sok`; Function URL behind CloudFront). */
export const handler = handle(app)

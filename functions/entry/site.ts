import { handle } from 'hono/aws-lambda'
import { createSiteApp } from '../../web/site/app.tsx'
import { parseAssetManifest } from '../../web/assets.ts'
import { configFromEnv } from '../shared/config.ts'
import { createSiteServices } from '../reader-services.ts'

// The hashed asset names come from the web build that CDK deployed alongside this function.
const assets = parseAssetManifest(process.env.ASSETS ?? '{}')
const app = createSiteApp(createSiteServices(configFromEnv()), { assets: () => assets })

/** Lambda entry for reader pages (the CloudFront default behaviour). */
export const handler = handle(app)

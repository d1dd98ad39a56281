import { handle } from 'hono/aws-lambda'
import { parseAssetManifest } from '../../web/assets.ts'
import { createEditorApiApp } from '../editor-api.ts'
import { configFromEnv } from '../shared/config.ts'
import { createServices } from '../services.ts'

// Built once per Lambda container, at module init, then reused by every invocation.
const services = createServices(configFromEnv())
// The editor's preview renders the reader page, which links the hashed stylesheet.
const assets = parseAssetManifest(process.env.ASSETS ?? '{}')

/** Lambda entry for the editor API (`/api/editor/*`; Function URL behind CloudFront). */
export const handler = handle(createEditorApiApp(services, { assets: () => assets }))

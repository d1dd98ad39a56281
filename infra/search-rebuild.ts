import { NATIONAL_TENANT } from '../functions/reader-services.ts'
import { rebuildSearchDocuments } from '../functions/search/rebuild.ts'
import { createServices } from '../functions/services.ts'
import { configFromEnv } from '../functions/shared/config.ts'

/**
 * `npm run search:rebuild`: writes every published item's search document again from DynamoDB (recovery, or items
 * published before search existed). Against AWS with the operator's credentials and the content table's name:
 *   AWS_REGION=eu-north-1 CONTENT_TABLE=kompetansebroen-prod-content npm run search:rebuild
 * or locally against a running `npm start` (its DynamoDB Local endpoint is printed at start):
 *   DYNAMODB_ENDPOINT=http://127.0.0.1:PORT TABLE_PREFIX=kompetansebroen-local npm run search:rebuild
 * Warm search functions pick the changes up from the change log; new ones load the documents.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
// Only the content table is touched; the other names configFromEnv insists on are not used.
const config = configFromEnv({ COUNTERS_TABLE: 'unused', MEDIA_BUCKET: 'unused', ...process.env })
const started = Date.now()
const report = await rebuildSearchDocuments(createServices(config), { nationalTenant: NATIONAL_TENANT })
console.log(
  `Search documents for ${config.tables.content}: ${report.written} written, ${report.removed} removed, ${report.skipped} left to a publish that ran meanwhile (${Date.now() - started} ms)`,
)

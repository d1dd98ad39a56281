import { parseArgs } from 'node:util'
import { createDynamoClients } from '../../functions/shared/dynamo-clients.ts'
import { copyTable } from './copy.ts'

/**
 * Copies every item of one table into another with the operator's AWS credentials (docs/runbook.md "Restore"): after a
 * restore into a new table, the restored items are put back into the live one. Items the live table gained after the
 * restore point stay; items with the same key are replaced by the restored version.
 *
 *   AWS_REGION=eu-north-1 npx tsx infra/ops/copy-table-run.ts --from kompetansebroen-prod-content-restored --to kompetansebroen-prod-content
 */
const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } })
if (!values.from || !values.to || values.from === values.to) {
  console.error('Usage: copy-table-run.ts --from <restored table> --to <table to copy into> (two different tables)')
  process.exit(1)
}
const region = process.env.AWS_REGION ?? 'eu-north-1'
const { dynamo } = createDynamoClients({ region, tables: { content: values.from, counters: values.to }, mediaBucket: '' })
const copied = await copyTable(dynamo, values.from, values.to)
console.log(`Copied ${copied} items from ${values.from} into ${values.to} (${region}).`)

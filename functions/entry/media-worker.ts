import type { S3Event } from 'aws-lambda'
import { contentTable } from '../../infra/definitions.ts'
import { createMediaWorker } from '../media/worker.ts'
import { createMediaStore } from '../media/store.ts'
import { createAwsClients } from '../shared/aws.ts'
import { configFromEnv } from '../shared/config.ts'
import { Db } from '../shared/db.ts'

// Built once per Lambda container, at module init: only the clients the worker uses (DynamoDB and the media
// bucket), not the api's services, so no Cognito, CloudFront or token code is loaded.
const config = configFromEnv()
const clients = createAwsClients(config)
const worker = createMediaWorker({
  s3: clients.s3,
  bucket: config.mediaBucket,
  store: createMediaStore(new Db(clients.dynamo, config.tables.content, contentTable)),
})

/**
 * Lambda entry for S3 `ObjectCreated:*` on the media bucket's staging prefix (`uploads/`): verifies each
 * upload and copies it to its public key (functions/media/worker.ts). Environment: MEDIA_BUCKET and
 * CONTENT_TABLE (COUNTERS_TABLE or TABLE_PREFIX as configFromEnv wants, though the worker never uses it).
 * A thrown error makes Lambda retry the event; the worker is idempotent.
 */
export const handler = async (event: S3Event) => {
  const results = await worker(event)
  return { handled: results.length }
}

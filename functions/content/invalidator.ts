import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda'
import { createHash } from 'node:crypto'
import { invalidationFromStream, mergePaths } from './invalidation-outbox.ts'

/** One invalidation: its paths and the reference that makes a retried request a no-op (CloudFront's CallerReference). */
export interface InvalidationBatch {
  paths: string[]
  callerReference: string
}

/** Sends an invalidation: CloudFront in AWS (cloudfront.ts), a log line on a developer's machine (no CDN there). */
export type SendInvalidation = (batch: InvalidationBatch) => Promise<void>

export interface InvalidatorOptions {
  send: SendInvalidation
  log?: (entry: Record<string, unknown>) => void
}

/**
 * The same records give the same reference, so a batch Lambda delivers again after a failure (or a timeout after
 * CloudFront accepted it) creates no second invalidation. A batch of one is named by its record, readable in
 * CloudFront's console; a larger one by a hash of its records.
 */
function callerReference(ids: string[]): string {
  if (ids.length === 1) return ids[0]!
  return `batch-${createHash('sha256').update([...ids].sort().join(',')).digest('hex').slice(0, 40)}`
}

/**
 * The invalidator function's handler: a batch of the content table's stream records (outbox INSERTs, as
 * `invalidationStreamFilter` lets through) becomes one invalidation of their merged paths. When sending fails the
 * whole batch is reported failed from its first record, so Lambda retries it (and bisects it, then gives up to the
 * on-failure destination after the mapping's retries): a change is never left cached for want of a retry.
 */
export function createInvalidationHandler(options: InvalidatorOptions) {
  const log = options.log ?? ((entry) => console.log(JSON.stringify(entry)))
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const requests = event.Records.flatMap((record) => {
      const request = invalidationFromStream(record)
      return request ? [request] : []
    })
    const paths = mergePaths(requests.flatMap((request) => request.paths))
    if (!paths.length) return { batchItemFailures: [] }
    const batch = { paths, callerReference: callerReference(requests.map((request) => request.id)) }
    const references = requests.map((request) => request.reference)
    try {
      await options.send(batch)
      log({ invalidated: batch.paths, callerReference: batch.callerReference, changes: references })
      return { batchItemFailures: [] }
    } catch (error) {
      log({ invalidationFailed: (error as Error).name, message: (error as Error).message, callerReference: batch.callerReference, changes: references })
      const first = event.Records[0]?.dynamodb?.SequenceNumber
      if (!first) throw error
      return { batchItemFailures: [{ itemIdentifier: first }] }
    }
  }
}

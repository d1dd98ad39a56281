import type { S3Client } from '@aws-sdk/client-s3'
import type { S3Event, S3EventRecord } from 'aws-lambda'
import { parseStagingKey } from './paths.ts'
import { stagingKeyOf } from './keys.ts'
import { promoteUpload } from './promote.ts'
import type { RefusalReason } from './refusals.ts'
import type { MediaStore } from './store.ts'

/**
 * The media worker: S3 tells it an upload arrived at its staging key (ObjectCreated:*, by the bucket's
 * notification in AWS, by s3rver's event locally), and it runs the same verification and copy-to-public as
 * ever (promote.ts), so the editor's confirm call never waits for the bytes to be read.
 *
 * S3 delivers each event at least once and in no particular order, so every step is idempotent: a settled
 * record (ready or refused) is left alone, and promoteUpload's writes are conditional on the record being
 * unsettled. The tenant comes from the key, and the record is read in that tenant's partition only, so a
 * key cannot reach another tenant's upload.
 */
export interface MediaWorkerOptions {
  s3: S3Client
  bucket: string
  store: MediaStore
  /** One structured line per record (CloudWatch in AWS, the terminal locally). */
  log?: (entry: WorkerResult) => void
}

export type WorkerOutcome =
  | 'ready'
  | 'refused'
  /** Not an ObjectCreated event, another bucket, or a key that is not exactly an upload's staging key. */
  | 'ignored'
  /** A staging-shaped key with no upload behind it in the key's tenant (deleted, or never made). */
  | 'unknown'
  /** Ready or refused already: a repeated or late delivery. */
  | 'settled'
  /** Being deleted: nothing to publish. */
  | 'deleting'
  /** The staged object is gone: an earlier delivery published it, or the upload was removed. */
  | 'missing'
  /** The staged bytes changed while they were read; the newer upload's own event will check them. */
  | 'changed'
  /** Deleted while it was checked. */
  | 'gone'

export interface WorkerResult {
  outcome: WorkerOutcome
  /** The key as S3 sent it (URL-encoded). */
  key: string
  tenant?: string
  mediaId?: string
  reason?: RefusalReason
}

/** S3 event keys are URL-encoded, with `+` for a space; undefined when the encoding is broken. */
export function decodeEventKey(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '))
  } catch {
    return undefined
  }
}

export function createMediaWorker(options: MediaWorkerOptions) {
  const log = options.log ?? ((entry) => console.log(JSON.stringify({ mediaWorker: entry })))

  async function handleRecord(record: S3EventRecord): Promise<WorkerResult> {
    const raw = record.s3?.object?.key ?? ''
    const ignored: WorkerResult = { outcome: 'ignored', key: raw }
    if (!record.eventName?.startsWith('ObjectCreated:') || record.s3.bucket?.name !== options.bucket) return ignored
    const key = decodeEventKey(raw)
    const ref = key === undefined ? undefined : parseStagingKey(key)
    if (!ref) return ignored
    const about = { key: raw, tenant: ref.tenant, mediaId: ref.mediaId }
    const media = await options.store.get(ref.tenant, ref.mediaId)
    // Read in the key's tenant partition; the record's own tenant and staging key must agree with the key too.
    if (!media || media.tenant !== ref.tenant || stagingKeyOf(media) !== ref.stagingKey) return { outcome: 'unknown', ...about }
    if (media.status === 'ready' || media.status === 'refused') return { outcome: 'settled', ...about }
    if (media.deleting) return { outcome: 'deleting', ...about }
    const promotion = await promoteUpload({ s3: options.s3, bucket: options.bucket, store: options.store }, media)
    return promotion.outcome === 'refused' ? { outcome: 'refused', ...about, reason: promotion.reason } : { outcome: promotion.outcome, ...about }
  }

  /**
   * The Lambda handler's body. Records are handled one after another (a film is read in ranges, but one at a
   * time keeps memory flat); a failure does not stop the others, and is thrown at the end so Lambda retries
   * the event, which the idempotence above makes safe.
   */
  return async function handle(event: S3Event): Promise<WorkerResult[]> {
    const results: WorkerResult[] = []
    const failures: unknown[] = []
    for (const record of event.Records ?? []) {
      try {
        const result = await handleRecord(record)
        log(result)
        results.push(result)
      } catch (error) {
        console.error(JSON.stringify({ mediaWorker: { outcome: 'failed', key: record.s3?.object?.key, error: (error as Error).message } }))
        failures.push(error)
      }
    }
    if (failures.length === 1) throw failures[0]
    if (failures.length) throw new AggregateError(failures, `${failures.length} of ${event.Records.length} uploads could not be processed`)
    return results
  }
}
export type MediaWorker = ReturnType<typeof createMediaWorker>

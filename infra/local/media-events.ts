import type { S3Event } from 'aws-lambda'
import { mediaBucket } from '../definitions.ts'
import { createMediaStore } from '../../functions/media/store.ts'
import { createMediaWorker, type WorkerResult } from '../../functions/media/worker.ts'
import type { Services } from '../../functions/services.ts'
import type { RunningS3 } from './emulators.ts'

/**
 * Plays the media bucket's notification locally: s3rver's ObjectCreated events under the staging prefix go to
 * the media worker's own handler (functions/media/worker.ts, what functions/entry/media-worker.ts runs in
 * AWS), asynchronously as S3 invokes a Lambda, with failures logged rather than thrown at the uploader.
 */
export function deliverMediaEvents(s3: RunningS3, options: { services: Services; log: (line: string) => void }) {
  const { services, log } = options
  const worker = createMediaWorker({
    s3: services.clients.s3,
    bucket: services.config.mediaBucket,
    store: createMediaStore(services.db),
    log: (result: WorkerResult) => {
      if (result.outcome !== 'ignored') log(`Media worker: ${result.tenant}/${result.mediaId} ${result.outcome}${result.reason ? ` (${result.reason})` : ''}`)
    },
  })
  const running = new Set<Promise<unknown>>()
  // The notification's filter in AWS: this bucket, ObjectCreated:*, keys under the staging prefix.
  const wanted = (event: S3Event) =>
    event.Records.some(
      (record) =>
        record.eventName.startsWith('ObjectCreated:') &&
        record.s3.bucket.name === services.config.mediaBucket &&
        record.s3.object.key.startsWith(mediaBucket.stagingKeyPrefix),
    )
  const unsubscribe = s3.onObjectEvent((event) => {
    if (!wanted(event)) return
    // After s3rver has answered the uploader, as an asynchronous Lambda invocation would run.
    const run = new Promise((resolve) => setImmediate(resolve))
      .then(() => worker(event))
      .catch((error: Error) => log(`Media worker failed: ${error.message}`))
      .finally(() => running.delete(run))
    running.add(run)
  })
  return {
    /** Stops listening and waits for the work in progress, so nothing writes after the emulators stop. */
    async stop() {
      unsubscribe()
      await Promise.allSettled([...running])
    },
  }
}

import { gunzipSync } from 'node:zlib'
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { contentTable } from '../../infra/definitions.ts'
import { createMediaStore } from '../media/store.ts'
import type { RuntimeConfig } from '../shared/config.ts'
import { Db } from '../shared/db.ts'
import type { DynamoClients } from '../shared/dynamo-clients.ts'
import { parseAccessLog } from './access-log.ts'
import { analyticsCountsFor } from './counts.ts'
import { countDownloads, type DownloadCounting } from './downloads.ts'
import { createListenerState } from './listeners.ts'

/**
 * What the access-log function (and the local runner) counts downloads with: media facts from the content table's
 * media records, listener state and counts in the counters table.
 */
export function createDownloadCounting(config: RuntimeConfig, clients: DynamoClients): DownloadCounting {
  const media = createMediaStore(new Db(clients.dynamo, config.tables.content, contentTable))
  return {
    media: (tenant, id) => media.get(tenant, id),
    listeners: createListenerState(clients.dynamo, config.tables.counters),
    counts: analyticsCountsFor(config, clients),
  }
}

/** A log file's text, gunzipped if CloudFront gzipped it (it always does; the local router writes plain text). */
export const logText = (bytes: Uint8Array) => (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : Buffer.from(bytes)).toString('utf8')

/** Counts the downloads in one delivered log object, once: a file already counted is skipped. */
export async function processLogObject(s3: S3Client, bucket: string, key: string, counting: DownloadCounting, now = new Date()): Promise<number> {
  if (await counting.listeners.fileCounted(key)) return 0
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
  const bytes = await object.Body!.transformToByteArray()
  const downloads = await countDownloads(parseAccessLog(logText(bytes)), counting)
  await counting.listeners.markFileCounted(key, now)
  return downloads
}

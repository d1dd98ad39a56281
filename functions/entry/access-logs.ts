import type { S3Event } from 'aws-lambda'
import { createDownloadCounting, processLogObject } from '../analytics/log-processor.ts'
import { createAwsClients } from '../shared/aws.ts'
import { configFromEnv } from '../shared/config.ts'

// Built once per Lambda container: the clients, and the day's salt remembered between the files it processes.
const config = configFromEnv()
const clients = createAwsClients(config)
const counting = createDownloadCounting(config, clients)

/**
 * Lambda entry for S3 `ObjectCreated:*` on the log bucket's `cloudfront/` prefix: each standard access log file
 * CloudFront delivers is read once and its podcast downloads and film plays counted by IAB rules
 * (functions/analytics/downloads.ts). Environment: CONTENT_TABLE and COUNTERS_TABLE (or TABLE_PREFIX). A file counted
 * once is skipped when S3 delivers its event again. A thrown error makes Lambda retry the event; a file that failed
 * half-way adds its bytes again, which can only bring a listener to the minute sooner, never count one twice. What it
 * counted is in the counters table; failures show in the function's error metric and the -ops stack's alarm on it.
 */
export const handler = async (event: S3Event) => {
  let downloads = 0
  for (const record of event.Records) {
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '))
    downloads += await processLogObject(clients.s3, record.s3.bucket.name, key, counting)
  }
  return { downloads }
}

import { S3Client } from '@aws-sdk/client-s3'
import type { RuntimeConfig } from './config.ts'
import { createDynamoClients, type DynamoClients } from './dynamo-clients.ts'
import { emulatorCredentials, quietLogger } from './sdk-options.ts'

export type { DynamoRequestListener } from './dynamo-clients.ts'

/** The api function's clients (and those of tests and the local runner): DynamoDB and the media bucket. */
export interface AwsClients extends DynamoClients {
  s3: S3Client
}

export function createAwsClients(config: RuntimeConfig): AwsClients {
  const local = config.endpoints
  const s3 = new S3Client({
    region: config.region,
    logger: quietLogger,
    // Streamed bodies would otherwise be stored with their aws-chunked framing by s3rver (DESIGN.md).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(local?.s3 ? { endpoint: local.s3, forcePathStyle: true, credentials: emulatorCredentials } : {}),
  })
  return { ...createDynamoClients(config), s3 }
}

import { S3Client } from '@aws-sdk/client-s3'
import type { RuntimeConfig } from './config.ts'
import { createDynamoClients, type DynamoClients } from './dynamo-clients.ts'
import { emulatorCredentials, quietLogger } from './sdk-options.ts'

export type { DynamoRequestListener } from './dynamo-clients.ts'

/** The api function's clients (and those of tests and the local runner): DynamoDB and the media bucket. */
export interface AwsClients extends DynamoClients {
  /** Requests the function makes itself. */
  s3: S3Client
  /** Signs requests a browser makes later (multipart part URLs). */
  s3Presigner: S3Client
}

/** Checksums only where S3 requires one, instead of the SDK's default of wherever S3 supports one. */
const checksumsWhenRequired = { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } as const

export function createAwsClients(config: RuntimeConfig): AwsClients {
  const local = config.endpoints?.s3
  const common = {
    region: config.region,
    logger: quietLogger,
    ...(local ? { endpoint: local, forcePathStyle: true, credentials: emulatorCredentials } : {}),
  }
  return {
    ...createDynamoClients(config),
    // In AWS the SDK's integrity checks stay on. s3rver would store a streamed body with its aws-chunked framing
    // (DESIGN.md), so against the emulator only.
    s3: new S3Client({ ...common, ...(local ? checksumsWhenRequired : {}) }),
    // A part URL is signed before the browser has the bytes: a checksum signed into it now would be of an empty
    // body, and S3 would refuse the real part (aws-sdk-js-v3 since 3.729). So never for presigning, in AWS too.
    s3Presigner: new S3Client({ ...common, ...checksumsWhenRequired }),
  }
}

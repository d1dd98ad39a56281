import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { S3Client } from '@aws-sdk/client-s3'
import type { RuntimeConfig } from './config.ts'

/** Called once per DynamoDB API call; the request-budget tests and the benchmark count with it. */
export type DynamoRequestListener = (operation: string) => void

export interface AwsClients {
  /** Items as plain objects; for data-plane calls. */
  dynamo: DynamoDBDocumentClient
  /** The same connection for control-plane calls (DescribeTable, CreateTable). */
  dynamoControl: DynamoDBClient
  s3: S3Client
  /** Subscribe to DynamoDB calls; returns the unsubscribe function. */
  onDynamoRequest(listener: DynamoRequestListener): () => void
}

// Emulators accept any credentials; giving fixed ones keeps the SDK from searching the machine for real ones.
const emulatorCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }

const quietLogger = { debug() {}, warn() {}, error() {} } as unknown as Console

export function createAwsClients(config: RuntimeConfig): AwsClients {
  const local = config.endpoints
  const dynamoBase = new DynamoDBClient({
    region: config.region,
    // A logger without `info`: the SDK otherwise filters and copies every response for an info log nobody
    // reads. Failures still reach the caller as thrown errors; the SDK need not print them too.
    logger: quietLogger,
    ...(local?.dynamodb ? { endpoint: local.dynamodb, credentials: emulatorCredentials } : {}),
  })
  const listeners = new Set<DynamoRequestListener>()
  dynamoBase.middlewareStack.add(
    (next, context) => async (args) => {
      for (const listener of listeners) listener(String(context.commandName ?? 'unknown').replace(/Command$/, ''))
      return next(args)
    },
    { step: 'initialize', name: 'countDynamoRequests' },
  )
  const dynamo = DynamoDBDocumentClient.from(dynamoBase, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  })
  const s3 = new S3Client({
    region: config.region,
    // Streamed bodies would otherwise be stored with their aws-chunked framing by s3rver (DESIGN.md).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(local?.s3 ? { endpoint: local.s3, forcePathStyle: true, credentials: emulatorCredentials } : {}),
  })
  return {
    dynamo,
    dynamoControl: dynamoBase,
    s3,
    onDynamoRequest(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { RuntimeConfig } from './config.ts'
import { emulatorCredentials, quietLogger } from './sdk-options.ts'

/** Called once per DynamoDB API call; the request-budget tests and the benchmark count with it. */
export type DynamoRequestListener = (operation: string) => void

export interface DynamoClients {
  /** Items as plain objects; for data-plane calls. */
  dynamo: DynamoDBDocumentClient
  /** The same connection for control-plane calls (DescribeTable, CreateTable). */
  dynamoControl: DynamoDBClient
  /** Subscribe to DynamoDB calls; returns the unsubscribe function. */
  onDynamoRequest(listener: DynamoRequestListener): () => void
}

/** DynamoDB alone: all the site function needs, so its bundle carries no S3 client. */
export function createDynamoClients(config: RuntimeConfig): DynamoClients {
  const local = config.endpoints
  const dynamoBase = new DynamoDBClient({
    region: config.region,
    logger: quietLogger,
    // DynamoDB Local answers a request that waited too long for its lock with a 500 ("This request will succeed in
    // actual DynamoDB API"), which a busy machine meets under a rush of sign-ups: the SDK retries a 500 (a transaction
    // with its same idempotency token), so locally it may try a few more times than the default three.
    ...(local?.dynamodb ? { endpoint: local.dynamodb, credentials: emulatorCredentials, maxAttempts: 6 } : {}),
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
  return {
    dynamo,
    dynamoControl: dynamoBase,
    onDynamoRequest(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb'
import { CreateBucketCommand, HeadBucketCommand, PutBucketCorsCommand, type S3Client } from '@aws-sdk/client-s3'
import { contentTable, countersTable, mediaBucket, type TableDefinition } from '../definitions.ts'
import type { RuntimeConfig } from '../../functions/shared/config.ts'

/** The CreateTable input for a neutral definition: the local twin of what CDK declares. */
export function createTableInput(definition: TableDefinition, tableName: string) {
  const attributes = new Map<string, 'S' | 'N'>()
  for (const key of [definition.partitionKey, definition.sortKey, ...definition.indexes.flatMap((index) => [index.partitionKey, index.sortKey])])
    attributes.set(key.name, key.type)
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    KeySchema: [
      { AttributeName: definition.partitionKey.name, KeyType: 'HASH' as const },
      { AttributeName: definition.sortKey.name, KeyType: 'RANGE' as const },
    ],
    ...(definition.indexes.length
      ? {
          GlobalSecondaryIndexes: definition.indexes.map((index) => ({
            IndexName: index.name,
            KeySchema: [
              { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
              { AttributeName: index.sortKey.name, KeyType: 'RANGE' as const },
            ],
            Projection: { ProjectionType: 'ALL' as const },
          })),
        }
      : {}),
    ...(definition.stream ? { StreamSpecification: streamOf(definition) } : {}),
  }
}

const streamOf = (definition: TableDefinition) => ({ StreamEnabled: true, StreamViewType: definition.stream })

async function ensureTable(dynamo: DynamoDBClient, definition: TableDefinition, tableName: string) {
  try {
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: tableName }))
    // A developer's table from before the definition had a stream (.data/ outlives code changes) gains it.
    if (definition.stream && !Table?.StreamSpecification?.StreamEnabled)
      await dynamo.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: streamOf(definition) }))
    return
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error
  }
  await dynamo.send(new CreateTableCommand(createTableInput(definition, tableName)))
  await waitUntilTableExists({ client: dynamo, maxWaitTime: 30 }, { TableName: tableName })
  if (definition.timeToLiveAttribute)
    await dynamo.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { Enabled: true, AttributeName: definition.timeToLiveAttribute },
      }),
    )
}

/** Creates the tables and the media bucket (with CORS for the site's origin) when they are missing. */
export async function provision(clients: { dynamoControl: DynamoDBClient; s3: S3Client }, config: RuntimeConfig) {
  await ensureTable(clients.dynamoControl, contentTable, config.tables.content)
  await ensureTable(clients.dynamoControl, countersTable, config.tables.counters)
  try {
    await clients.s3.send(new HeadBucketCommand({ Bucket: config.mediaBucket }))
  } catch {
    await clients.s3.send(new CreateBucketCommand({ Bucket: config.mediaBucket }))
  }
  const cors = mediaBucket.cors
  await clients.s3.send(
    new PutBucketCorsCommand({
      Bucket: config.mediaBucket,
      CORSConfiguration: {
        CORSRules: [
          {
            AllowedOrigins: [config.siteOrigin ?? 'http://127.0.0.1:3000'],
            AllowedMethods: [...cors.allowedMethods],
            AllowedHeaders: [...cors.allowedHeaders],
            ExposeHeaders: [...cors.exposedHeaders],
            MaxAgeSeconds: cors.maxAgeSeconds,
          },
        ],
      },
    }),
  )
}

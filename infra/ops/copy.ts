import { CopyObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3'
import { BatchWriteCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'

/**
 * Copying a whole table or bucket, for operations only (the restore drill, the tests' demo template): product code
 * never Scans. Items and objects are copied as they are, keys, attributes and metadata alike.
 */

/** Every item of `from` into `to` (which must exist): a consistent Scan, written 25 at a time. Answers how many. */
export async function copyTable(dynamo: DynamoDBDocumentClient, from: string, to: string): Promise<number> {
  const writes: Promise<void>[] = []
  let copied = 0
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const page = await dynamo.send(new ScanCommand({ TableName: from, ExclusiveStartKey, ConsistentRead: true }))
    const items = page.Items ?? []
    copied += items.length
    for (let start = 0; start < items.length; start += 25) writes.push(writeBatch(dynamo, to, items.slice(start, start + 25)))
    ExclusiveStartKey = page.LastEvaluatedKey
  } while (ExclusiveStartKey)
  await Promise.all(writes)
  return copied
}

async function writeBatch(dynamo: DynamoDBDocumentClient, table: string, items: Record<string, unknown>[]) {
  let requests = items.map((Item) => ({ PutRequest: { Item } }))
  for (let attempt = 0; requests.length; attempt++) {
    if (attempt > 10) throw new Error(`DynamoDB kept ${requests.length} items of a copy into ${table} unprocessed`)
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt))
    const { UnprocessedItems } = await dynamo.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }))
    requests = (UnprocessedItems?.[table] ?? []) as typeof requests
  }
}

/** How many items a table holds, by a consistent Scan that keeps only the count. */
export async function countItems(dynamo: DynamoDBDocumentClient, table: string): Promise<number> {
  let count = 0
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const page = await dynamo.send(new ScanCommand({ TableName: table, ExclusiveStartKey, ConsistentRead: true, Select: 'COUNT' }))
    count += page.Count ?? 0
    ExclusiveStartKey = page.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return count
}

/** Every key of a bucket, in S3's order. */
export async function listKeys(s3: S3Client, bucket: string): Promise<string[]> {
  const keys: string[] = []
  let ContinuationToken: string | undefined
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken }))
    keys.push(...(page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : [])))
    ContinuationToken = page.NextContinuationToken
  } while (ContinuationToken)
  return keys
}

/** Every object of `from` into `to` (which must exist) by server-side copy, metadata included, 8 at a time. */
export async function copyBucket(s3: S3Client, from: string, to: string): Promise<number> {
  const keys = await listKeys(s3, from)
  let next = 0
  const worker = async () => {
    while (next < keys.length) {
      const key = keys[next++]!
      const source = `${from}/${key.split('/').map(encodeURIComponent).join('/')}`
      await s3.send(new CopyObjectCommand({ Bucket: to, Key: key, CopySource: source, MetadataDirective: 'COPY' }))
    }
  }
  await Promise.all(Array.from({ length: 8 }, worker))
  return keys.length
}

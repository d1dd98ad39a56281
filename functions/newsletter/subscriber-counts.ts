import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from '../shared/db.ts'
import { newsletterPk, subscriberPrefix } from './keys.ts'

/**
 * How many confirmed subscribers an edition has: a COUNT query (no address leaves DynamoDB), for the editor's page.
 * Each page of a COUNT reads up to 1 MB; bounded so a page load never runs away.
 */
export async function countSubscribers(db: Db, tenant: string, maxPages = 20): Promise<number> {
  let count = 0
  let start: Record<string, unknown> | undefined
  for (let page = 0; page < maxPages; page++) {
    const result = await db.client.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sub)',
        FilterExpression: '#status = :confirmed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pk': newsletterPk(tenant), ':sub': subscriberPrefix, ':confirmed': 'confirmed' },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    )
    count += result.Count ?? 0
    start = result.LastEvaluatedKey
    if (!start) break
  }
  return count
}

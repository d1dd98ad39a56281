import { randomBytes } from 'node:crypto'
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { listenerPk, logFilePk, saltPk, stateSk } from './keys.ts'

/*
 * The IAB listener state between log files (issue 15). CloudFront delivers a day's requests in many files, processed
 * by as many invocations, so the bytes a listener requested and whether a download was counted must outlive one of
 * them: one record per hashed listener and day, which expires two days after the day. The day's salt is shared the
 * same way (a random 32 bytes made by whichever invocation needs it first) and expires with them, so after that no
 * key can be linked to an address again. Nothing here ever holds an address.
 */

const dayEnd = (day: string) => Math.floor(Date.parse(`${day}T00:00:00Z`) / 1000) + 86_400
const expiry = (day: string) => dayEnd(day) + 2 * 86_400
const failedCondition = (error: unknown) => (error as { name?: string }).name === 'ConditionalCheckFailedException'

export function createListenerState(client: DynamoDBDocumentClient, table: string) {
  const salts = new Map<string, Buffer>()
  return {
    /** Whether a log file was counted already: S3 may deliver an event twice, and a file's bytes must count once. */
    async fileCounted(key: string): Promise<boolean> {
      return Boolean((await client.send(new GetCommand({ TableName: table, Key: { PK: logFilePk(key), SK: stateSk }, ConsistentRead: true }))).Item)
    },

    /**
     * Marks a log file counted, after its counts are written. A failure before this (Lambda retries the event) counts
     * the file again: listeners' downloads stay once each, though their bytes may reach the minute early.
     */
    async markFileCounted(key: string, now: Date): Promise<void> {
      await client.send(new PutCommand({ TableName: table, Item: { PK: logFilePk(key), SK: stateSk, expiresAt: Math.floor(now.getTime() / 1000) + 7 * 86_400 } }))
    },

    /** The day's salt: remembered in memory for the day, made once per day across every invocation. */
    async saltOf(day: string): Promise<Buffer> {
      const known = salts.get(day)
      if (known) return known
      const key = { PK: saltPk(day), SK: stateSk }
      let stored = (await client.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item
      if (!stored) {
        const fresh = { ...key, salt: randomBytes(32).toString('base64'), expiresAt: expiry(day) }
        try {
          await client.send(new PutCommand({ TableName: table, Item: fresh, ConditionExpression: 'attribute_not_exists(PK)' }))
          stored = fresh
        } catch (error) {
          if (!failedCondition(error)) throw error
          stored = (await client.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item
        }
      }
      const salt = Buffer.from(String(stored!.salt), 'base64')
      // Only today's and yesterday's salts matter to late log files; forget older ones.
      if (salts.size > 2) salts.delete(salts.keys().next().value!)
      salts.set(day, salt)
      return salt
    },

    /**
     * Adds `bytes` to a listener's day and says whether this call is the one that took it to `threshold` first (a
     * conditional write, so two invocations never both count it).
     */
    async addBytes(day: string, hash: string, bytes: number, threshold: number): Promise<boolean> {
      const key = { PK: listenerPk(day, hash), SK: stateSk }
      const { Attributes } = await client.send(
        new UpdateCommand({
          TableName: table,
          Key: key,
          UpdateExpression: 'ADD #bytes :bytes SET #expiresAt = :expiresAt',
          ExpressionAttributeNames: { '#bytes': 'bytes', '#expiresAt': 'expiresAt' },
          ExpressionAttributeValues: { ':bytes': bytes, ':expiresAt': expiry(day) },
          ReturnValues: 'ALL_NEW',
        }),
      )
      if (Number(Attributes?.bytes ?? 0) < threshold || Attributes?.counted) return false
      try {
        await client.send(
          new UpdateCommand({
            TableName: table,
            Key: key,
            UpdateExpression: 'SET #counted = :true',
            ConditionExpression: 'attribute_not_exists(#counted)',
            ExpressionAttributeNames: { '#counted': 'counted' },
            ExpressionAttributeValues: { ':true': true },
          }),
        )
        return true
      } catch (error) {
        if (failedCondition(error)) return false
        throw error
      }
    },
  }
}
export type ListenerState = ReturnType<typeof createListenerState>

import { createHash } from 'node:crypto'
import { ulid } from 'ulid'
import type { Db } from '../shared/db.ts'
import { cancellationReasons } from './retry.ts'
import { feedPrefix, feedSk, partnerFeedPk, sourcePrefix, sourceSk } from './partner-feed-keys.ts'
import type { FeedRun, PartnerFeed, PartnerFeedInput, SourceRecord } from './partner-feed-model.ts'

type Row<T> = T & { PK: string; SK: string }
const strip = <T>({ PK: _pk, SK: _sk, ...rest }: Row<T>) => rest as unknown as T
const uidHash = (uid: string) => createHash('sha256').update(uid).digest('base64url')
const isConditionFailure = (error: unknown) =>
  (error as { name?: string }).name === 'ConditionalCheckFailedException' || Boolean(cancellationReasons(error)?.some((reason) => reason.Code === 'ConditionalCheckFailed'))

/**
 * An edition's subscriptions to partners' calendars and, per subscription, a record of each source event it imported
 * (UID → draft, content hash), all in the edition's own partition (partner-feed-keys.ts).
 */
export function createPartnerFeeds(db: Db, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date())
  const feedKey = (tenant: string, id: string) => ({ PK: partnerFeedPk(tenant), SK: feedSk(id) })
  const sourceKey = (tenant: string, feedId: string, uid: string) => ({ PK: partnerFeedPk(tenant), SK: sourceSk(feedId, uidHash(uid)) })

  async function queryAll<T>(tenant: string, prefix: string, max: number): Promise<T[]> {
    const found: T[] = []
    let cursor: string | undefined
    do {
      const page = await db.query<Row<T>>({ partitionKey: { name: 'PK', value: partnerFeedPk(tenant) }, sortKeyPrefix: { name: 'SK', value: prefix }, limit: 200, cursor, consistent: true })
      found.push(...page.items.map(strip))
      cursor = page.nextCursor
    } while (cursor && found.length < max)
    return found.slice(0, max)
  }

  return {
    /** A new subscription, due at once. */
    async add(tenant: string, input: PartnerFeedInput, by: string): Promise<PartnerFeed> {
      const at = now()
      const feed: PartnerFeed = { id: ulid(at.getTime()), tenant, partner: input.partner, url: input.url, createdAt: at.toISOString(), createdBy: by, nextFetchAt: at.toISOString() }
      await db.put({ ...feedKey(tenant, feed.id), ...feed }, { ifNotExists: 'PK' })
      return feed
    },

    /** Writes a subscription as given (the local runner's demo feed, whose address follows the port). */
    save: (feed: PartnerFeed) => db.put({ ...feedKey(feed.tenant, feed.id), ...feed }),

    async get(tenant: string, id: string): Promise<PartnerFeed | undefined> {
      const row = await db.get<Row<PartnerFeed>>(feedKey(tenant, id), { consistent: true })
      return row ? strip(row) : undefined
    },

    list: (tenant: string) => queryAll<PartnerFeed>(tenant, feedPrefix, 100),

    /** The subscription and its source records; the drafts it made stay, for the editors to decide on. */
    async remove(tenant: string, id: string): Promise<boolean> {
      const sources = await queryAll<SourceRecord>(tenant, sourcePrefix(id), 10_000)
      for (let start = 0; start < sources.length; start += 100)
        await db.transact(sources.slice(start, start + 100).map((source) => ({ Delete: { Key: sourceKey(tenant, id, source.uid) } })))
      try {
        await db.transact([{ Delete: { Key: feedKey(tenant, id), ConditionExpression: 'attribute_exists(PK)' } }])
        return true
      } catch (error) {
        if (isConditionFailure(error)) return false
        throw error
      }
    },

    /** The run's outcome and the next fetch; a subscription removed meanwhile stays removed. */
    async recordRun(tenant: string, id: string, run: FeedRun, nextFetchAt: string): Promise<void> {
      try {
        await db.transact([
          {
            Update: {
              Key: feedKey(tenant, id),
              UpdateExpression: 'SET lastRun = :run, nextFetchAt = :next',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeValues: { ':run': run, ':next': nextFetchAt },
            },
          },
        ])
      } catch (error) {
        if (!isConditionFailure(error)) throw error
      }
    },

    /** "Hent nå": due at once, so the scheduler's next run (within a minute) imports it. False when it is gone. */
    async markDue(tenant: string, id: string): Promise<boolean> {
      try {
        await db.transact([{ Update: { Key: feedKey(tenant, id), UpdateExpression: 'SET nextFetchAt = :now', ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeValues: { ':now': now().toISOString() } } }])
        return true
      } catch (error) {
        if (isConditionFailure(error)) return false
        throw error
      }
    },

    sources: (tenant: string, feedId: string) => queryAll<SourceRecord>(tenant, sourcePrefix(feedId), 10_000),

    /**
     * Claims a source event for one draft: the first run to write its record makes the draft, a concurrent run finds
     * it taken (false) and leaves it, so two runs never make two drafts of one event.
     */
    async claim(tenant: string, source: SourceRecord): Promise<boolean> {
      try {
        await db.put({ ...sourceKey(tenant, source.feedId, source.uid), ...source }, { ifNotExists: 'PK' })
        return true
      } catch (error) {
        if (isConditionFailure(error)) return false
        throw error
      }
    },

    /** After the draft followed the source (or was flagged): the hash and flags the next import compares with. */
    update: (tenant: string, source: SourceRecord) => db.put({ ...sourceKey(tenant, source.feedId, source.uid), ...source }),
  }
}
export type PartnerFeedStore = ReturnType<typeof createPartnerFeeds>

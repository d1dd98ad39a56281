import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { encodeCursor, type Db, type Page, type TransactItem } from '../shared/db.ts'
import * as keys from './keys.ts'
import * as library from './library.ts'
import { refusedRecordSeconds, type RefusalReason } from './refusals.ts'
import { mediaRecordSchema, toMedia, type ListedMedia, type MediaListQuery, type MediaPatch, type MediaRecord } from './schema.ts'
import type { Facts } from './verify.ts'

/** A transaction refused by one of its conditions (rather than, say, throttled). */
export const failedCondition = (error: unknown) =>
  (error as Error).name === 'TransactionCanceledException' &&
  ((error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? []).some(
    (reason) => reason.Code === 'ConditionalCheckFailed',
  )

const notDeleting = 'attribute_not_exists(#deleting)'
/** Not yet ready or refused, and not being deleted: the only state a verdict may be written in. */
const unsettled = { condition: `#status IN (:pending, :processing) AND ${notDeleting}`, values: { ':pending': 'pending', ':processing': 'processing' } }

/** Query pages a filtered date-ordered page may read before it answers short (with a cursor to go on). */
const filteredReads = 5
/** The most files a name- or size-ordered listing reads and orders. */
const orderedCap = 2000
/**
 * Use records read per Query page when counting a tenant's uses. A use record is ~150 bytes, so a page of 5,000 stays
 * under DynamoDB's 1 MB per request: a tenant's few thousand uses (an item uses a handful of files) are one Query.
 */
const usePageSize = 5000
/** Pages read before the counts are given as they stand ("at least"): 20,000 uses, far past any tenant's. */
const useReads = 4

/** Media records: `PK = TENANT#{tenant}`, `SK = MEDIA#{id}`, in the content table (docs/data-model.md). */
export function createMediaStore(db: Db, options: { now?: () => Date } = {}) {
  const clock = () => options.now?.() ?? new Date()
  const now = () => clock().toISOString()
  const key = (tenant: string, id: string) => ({ PK: keys.tenantPk(tenant), SK: keys.mediaSk(id) })

  /** One conditional update; false when the condition did not hold. */
  async function update(
    tenant: string,
    id: string,
    change: { set?: Record<string, unknown>; remove?: string[]; condition: string; values?: Record<string, unknown> },
    alongside: TransactItem[] = [],
  ) {
    const names: Record<string, string> = {}
    const values: Record<string, unknown> = { ...change.values }
    const name = (attribute: string) => {
      names[`#${attribute}`] = attribute
      return `#${attribute}`
    }
    const assignments = Object.entries(change.set ?? {})
      .filter(([, value]) => value !== undefined)
      .map(([attribute, value]) => {
        values[`:${attribute}`] = value
        return `${name(attribute)} = :${attribute}`
      })
    const removals = (change.remove ?? []).map(name)
    for (const [, attribute] of change.condition.matchAll(/#(\w+)/g)) name(attribute!)
    try {
      await db.transact([
        {
          Update: {
            Key: key(tenant, id),
            UpdateExpression: [assignments.length ? `SET ${assignments.join(', ')}` : '', removals.length ? `REMOVE ${removals.join(', ')}` : '']
              .join(' ')
              .trim(),
            ConditionExpression: change.condition,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: Object.keys(values).length ? values : undefined,
          },
        },
        ...alongside,
      ])
      return true
    } catch (error) {
      if (failedCondition(error)) return false
      throw error
    }
  }

  async function get(tenant: string, id: string): Promise<MediaRecord | undefined> {
    const record = await db.get(key(tenant, id), { consistent: true })
    return record ? mediaRecordSchema.parse(record) : undefined
  }

  /**
   * How many items use each of the tenant's files: its `MEDIAUSE#` records, keys only (the sort key names the file),
   * paged to the end but at most `useReads` pages; past that `complete` is false and each count is "at least". An
   * eventually consistent read: the library is a view, and a delete checks its file's uses with a strong read (usedBy).
   */
  async function useCounts(tenant: string): Promise<{ counts: Map<string, number>; complete: boolean }> {
    const items = new Map<string, Set<string>>()
    let cursor: string | undefined
    let reads = 0
    do {
      const page = await db.query<{ SK: string }>({
        partitionKey: { name: 'PK', value: keys.tenantPk(tenant) },
        sortKeyPrefix: { name: 'SK', value: keys.useSkPrefix },
        projection: ['SK'],
        limit: usePageSize,
        cursor,
      })
      for (const { SK } of page.items) {
        const { mediaId, itemId } = keys.parseUseSk(SK)
        items.set(mediaId, (items.get(mediaId) ?? new Set()).add(itemId))
      }
      cursor = page.nextCursor
    } while (cursor && ++reads < useReads)
    return { counts: new Map([...items].map(([mediaId, users]) => [mediaId, users.size])), complete: !cursor }
  }

  return {
    get,
    useCounts,

    async create(record: MediaRecord): Promise<void> {
      await db.put({ ...key(record.tenant, record.id), ...mediaRecordSchema.parse(record) }, { ifNotExists: 'PK' })
    },

    /**
     * One page of the library, searched, filtered (library.ts) and in the order asked, each file with how many items
     * use it (`useCounts`: one Query for the whole page, never a read per file). Newest and oldest follow the
     * sort key: a filtered page reads on until it is full, at most `filteredReads` Query pages, and may come back
     * short with a cursor to go on from. Name and size have no key to follow, so the whole library is read (a Query,
     * at most `orderedCap` files, `truncated` beyond) and ordered here; a library is hundreds of files, not millions.
     */
    async list(tenant: string, query: MediaListQuery): Promise<Page<ListedMedia> & { truncated: boolean; useCountsComplete: boolean }> {
      const uses = await useCounts(tenant)
      const useCount = (id: string) => uses.counts.get(id) ?? 0
      const match = library.matcher(query, useCount)
      const toPage = (page: { items: Array<Record<string, unknown>>; nextCursor?: string }, truncated = false) => ({
        items: page.items.map((record) => {
          const media = toMedia(mediaRecordSchema.parse(record))
          return { ...media, useCount: useCount(media.id) }
        }),
        nextCursor: page.nextCursor,
        truncated,
        useCountsComplete: uses.complete,
      })
      const read = (cursor: string | undefined, limit: number, ascending = false) =>
        db.query({ partitionKey: { name: 'PK', value: keys.tenantPk(tenant) }, sortKeyPrefix: { name: 'SK', value: keys.mediaSkPrefix }, limit, cursor, ascending })

      if (!library.isKeyOrdered(query.sort)) {
        const records: Array<Record<string, unknown>> = []
        let cursor: string | undefined
        do {
          const page = await read(cursor, Math.min(500, orderedCap - records.length))
          records.push(...page.items)
          cursor = page.nextCursor
        } while (cursor && records.length < orderedCap)
        const parsed = records.map((record) => mediaRecordSchema.parse(record)).filter((record) => !match || match(record))
        return toPage(library.pageInOrder(parsed, query.sort as 'name' | 'size', query.limit, query.cursor), Boolean(cursor))
      }

      const ascending = query.sort === 'oldest'
      if (!match) return toPage(await read(query.cursor, query.limit, ascending))
      const kept: Array<Record<string, unknown>> = []
      let cursor = query.cursor
      for (let reads = 0; reads < filteredReads; reads++) {
        const page = await read(cursor, Math.max(query.limit * 3, 60), ascending)
        for (const [index, record] of page.items.entries()) {
          if (!match(mediaRecordSchema.parse(record))) continue
          kept.push(record)
          // Full inside what was read: go on after this record, if anything follows it.
          if (kept.length === query.limit) {
            const more = index < page.items.length - 1 || page.nextCursor
            return toPage({ items: kept, nextCursor: more ? encodeCursor({ PK: String(record.PK), SK: String(record.SK) }) : undefined })
          }
        }
        cursor = page.nextCursor
        if (!cursor) break
      }
      return toPage({ items: kept, nextCursor: cursor })
    },

    /** pending → processing: the editor confirmed; false when it is past that already (or being deleted). */
    markProcessing(tenant: string, id: string): Promise<boolean> {
      return update(tenant, id, { set: { status: 'processing', updatedAt: now() }, condition: `#status = :pending AND ${notDeleting}`, values: { ':pending': 'pending' } })
    },

    /**
     * pending or processing → ready with what was measured, and `alongside` (what the file's content gives,
     * such as its transcript) in the same transaction; false when it is settled already (or being deleted).
     */
    markReady(tenant: string, id: string, facts: Facts, alongside: TransactItem[] = []): Promise<boolean> {
      return update(tenant, id, { set: { ...facts, status: 'ready', updatedAt: now() }, remove: ['multipart'], ...unsettled }, alongside)
    },

    /**
     * pending or processing → refused, saying why; DynamoDB's TTL removes the record a day later, so the
     * workspace can show the reason meanwhile. False when it is settled already (or being deleted).
     */
    markRefused(tenant: string, id: string, refusal: { problem: string; reason: RefusalReason }): Promise<boolean> {
      const expiresAt = Math.floor(clock().getTime() / 1000) + refusedRecordSeconds
      return update(tenant, id, { set: { ...refusal, status: 'refused', expiresAt, updatedAt: now() }, remove: ['multipart'], ...unsettled })
    },

    /**
     * Sets alt, title and the focal point; an empty string (or a `null` focal point) removes one. With `updatedAt`,
     * only while the record is still as the editor loaded it (false otherwise, as when it is gone or being deleted).
     */
    patch(tenant: string, id: string, patch: Omit<MediaPatch, 'updatedAt'>, expected?: { updatedAt: string }): Promise<boolean> {
      const fields = Object.entries(patch).filter(([, value]) => value !== undefined)
      const removed = (value: unknown) => value === '' || value === null
      return update(tenant, id, {
        set: { ...Object.fromEntries(fields.filter(([, value]) => !removed(value))), updatedAt: now() },
        remove: fields.filter(([, value]) => removed(value)).map(([name]) => name),
        condition: `attribute_exists(#PK) AND attribute_not_exists(#deleting)${expected ? ' AND #updatedAt = :expectedUpdatedAt' : ''}`,
        values: expected ? { ':expectedUpdatedAt': expected.updatedAt } : undefined,
      })
    },

    /**
     * Marks a delete in progress. From here on usage.ts's checks refuse new uses, so the usage Query that
     * follows sees every use there will be.
     */
    beginDelete: (tenant: string, id: string) => update(tenant, id, { set: { deleting: now() }, condition: 'attribute_exists(#PK)' }),
    cancelDelete: (tenant: string, id: string) => update(tenant, id, { remove: ['deleting'], condition: 'attribute_exists(#PK)' }),

    /** The record, and `alongside` (what was derived from the file) with it. */
    async remove(tenant: string, id: string, alongside: TransactItem[] = []): Promise<void> {
      await db.transact([{ Delete: { Key: key(tenant, id) } }, ...alongside])
    },

    /**
     * Items that use a media file: a strongly consistent read (Db.query has none), so a use committed just
     * before a delete began is seen.
     */
    async usedBy(tenant: string, id: string, limit = 100): Promise<Array<{ itemId: string; tenant: string }>> {
      const { Items = [] } = await db.client.send(
        new QueryCommand({
          TableName: db.table,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.tenantPk(tenant), ':prefix': keys.usePrefix(id) },
          ConsistentRead: true,
          Limit: limit,
        }),
      )
      return Items.map((use) => ({ itemId: String(use.itemId), tenant: String(use.itemTenant ?? tenant) }))
    },
  }
}
export type MediaStore = ReturnType<typeof createMediaStore>

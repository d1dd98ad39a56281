import { maxTransactionWrites, type Db, type Key, type TransactItem } from '../shared/db.ts'
import { ApiError, gone, notFound } from '../shared/errors.ts'
import { StaleVersionError } from '../shared/versioned.ts'
import { binnedRefusal } from './item-check.ts'
import * as keys from './keys.ts'
import type { StoredItem } from './store.ts'

/** How long a deleted item can be restored before DynamoDB's TTL removes it and everything that belongs to it. */
export const BIN_DAYS = 30
const TTL = keys.ttlAttribute // the table's, epoch seconds

/** A record that belongs to an item, with its own version when it keeps one. */
interface Belonging {
  key: Key
  version?: number
}

/** An item in the bin: the item as it was, when and by whom it was deleted, and when it goes for good. */
export type BinnedItem = StoredItem & { binnedAt: string; binnedBy?: string; expiresAt: number }

/**
 * Records another capability keeps for an item that must share its fate (a course's outline, lessons and exam,
 * media use records): their keys in the content table. The bin gives each the item's TTL in its transaction,
 * takes it off on restore and deletes them with a purge, so DynamoDB removes them together.
 */
export interface BinHook {
  records(item: StoredItem): Promise<Key[]>
  /** Throws an ApiError when the item cannot be copied (duplicate.ts): records a copy would have to carry too. */
  refuseCopy?(item: StoredItem): Promise<void>
}

/** The keys a list of writes deletes: how a hook names records whose own capability builds the deletes (media uses). */
export const deletedKeys = (writes: TransactItem[]): Key[] => writes.flatMap((write) => ('Delete' in write && write.Delete.Key ? [write.Delete.Key as Key] : []))

const pk = (tenant: string) => keys.tenantPk(tenant)
const stripKeys = ({ PK, SK, ...rest }: Record<string, unknown>) => rest

/**
 * The bin (issue 17): a draft, unpublished or archived item is deleted by moving its record from `ITEM#{id}` to
 * `BIN#{id}` in one transaction conditioned on its version, while its slug claim, followers record and every
 * record a BinHook names get the same `expiresAt` (30 days). Its slug stays claimed, so a restore never collides.
 * Revisions are many; as many as fit go in that transaction, the rest get their TTL right after (a crash between
 * leaves revisions of a gone item that nothing reads, never a live item losing history: restore clears theirs first).
 */
export function createBin(
  db: Db,
  options: { now: () => string; getItem: (tenant: string, id: string) => Promise<StoredItem | undefined>; hooks?: BinHook[] },
) {
  const { now, getItem } = options

  async function getBinned(tenant: string, id: string): Promise<BinnedItem | undefined> {
    const record = await db.get<Record<string, unknown>>({ PK: pk(tenant), SK: keys.binSk(id) }, { consistent: true })
    return record ? (stripKeys(record) as BinnedItem) : undefined
  }

  const refuseIfBinned = binnedRefusal(db)

  /**
   * The records that share the item's fate and exist now (a hook may name records not yet written), each with its own
   * `version` if it keeps one (a course's outline, the followers record): the bin's write is conditioned on it, so a
   * lessons save between this read and the bin's transaction makes it read again rather than miss a new lesson.
   */
  async function belongings(item: StoredItem): Promise<Belonging[]> {
    const named = async () => [
      { PK: pk(item.tenant), SK: keys.followersSk(item.id) },
      ...(await Promise.all((options.hooks ?? []).map((hook) => hook.records(item)))).flat(),
    ]
    const same = (a: Key[], b: Key[]) => a.length === b.length && a.every((key, index) => key.SK === b[index]!.SK && key.PK === b[index]!.PK)
    // The versions are read after the hooks named the records; naming them again after that read and finding the same
    // set proves no record was added in between (a later change then fails the version condition).
    for (let names = await named(); ; ) {
      const found: Belonging[] = []
      for (let start = 0; start < names.length; start += 100) {
        const records = await db.batchGet<Key & { version?: unknown }>(names.slice(start, start + 100))
        found.push(...records.map(({ PK, SK, version }) => ({ key: { PK: PK!, SK: SK! }, version: typeof version === 'number' ? version : undefined })))
      }
      const again = await named()
      if (same(names, again)) return found
      names = again
    }
  }

  async function revisionKeys(tenant: string, id: string): Promise<Key[]> {
    const found: Key[] = []
    let cursor: string | undefined
    do {
      const page = await db.query<Key>({ partitionKey: { name: 'PK', value: pk(tenant) }, sortKeyPrefix: { name: 'SK', value: keys.revisionPrefix(id) }, limit: 200, cursor })
      found.push(...page.items.map(({ PK, SK }) => ({ PK: PK!, SK: SK! })))
      cursor = page.nextCursor
    } while (cursor)
    return found
  }

  /** The condition a belonging is written under: it exists and, if it keeps a version, is still the one read. */
  const unchanged = (record: Belonging) =>
    record.version === undefined
      ? { ConditionExpression: 'attribute_exists(PK)' }
      : { ConditionExpression: 'attribute_exists(PK) AND version = :version', ExpressionAttributeValues: { ':version': record.version } }
  /** Sets (a number) or removes (undefined) the TTL of a record that must exist. */
  const ttlWrite = (Key: Key, expiresAt: number | undefined, also: { ConditionExpression: string; ExpressionAttributeValues?: Record<string, unknown> } = { ConditionExpression: 'attribute_exists(PK)' }) => ({
    Update: {
      Key,
      UpdateExpression: expiresAt === undefined ? 'REMOVE #ttl' : 'SET #ttl = :ttl',
      ConditionExpression: also.ConditionExpression,
      ExpressionAttributeNames: { '#ttl': TTL },
      ...(expiresAt === undefined && !also.ExpressionAttributeValues
        ? {}
        : { ExpressionAttributeValues: { ...also.ExpressionAttributeValues, ...(expiresAt === undefined ? {} : { ':ttl': expiresAt }) } }),
    },
  })
  /** The writes past what one transaction holds, a record at a time (each conditional, so repeating is harmless). */
  const writeRest = async (writes: Array<Extract<TransactItem, { Update: unknown } | { Delete: unknown }>>) => {
    for (const write of writes) await db.writeOne(write)
  }
  /** What fits beside `used` writes (the item's own included) in one transaction, and the rest. */
  const split = <T>(used: number, more: T[]) => {
    const room = Math.max(0, maxTransactionWrites - used)
    return [more.slice(0, room), more.slice(room)] as const
  }
  const slugKey = (item: StoredItem) => ({ PK: pk(item.tenant), SK: keys.slugSk(item.type, item.slug) })
  const slugIsOurs = (item: StoredItem) => ({ ConditionExpression: 'itemId = :id', ExpressionAttributeValues: { ':id': item.id } })

  /** Loads a binned item for restore or purge: 404 if absent, 410 once its time is up, 409 on another version. */
  async function loadBinned(tenant: string, id: string, expectedVersion: number): Promise<BinnedItem> {
    const binned = await getBinned(tenant, id)
    if (!binned) throw notFound(`No item ${id} in ${tenant}'s bin.`)
    if (binned.expiresAt * 1000 <= Date.parse(now())) throw gone(`Item ${id} was deleted for good.`)
    if (binned.version !== expectedVersion) throw new StaleVersionError(binned, expectedVersion)
    return binned
  }
  /** A race on a belonging (a lesson saved, a follower added meanwhile): read again and rebuild. */
  const retry = () => 'retry' as const

  return {
    getBinned,
    refuseIfBinned,

    /** Moves an item to the bin; 409 item_published while readers can see it, 409 stale_version on another version. */
    async bin(tenant: string, id: string, expectedVersion: number, by?: string): Promise<BinnedItem> {
      let overflow: Array<ReturnType<typeof ttlWrite>> = []
      const binned = await db.writeVersioned<BinnedItem>({
        missing: `No item ${id} in ${tenant}.`,
        current: async () => (await getItem(tenant, id)) ?? refuseIfBinned(tenant, id),
        explain: retry,
        build: async () => {
          const item = await getItem(tenant, id)
          if (!item) throw (await refuseIfBinned(tenant, id)) ?? notFound(`No item ${id} in ${tenant}.`)
          if (item.version !== expectedVersion) throw new StaleVersionError(item, expectedVersion)
          if (item.status === 'published')
            throw new ApiError(409, 'A published item cannot be deleted. Unpublish it first, then delete it.', 'item_published')
          const binnedAt = now()
          const expiresAt = Math.floor(Date.parse(binnedAt) / 1000) + BIN_DAYS * 24 * 3600
          const next: BinnedItem = { ...item, version: item.version + 1, updatedAt: binnedAt, savedBy: by, binnedAt, binnedBy: by, expiresAt }
          const core: TransactItem[] = [
            { Put: { Item: { PK: pk(tenant), SK: keys.binSk(id), ...next }, ConditionExpression: 'attribute_not_exists(PK)' } },
            ttlWrite(slugKey(item), expiresAt, slugIsOurs(item)),
            ...(await belongings(item)).map((record) => ttlWrite(record.key, expiresAt, unchanged(record))),
          ]
          const [together, after] = split(core.length + 1, (await revisionKeys(tenant, id)).map((key) => ttlWrite(key, expiresAt)))
          overflow = after
          return { write: { Delete: { Key: { PK: pk(tenant), SK: keys.itemSk(id) } } }, expectedVersion, writes: [...core, ...together], result: next }
        },
      })
      await writeRest(overflow)
      return binned
    },

    /** The tenant's bin, newest id first like the lists; records past their time (awaiting DynamoDB's sweep) are left out. */
    async listBinned(tenant: string, query: { limit: number; cursor?: string }) {
      const page = await db.query<Record<string, unknown>>({
        partitionKey: { name: 'PK', value: pk(tenant) },
        sortKeyPrefix: { name: 'SK', value: keys.binPrefix },
        limit: query.limit,
        cursor: query.cursor,
        ascending: false,
        // DynamoDB removes expired records within a few days of their time, not at it: hide them meanwhile.
        filter: { expression: '#ttl > :now', names: { '#ttl': TTL }, values: { ':now': Math.floor(Date.parse(now()) / 1000) } },
      })
      return { items: page.items.map((record) => stripKeys(record) as BinnedItem), nextCursor: page.nextCursor }
    },

    /** Back from the bin as a draft (schedules, publish state and featuring gone), its slug still its own. */
    async restore(tenant: string, id: string, expectedVersion: number, by?: string): Promise<StoredItem> {
      await loadBinned(tenant, id, expectedVersion)
      // History first: should the move below fail, revisions merely outlive a gone item, never the other way round.
      const revisions = (await revisionKeys(tenant, id)).map((key) => ttlWrite(key, undefined))
      await writeRest(revisions)
      return db.writeVersioned<StoredItem>({
        missing: `No item ${id} in ${tenant}'s bin.`,
        current: () => getBinned(tenant, id),
        explain: retry,
        build: async () => {
          const binned = await loadBinned(tenant, id, expectedVersion)
          const { binnedAt, binnedBy, expiresAt, ...item } = binned
          const next: StoredItem = {
            ...item,
            status: 'draft',
            version: binned.version + 1,
            updatedAt: now(),
            savedBy: by,
            scheduledPublishAt: undefined,
            scheduledUnpublishAt: undefined,
            scheduleFailure: undefined,
          }
          return {
            write: { Delete: { Key: { PK: pk(tenant), SK: keys.binSk(id) } } },
            expectedVersion,
            writes: [
              { Put: { Item: { PK: pk(tenant), SK: keys.itemSk(id), ...next }, ConditionExpression: 'attribute_not_exists(PK)' } },
              ttlWrite(slugKey(binned), undefined, slugIsOurs(binned)),
              ...(await belongings(binned)).map((record) => ttlWrite(record.key, undefined, unchanged(record))),
            ],
            result: next,
          }
        },
      })
    },

    /** Deletes a binned item now, with everything its TTL would have removed (media files stay in the library). */
    async purge(tenant: string, id: string, expectedVersion: number): Promise<void> {
      let overflow: Array<{ Delete: { Key: Key } }> = []
      await db.writeVersioned<void>({
        missing: `No item ${id} in ${tenant}'s bin.`,
        current: () => getBinned(tenant, id),
        explain: retry,
        build: async () => {
          const binned = await loadBinned(tenant, id, expectedVersion)
          const core: TransactItem[] = [
            { Delete: { Key: slugKey(binned), ...slugIsOurs(binned) } },
            ...(await belongings(binned)).map((record) => ({ Delete: { Key: record.key, ...unchanged(record) } })),
          ]
          const [together, after] = split(core.length + 1, (await revisionKeys(tenant, id)).map((Key) => ({ Delete: { Key } })))
          overflow = after
          return { write: { Delete: { Key: { PK: pk(tenant), SK: keys.binSk(id) } } }, expectedVersion, writes: [...core, ...together], result: undefined }
        },
      })
      await writeRest(overflow)
    },
  }
}

import type { Db, TransactItem } from '../shared/db.ts'
import type { FailedCondition } from '../shared/versioned.ts'
import { isSharedNationally } from './entries.ts'
import * as keys from './keys.ts'
import type { StoredItem } from './store.ts'

/**
 * Who follows an item lives on its own record beside the item (`TENANT#{owner}` / `FOLLOWERS#{id}`), with its
 * own version: following changes this record and the follower's listing entries, never the owner's item, so
 * the owner's open copy stays current. Publish and withdraw read it with one GetItem and write (or check) it
 * in their transaction, and following checks the item's version in its own, so neither can miss the other.
 */
export interface Followers {
  /** Editions that follow the item. */
  editions: string[]
  /** Follower editions that list it now (entries and counts written): all followers while it is published and shared, else none. */
  shown: string[]
  /** Undefined while no record exists. */
  version?: number
}

const key = (owner: string, id: string) => ({ PK: keys.tenantPk(owner), SK: keys.followersSk(id) })

/** The followers of an item; an item from before this record existed keeps its `followedBy`. */
export async function readFollowers(db: Db, item: StoredItem, nationalTenant: string): Promise<Followers> {
  const record = await db.get<Followers>(key(item.tenant, item.id), { consistent: true })
  if (record) return { editions: record.editions ?? [], shown: record.shown ?? [], version: record.version }
  // Before followers had their own record, the item kept them in `followedBy` and listed it in their editions.
  const editions = item.followedBy ?? []
  return { editions, shown: item.status === 'published' ? visibleFollowers(item, { editions, shown: [] }, nationalTenant) : [] }
}

/** The follower editions that list the item when it is published as `item` (only what is shared may be followed). */
export function visibleFollowers(item: Pick<StoredItem, 'tenant' | 'sharedNationally'>, followers: Followers, nationalTenant: string): string[] {
  const shared = isSharedNationally(item, nationalTenant)
  return shared ? followers.editions.filter((edition) => edition !== item.tenant && edition !== nationalTenant) : []
}

/**
 * The followers record's new state, or a check that it is still what was read: publish and withdraw need it
 * unchanged even when they change nothing on it, so a follow at the same moment is not lost.
 */
export function followersWrite(owner: string, id: string, read: Followers, next: Pick<Followers, 'editions' | 'shown'>): TransactItem {
  const same = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join()
  const condition =
    read.version === undefined
      ? { ConditionExpression: 'attribute_not_exists(PK)' }
      : { ConditionExpression: '#version = :read', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':read': read.version } }
  // A record not written yet for followers that an older item kept in `followedBy` is written now.
  const nothingToMigrate = read.version !== undefined || !next.editions.length
  if (nothingToMigrate && same(read.editions, next.editions) && same(read.shown, next.shown)) return { ConditionCheck: { Key: key(owner, id), ...condition } }
  return { Put: { ...followersRecord(owner, id, next, read.version).Put, ...condition } }
}

/** The versioned write of the followers record itself (following's own optimistic write). */
export const followersRecord = (owner: string, id: string, next: Pick<Followers, 'editions' | 'shown'>, version: number | undefined) => ({
  Put: { Item: { ...key(owner, id), owner, id, editions: [...next.editions].sort(), shown: [...next.shown].sort(), version: (version ?? 0) + 1 } },
})

/** Whether a failed condition guarded a followers record (someone followed or unfollowed meanwhile: build again). */
export const isFollowersRace = (failed: FailedCondition) => {
  const operation = Object.values(failed.write)[0] as { Key?: { SK?: unknown }; Item?: { SK?: unknown } }
  const sk = operation.Key?.SK ?? operation.Item?.SK
  return typeof sk === 'string' && sk.startsWith('FOLLOWERS#')
}

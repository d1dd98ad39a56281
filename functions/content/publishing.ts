import type { Db, TransactItem } from '../shared/db.ts'
import { conflict, notFound } from '../shared/errors.ts'
import { StaleVersionError, type FailedCondition, type VersionedWriteOptions } from '../shared/versioned.ts'
import { countWrites, isCountRace, type PublishedFacets } from './counts.ts'
import { editableFields } from './editing.ts'
import { editionsOf, entryRecords, publishedEntryKeys } from './entries.ts'
import { explainFeaturedLimit, featuredSetWrite } from './featured.ts'
import { followersWrite, isFollowersRace, readFollowers, visibleFollowers, type Followers } from './followers.ts'
import { changedPaths, editionPaths, type Visibility } from './invalidation.ts'
import { invalidationWrite } from './invalidation-outbox.ts'
import * as keys from './keys.ts'
import type { PublishedItem } from './schema.ts'
import type { StoredItem } from './store.ts'

/**
 * A change readers can see: the item as stored now and the CDN paths the change affected, which its transaction
 * wrote to the CDN's outbox (invalidation-outbox.ts) for the invalidator function.
 */
export interface ContentChange {
  item: StoredItem
  paths: string[]
}

/**
 * What another capability adds to a publish or a withdraw of an item, in the same transaction (a built course's
 * lesson snapshots, functions/courses/): it may read what it needs, and refuses a publish by throwing an ApiError.
 */
export interface PublishHook {
  publish(item: StoredItem, snapshot: PublishedItem): Promise<TransactItem[]>
  withdraw(item: StoredItem): Promise<TransactItem[]>
}

const union = (...lists: string[][]) => [...new Set(lists.flat())]
const keyId = (key: { PK: string; SK: string }) => `${key.PK}|${key.SK}`
/** Counts and followers are shared with other writers; a race on them means: read again and rebuild. */
export const retryRaces = (failed: FailedCondition[]) => (failed.every((condition) => isCountRace(condition) || isFollowersRace(condition)) ? 'retry' : undefined)

/**
 * What readers can see changes only here: publish, unpublish and featuring. Each is one optimistic write on
 * the item's version (Db.writeVersioned), so a stale editor gets a 409 and nothing is half-written.
 */
export function createPublishing(
  db: Db,
  options: { nationalTenant: string; now: () => string; hooks?: PublishHook[] },
  getItem: (tenant: string, id: string) => Promise<StoredItem | undefined>,
) {
  const { now, nationalTenant } = options
  const hooked = async (run: (hook: PublishHook) => Promise<TransactItem[]>) => (await Promise.all((options.hooks ?? []).map(run))).flat()
  const missing = (tenant: string, id: string) => `No item ${id} in ${tenant}.`

  async function load(tenant: string, id: string, expectedVersion: number): Promise<StoredItem> {
    const item = await getItem(tenant, id)
    if (!item) throw notFound(missing(tenant, id))
    if (item.version !== expectedVersion) throw new StaleVersionError(item, expectedVersion)
    return item
  }

  const putItem = (item: StoredItem) => ({ Put: { Item: { PK: keys.tenantPk(item.tenant), SK: keys.itemSk(item.id), ...item } } })

  /** Where readers find the item now: its address (live or 410) and, while published, every edition listing it. */
  const visibleNow = (item: StoredItem, followers: Followers): Visibility => ({
    tenant: item.tenant,
    path: item.publishedPath,
    editions: item.status === 'published' ? union(item.publishedFacets?.editions ?? [], followers.shown) : [],
  })
  /** What the last publish counted and wrote, followers' editions included. */
  const publishedNow = (item: StoredItem, followers: Followers) => {
    const facets = item.status === 'published' ? item.publishedFacets : undefined
    const entries = [...(item.publishedEntries ?? []), ...publishedEntryKeys(item, followers.shown)]
    return {
      facets: facets && { ...facets, editions: union(facets.editions, followers.shown) },
      entries: [...new Map(entries.map((key) => [keyId(key), key])).values()],
    }
  }

  /** The item's versioned write with everything that goes with it, and the CDN's outbox record of what it changed. */
  const writeItem = (
    action: string,
    tenant: string,
    id: string,
    expectedVersion: number,
    build: () => Promise<{ next: StoredItem; writes: TransactItem[]; result: ContentChange }>,
    explain: VersionedWriteOptions<ContentChange>['explain'] = retryRaces,
  ) =>
    db.writeVersioned<ContentChange>({
      missing: missing(tenant, id),
      current: () => getItem(tenant, id),
      explain,
      build: async () => {
        const { next, writes, result } = await build()
        const outbox = invalidationWrite(result.paths, `${action} ${tenant}/${id} v${next.version}`, new Date(next.updatedAt))
        return { write: putItem(next), expectedVersion, writes: [...writes, ...outbox], result }
      },
    })

  return {
    /**
     * Publishes the working copy as readers will see it: the snapshot, one listing entry per edition (the
     * followers' included) and topic, the counts and the item's new state, all in one transaction conditional
     * on the version the editor saw.
     */
    publish: (tenant: string, id: string, expectedVersion: number, alsoWrite: TransactItem[] = []): Promise<ContentChange> =>
      writeItem('publish', tenant, id, expectedVersion, async () => {
        const item = await load(tenant, id, expectedVersion)
        const followers = await readFollowers(db, item, nationalTenant)
        const at = now()
        const publishedAt = item.publishedAt ?? at
        // Only the editor's fields reach readers: never who saved it, schedules or bookkeeping.
        const snapshot: PublishedItem = { ...editableFields(item), publishedAt, updatedAt: at }
        const own = editionsOf(item, nationalTenant)
        const shown = visibleFollowers(item, followers, nationalTenant).filter((edition) => !own.includes(edition))
        const editions = [...own, ...shown]
        const facets: PublishedFacets = { editions: own, type: item.type, topics: item.topics, audiences: item.audiences }
        const entries = entryRecords(snapshot, editions, item.featuredIn)
        const kept = new Set(entries.map(keyId))
        const before = publishedNow(item, followers)
        const stale = before.entries.filter((key) => !kept.has(keyId(key)))
        const pk = keys.tenantPk(tenant)
        const moved = item.publishedPath && (item.publishedPath.slug !== item.slug || item.publishedPath.type !== item.type) ? item.publishedPath : undefined
        const next: StoredItem = {
          ...item,
          status: 'published',
          version: item.version + 1,
          updatedAt: at,
          publishedAt,
          publishedEntries: entries.filter((entry) => own.some((edition) => entry.PK === keys.tenantPk(edition))).map(({ PK, SK }) => ({ PK, SK })),
          publishedPath: { type: item.type, slug: item.slug },
          publishedFacets: facets,
          // Publishing now settles any scheduled publish, and any failed one.
          scheduledPublishAt: undefined,
          scheduleFailure: undefined,
          followedBy: undefined,
        }
        const writes: TransactItem[] = [
          { Put: { Item: { PK: pk, SK: keys.publishedSk(item.type, item.slug), ...snapshot } } },
          ...entries.map((Item) => ({ Put: { Item } })),
          ...stale.map((Key) => ({ Delete: { Key } })),
          ...(moved ? [{ Delete: { Key: { PK: pk, SK: keys.publishedSk(moved.type, moved.slug) } } }] : []),
          ...(await countWrites(db, before.facets, { ...facets, editions })),
          followersWrite(tenant, id, followers, { editions: followers.editions, shown }),
          ...(await hooked((hook) => hook.publish(item, snapshot))),
          ...alsoWrite,
        ]
        const paths = changedPaths(visibleNow(item, followers), { tenant, path: next.publishedPath, editions }, nationalTenant)
        return { next, writes, result: { item: next, paths } }
      }),

    /**
     * Takes an item away from readers (unpublish, or archive): its entries in every edition go (followers'
     * included), the counts go down, it is no longer featured, and its address answers 410 Gone rather than
     * 404, so readers and crawlers learn it was withdrawn on purpose.
     */
    withdraw: (
      tenant: string,
      id: string,
      expectedVersion: number,
      status: 'unpublished' | 'archived' = 'unpublished',
      alsoWrite: TransactItem[] = [],
    ): Promise<ContentChange> =>
      writeItem(status, tenant, id, expectedVersion, async () => {
        const item = await load(tenant, id, expectedVersion)
        const followers = await readFollowers(db, item, nationalTenant)
        const before = publishedNow(item, followers)
        const next: StoredItem = {
          ...item,
          status,
          version: item.version + 1,
          updatedAt: now(),
          publishedEntries: [],
          publishedFacets: undefined,
          featuredIn: undefined,
          scheduledPublishAt: undefined,
          scheduledUnpublishAt: undefined,
          scheduleFailure: undefined,
          followedBy: undefined,
        }
        const path = item.publishedPath
        const writes: TransactItem[] = [
          ...before.entries.map((Key) => ({ Delete: { Key } })),
          ...(path ? [{ Put: { Item: { PK: keys.tenantPk(tenant), SK: keys.publishedSk(path.type, path.slug), gone: true, withdrawnAt: next.updatedAt } } }] : []),
          ...(await countWrites(db, before.facets, undefined)),
          ...Object.keys(item.featuredIn ?? {}).map((edition) => featuredSetWrite(edition, tenant, id, false)),
          followersWrite(tenant, id, followers, { editions: followers.editions, shown: [] }),
          ...(await hooked((hook) => hook.withdraw(item))),
          ...alsoWrite,
        ]
        // Every edition that listed it changes, and its address now answers 410.
        const paths = changedPaths(visibleNow(item, followers), { tenant, path, editions: [] }, nationalTenant)
        return { next, writes, result: { item: next, paths } }
      }),

    /**
     * Features (or stops featuring) a published item on an edition's home page, at most HOME_FEATURED per
     * edition. The item remembers it, so later publishes keep it; its entry moves to the front of the
     * edition's feed at once.
     */
    setFeatured: (edition: string, tenant: string, id: string, featured: boolean, expectedVersion: number): Promise<ContentChange> =>
      writeItem(
        featured ? `feature in ${edition}` : `unfeature in ${edition}`,
        tenant,
        id,
        expectedVersion,
        async () => {
          const item = await load(tenant, id, expectedVersion)
          if (featured && item.status !== 'published') throw conflict('Only a published item can be featured. Publish it first.')
          const featuredIn = { ...item.featuredIn }
          if (featured) featuredIn[edition] = now()
          else delete featuredIn[edition]
          const next: StoredItem = { ...item, featuredIn, version: item.version + 1, updatedAt: now() }
          const entryKey = { PK: keys.tenantPk(edition), SK: keys.entrySk(tenant, id) }
          const listed = item.status === 'published' && (item.publishedEntries ?? []).some((key) => keyId(key) === keyId(entryKey))
          const newest = keys.newestSk(item.publishedAt ?? '', tenant, id)
          const writes: TransactItem[] = [
            featuredSetWrite(edition, tenant, id, featured),
            ...(listed
              ? [
                  {
                    Update: {
                      Key: entryKey,
                      UpdateExpression: featured ? 'SET GSI2SK = :sk, featured = :yes' : 'SET GSI2SK = :sk REMOVE featured',
                      ConditionExpression: 'attribute_exists(PK)',
                      ExpressionAttributeValues: featured ? { ':sk': keys.featuredSk(featuredIn[edition]!, tenant, id), ':yes': true } : { ':sk': newest },
                    },
                  },
                ]
              : []),
          ]
          return { next, writes, result: { item: next, paths: listed ? editionPaths(edition, nationalTenant) : [] } }
        },
        (failed) => explainFeaturedLimit(db, edition, failed),
      ),
  }
}

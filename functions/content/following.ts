import type { Db, TransactItem } from '../shared/db.ts'
import { badRequest, conflict, notFound } from '../shared/errors.ts'
import type { FailedCondition } from '../shared/versioned.ts'
import { countWrites, isCountRace } from './counts.ts'
import { entryRecords, isSharedNationally, publishedEntryKeys } from './entries.ts'
import { followersRecord, isFollowersRace, readFollowers } from './followers.ts'
import { editionPaths } from './invalidation.ts'
import { invalidationWrite } from './invalidation-outbox.ts'
import * as keys from './keys.ts'
import type { ContentChange } from './publishing.ts'
import type { PublishedItem } from './schema.ts'
import type { StoredItem } from './store.ts'

/**
 * What another capability adds to a follow or unfollow that changes which editions list an item, in the same
 * transaction (search's documents, functions/search/writes.ts). `shown`: the follower editions listing it after.
 */
export interface FollowHook {
  followersChanged(item: StoredItem, shown: string[]): Promise<TransactItem[]>
}

/** The item changed between reading it and writing (a publish or withdraw): read it again. */
const isItemRace = (failed: FailedCondition) => {
  const operation = Object.values(failed.write)[0] as { Key?: { SK?: unknown } }
  return typeof operation.Key?.SK === 'string' && operation.Key.SK.startsWith('ITEM#')
}

/**
 * A regional edition may follow (show) another tenant's shared item without copying it: the item's followers
 * record (followers.ts) gains the edition, the edition gets listing entries built from the published snapshot
 * (never the owner's unpublished edits), and its counts move. Nothing of the owner's changes: the transaction
 * only checks the item's version, so the owner's open copy stays current. Provenance stays with the owner:
 * readers see "Delt fra …" on the card and the item page.
 */
export function createFollowing(
  db: Db,
  options: {
    nationalTenant: string
    now: () => string
    getItem: (tenant: string, id: string) => Promise<StoredItem | undefined>
    getSnapshot: (tenant: string, item: StoredItem) => Promise<PublishedItem | undefined>
    hooks?: FollowHook[]
  },
) {
  const { nationalTenant } = options

  async function change(edition: string, owner: string, id: string, follow: boolean): Promise<ContentChange> {
    if (edition === owner) throw badRequest('An edition shows its own items already.')
    if (edition === nationalTenant) throw badRequest('The national edition shows every shared item already.')
    return db.writeVersioned<ContentChange>({
      missing: `No item ${id} in ${owner}.`,
      // Never asked for: a stale followers record is read again (onStale), not shown to the editor.
      current: async () => undefined,
      // Following holds no version of its own: a race with another follower or the owner is simply read again.
      onStale: 'retry',
      explain: (failed) => (failed.every((condition) => isItemRace(condition) || isCountRace(condition) || isFollowersRace(condition)) ? 'retry' : undefined),
      build: async () => {
        const item = await options.getItem(owner, id)
        if (!item) throw notFound(`No item ${id} in ${owner}.`)
        const shared = isSharedNationally(item, nationalTenant)
        const published = item.status === 'published' && Boolean(item.publishedFacets)
        if (follow && (!published || !shared)) throw conflict('Only published items shared nationally can be followed.')
        const followers = await readFollowers(db, item, nationalTenant)
        if (follow === followers.editions.includes(edition)) return { expectedVersion: followers.version, result: { item, paths: [] } }

        const facets = item.publishedFacets
        const writes: TransactItem[] = [
          {
            ConditionCheck: {
              Key: { PK: keys.tenantPk(owner), SK: keys.itemSk(id) },
              ConditionExpression: '#version = :seen',
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: { ':seen': item.version },
            },
          },
        ]
        let shown = followers.shown.filter((name) => name !== edition)
        if (follow) {
          const snapshot = await options.getSnapshot(owner, item)
          if (!snapshot || !facets) throw conflict('Only published items shared nationally can be followed.')
          writes.push(...entryRecords(snapshot, [edition], item.featuredIn).map((Item) => ({ Put: { Item } })))
          writes.push(...(await countWrites(db, undefined, { ...facets, editions: [edition] })))
          shown = [...shown, edition]
        } else if (followers.shown.includes(edition)) {
          writes.push(...publishedEntryKeys(item, [edition]).map((Key) => ({ Delete: { Key } })))
          writes.push(...(await countWrites(db, facets && { ...facets, editions: [edition] }, undefined)))
        }
        const editions = follow ? [...followers.editions, edition] : followers.editions.filter((name) => name !== edition)
        const listingChanged = follow || followers.shown.includes(edition)
        if (listingChanged) for (const hook of options.hooks ?? []) writes.push(...(await hook.followersChanged(item, shown)))
        const paths = listingChanged ? editionPaths(edition, nationalTenant) : []
        const reference = `${follow ? 'follow' : 'unfollow'} ${owner}/${id} in ${edition}`
        return {
          write: followersRecord(owner, id, { editions, shown }, followers.version),
          expectedVersion: followers.version,
          writes: [...writes, ...invalidationWrite(paths, reference, new Date(options.now()))],
          result: { item, paths },
        }
      },
    })
  }

  return {
    follow: (edition: string, owner: string, id: string) => change(edition, owner, id, true),
    unfollow: (edition: string, owner: string, id: string) => change(edition, owner, id, false),
  }
}

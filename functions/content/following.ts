import type { Db, TransactItem } from '../shared/db.ts'
import { badRequest, conflict, notFound } from '../shared/errors.ts'
import { countUpdates, type PublishedFacets } from './counts.ts'
import { entryRecords } from './entries.ts'
import * as keys from './keys.ts'
import type { PublishedItem } from './schema.ts'
import type { StoredItem } from './store.ts'

/**
 * A regional edition may follow (show) another tenant's shared item without copying it: the item gains the
 * edition in `followedBy`, the edition gets listing entries built from the published snapshot (never the
 * owner's unpublished edits), and the counts move, all in one transaction on the owner's item version.
 * Provenance stays with the owner: readers see "Delt fra …" on the card and the item page.
 */
export function createFollowing(
  db: Db,
  options: {
    nationalTenant: string
    now: () => string
    getItem: (tenant: string, id: string) => Promise<StoredItem | undefined>
    getSnapshot: (tenant: string, item: StoredItem) => Promise<PublishedItem | undefined>
  },
) {
  async function change(edition: string, owner: string, id: string, follow: boolean) {
    if (edition === owner) throw badRequest('An edition shows its own items already.')
    const item = await options.getItem(owner, id)
    if (!item) throw notFound(`No item ${id} in ${owner}.`)
    const shared = item.sharedNationally || item.tenant === options.nationalTenant
    if (follow && (item.status !== 'published' || !shared)) throw conflict('Only published items shared nationally can be followed.')
    const followers = new Set(item.followedBy ?? [])
    if (follow === followers.has(edition)) return item
    follow ? followers.add(edition) : followers.delete(edition)

    const facets = item.publishedFacets
    const snapshot = item.status === 'published' ? await options.getSnapshot(owner, item) : undefined
    const edits: TransactItem[] = []
    let publishedEntries = item.publishedEntries ?? []
    let nextFacets: PublishedFacets | undefined = facets
    if (snapshot && facets) {
      const editionEntries = entryRecords(snapshot, [edition])
      const editionKeys = editionEntries.map(({ PK, SK }) => ({ PK, SK }))
      nextFacets = { ...facets, editions: follow ? [...facets.editions, edition] : facets.editions.filter((name) => name !== edition) }
      if (follow) {
        publishedEntries = [...publishedEntries, ...editionKeys]
        edits.push(...editionEntries.map((Item) => ({ Put: { Item } })))
      } else {
        const dropped = new Set(editionKeys.map((key) => `${key.PK}|${key.SK}`))
        publishedEntries = publishedEntries.filter((key) => !dropped.has(`${key.PK}|${key.SK}`))
        edits.push(...editionKeys.map((Key) => ({ Delete: { Key } })))
      }
      edits.push(...countUpdates(facets, nextFacets))
    }
    const next: StoredItem = {
      ...item,
      followedBy: [...followers].sort(),
      publishedEntries,
      publishedFacets: nextFacets,
      version: item.version + 1,
      updatedAt: options.now(),
    }
    try {
      await db.transact([
        {
          Put: {
            Item: { PK: keys.tenantPk(owner), SK: keys.itemSk(id), ...next },
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': item.version },
          },
        },
        ...edits,
      ])
    } catch (error) {
      if ((error as Error).name === 'TransactionCanceledException') throw conflict('The item changed while you followed it. Try again.')
      throw error
    }
    return next
  }

  return {
    follow: (edition: string, owner: string, id: string) => change(edition, owner, id, true),
    unfollow: (edition: string, owner: string, id: string) => change(edition, owner, id, false),
  }
}

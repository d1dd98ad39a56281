import type { Db, TransactItem } from '../shared/db.ts'
import { conflict, notFound } from '../shared/errors.ts'
import { countUpdates, type PublishedFacets } from './counts.ts'
import { editionsOf, entryRecords } from './entries.ts'
import * as keys from './keys.ts'
import { editableFields, StaleVersionError } from './editing.ts'
import type { PublishedItem } from './schema.ts'
import type { StoredItem } from './store.ts'

/**
 * What readers can see changes only here: publish, unpublish and featuring. Each is one transaction
 * conditional on the item's version, so a stale editor gets a 409 and nothing is half-written.
 */
export function createPublishing(
  db: Db,
  options: { nationalTenant: string; now: () => string },
  getItem: (tenant: string, id: string) => Promise<StoredItem | undefined>,
) {
  const { now } = options

  async function requireVersion(tenant: string, id: string, expectedVersion: number): Promise<StoredItem> {
    const item = await getItem(tenant, id)
    if (!item) throw notFound(`No item ${id} in ${tenant}.`)
    if (item.version !== expectedVersion) throw new StaleVersionError(item, expectedVersion)
    return item
  }

  async function commit(writes: TransactItem[], what: string) {
    try {
      await db.transact(writes)
    } catch (error) {
      if ((error as Error).name === 'TransactionCanceledException')
        throw conflict(`The item was changed by someone else while ${what}. Reload and try again.`)
      throw error
    }
  }

  const putItem = (item: StoredItem, expectedVersion: number): TransactItem => ({
    Put: {
      Item: { PK: keys.tenantPk(item.tenant), SK: keys.itemSk(item.id), ...item },
      ConditionExpression: 'version = :expected',
      ExpressionAttributeValues: { ':expected': expectedVersion },
    },
  })

  return {
    /**
     * Publishes the working copy as readers will see it: the snapshot, one listing entry per edition and
     * topic, and the item's new state, all in one transaction conditional on the version the editor saw.
     */
    async publish(tenant: string, id: string, expectedVersion: number, alsoWrite: TransactItem[] = []): Promise<StoredItem> {
      const item = await requireVersion(tenant, id, expectedVersion)
      const at = now()
      const publishedAt = item.publishedAt ?? at
      const { publishedEntries, publishedPath, publishedFacets, featuredIn } = item
      // Only the editor's fields reach readers: never who saved it, schedules or bookkeeping.
      const snapshot: PublishedItem = { ...editableFields(item), publishedAt, updatedAt: at }
      const editions = editionsOf(item, options.nationalTenant)
      const facets: PublishedFacets = { editions, type: item.type, topics: item.topics, audiences: item.audiences }
      const entries = entryRecords(snapshot, editions, featuredIn)
      const entryKeys = entries.map(({ PK, SK }) => ({ PK, SK }))
      const kept = new Set(entryKeys.map((key) => `${key.PK}|${key.SK}`))
      const stale = (publishedEntries ?? []).filter((key) => !kept.has(`${key.PK}|${key.SK}`))
      const pk = keys.tenantPk(tenant)
      const movedFrom =
        publishedPath && (publishedPath.slug !== item.slug || publishedPath.type !== item.type) ? publishedPath : undefined
      const next: StoredItem = {
        ...item,
        status: 'published',
        version: item.version + 1,
        updatedAt: at,
        publishedAt,
        publishedEntries: entryKeys,
        publishedPath: { type: item.type, slug: item.slug },
        publishedFacets: facets,
        // Publishing now settles any scheduled publish.
        scheduledPublishAt: undefined,
      }
      await commit(
        [
          putItem(next, expectedVersion),
          { Put: { Item: { PK: pk, SK: keys.publishedSk(item.type, item.slug), ...snapshot } } },
          ...entries.map((Item) => ({ Put: { Item } })),
          ...stale.map((Key) => ({ Delete: { Key } })),
          ...(movedFrom ? [{ Delete: { Key: { PK: pk, SK: keys.publishedSk(movedFrom.type, movedFrom.slug) } } }] : []),
          ...countUpdates(item.status === 'published' ? publishedFacets : undefined, facets),
          ...alsoWrite,
        ],
        'publishing',
      )
      return next
    },

    /**
     * Takes an item away from readers (unpublish, or archive): its entries go, the counts go down, and its
     * address answers 410 Gone rather than 404, so readers and crawlers learn it was withdrawn on purpose.
     */
    async withdraw(
      tenant: string,
      id: string,
      expectedVersion: number,
      status: 'unpublished' | 'archived' = 'unpublished',
      alsoWrite: TransactItem[] = [],
    ): Promise<StoredItem> {
      const item = await requireVersion(tenant, id, expectedVersion)
      const wasPublished = item.status === 'published'
      const next: StoredItem = {
        ...item,
        status,
        version: item.version + 1,
        updatedAt: now(),
        publishedEntries: [],
        publishedFacets: undefined,
        scheduledPublishAt: undefined,
        scheduledUnpublishAt: undefined,
      }
      const path = item.publishedPath
      await commit(
        [
          putItem(next, expectedVersion),
          ...(item.publishedEntries ?? []).map((Key) => ({ Delete: { Key } })),
          ...(path
            ? [{ Put: { Item: { PK: keys.tenantPk(tenant), SK: keys.publishedSk(path.type, path.slug), gone: true, withdrawnAt: next.updatedAt } } }]
            : []),
          ...countUpdates(wasPublished ? item.publishedFacets : undefined, undefined),
          ...alsoWrite,
        ],
        'unpublishing',
      )
      return next
    },

    /**
     * Features (or stops featuring) an item on an edition's home page. The item remembers it, so later
     * publishes keep it; a published entry in that edition moves to the front of the edition's feed at once.
     */
    async setFeatured(edition: string, tenant: string, id: string, featured: boolean, expectedVersion: number): Promise<StoredItem> {
      const item = await requireVersion(tenant, id, expectedVersion)
      const featuredIn = { ...item.featuredIn }
      if (featured) featuredIn[edition] = now()
      else delete featuredIn[edition]
      const next: StoredItem = { ...item, featuredIn, version: item.version + 1, updatedAt: now() }
      const entryKey = { PK: keys.tenantPk(edition), SK: keys.entrySk(tenant, id) }
      const listed = item.status === 'published' && (item.publishedEntries ?? []).some((key) => key.PK === entryKey.PK && key.SK === entryKey.SK)
      const newest = keys.newestSk(item.publishedAt ?? '', tenant, id)
      await commit(
        [
          putItem(next, expectedVersion),
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
        ],
        'featuring it',
      )
      return next
    },
  }
}

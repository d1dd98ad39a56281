import type { Db, Page, TransactItem } from '../shared/db.ts'
import { conflict, notFound } from '../shared/errors.ts'
import type { PublishedFacets } from './counts.ts'
import { createEditing, type SaveHook } from './editing.ts'
import { createFollowing } from './following.ts'
import { createPublishing } from './publishing.ts'
import { createScheduling } from './scheduling.ts'
import * as keys from './keys.ts'
import {
  contentFieldsSchema,
  type Audience,
  toCard,
  type ContentCard,
  type ContentFields,
  type ContentType,
  type PublishedItem,
  type Status,
} from './schema.ts'

/** The editor's working copy of an item, with its life-cycle state. */
export type StoredItem = ContentFields & {
  status: Status
  version: number
  createdAt: string
  updatedAt: string
  publishedAt?: string
  /** Editions (tenant ids) that follow this item and show it beside their own content. */
  followedBy?: string[]
  /** Keys of the listing entries written at the last publish, so the next publish or unpublish removes them. */
  publishedEntries?: Array<{ PK: string; SK: string }>
  publishedPath?: { type: ContentType; slug: string }
  /** Editions that feature this item on their home page, with when they chose it. */
  featuredIn?: Record<string, string>
  /** What the last publish counted in the editions' listing counts, so the next change can adjust them. */
  publishedFacets?: PublishedFacets
  /** Who saved this version (the token's username). */
  savedBy?: string
  /** Lower-cased title, for the editors' title search. */
  titleSearch?: string
  /** Pending schedule, as ISO instants. */
  scheduledPublishAt?: string
  scheduledUnpublishAt?: string
}


const stripKeys = <T extends Record<string, unknown>>(record: T) => {
  const { PK, SK, GSI1PK, GSI1SK, GSI2PK, GSI2SK, GSI3PK, GSI3SK, ...rest } = record
  return rest
}

export function createContentStore(db: Db, options: { nationalTenant: string; now?: () => Date; onSave?: SaveHook }) {
  const now = () => (options.now?.() ?? new Date()).toISOString()

  async function getItem(tenant: string, id: string): Promise<StoredItem | undefined> {
    const record = await db.get<Record<string, unknown>>({ PK: keys.tenantPk(tenant), SK: keys.itemSk(id) }, { consistent: true })
    return record ? (stripKeys(record) as unknown as StoredItem) : undefined
  }

  const publishing = createPublishing(db, { ...options, now }, getItem)

  return {
    getItem,

    ...createEditing(db, { now, getItem, onSave: options.onSave }),

    ...publishing,
    ...createScheduling(db, { now, getItem, publish: publishing.publish, withdraw: publishing.withdraw }),
    ...createFollowing(db, {
      nationalTenant: options.nationalTenant,
      now,
      getItem,
      getSnapshot: async (tenant, item) => {
        const path = item.publishedPath ?? item
        const record = await db.get<Record<string, unknown>>({ PK: keys.tenantPk(tenant), SK: keys.publishedSk(path.type, path.slug) })
        return record && record.gone !== true ? (stripKeys(record) as unknown as PublishedItem) : undefined
      },
    }),

    /** The published snapshot readers see; drafts are never stored here, so they cannot leak. */
    async getPublished(tenant: string, type: ContentType, slug: string): Promise<PublishedItem | undefined> {
      const found = await this.readerView(tenant, type, slug)
      return found === 'gone' ? undefined : found
    },

    /** The snapshot, or 'gone' where an item was published and then withdrawn (readers get 410). */
    async readerView(tenant: string, type: ContentType, slug: string): Promise<PublishedItem | 'gone' | undefined> {
      const record = await db.get<Record<string, unknown>>({ PK: keys.tenantPk(tenant), SK: keys.publishedSk(type, slug) })
      if (!record) return undefined
      if (record.gone === true) return 'gone'
      return stripKeys(record) as unknown as PublishedItem
    },

    /**
     * An edition's published cards, newest first: one type or all, optionally one topic (its own key range)
     * and one audience (a filter).
     */
    async listEdition(
      edition: string,
      query: { type?: ContentType; topic?: string; audience?: Audience; limit: number; cursor?: string },
    ): Promise<Page<ContentCard>> {
      const filter = query.audience
        ? { expression: 'contains(audiences, :audience)', values: { ':audience': query.audience } }
        : undefined
      const index = query.type ? keys.indexes.byEditionType : keys.indexes.byEdition
      const page =
        query.topic && query.type
          ? await db.query<Record<string, unknown>>({
              partitionKey: { name: 'PK', value: keys.tenantPk(edition) },
              sortKeyPrefix: { name: 'SK', value: `${keys.topicEntryPrefix(query.topic)}${query.type}#` },
              limit: query.limit,
              cursor: query.cursor,
              ascending: false,
              filter,
            })
          : await db.query<Record<string, unknown>>({
              index: index.name,
              partitionKey: { name: index.pk, value: query.type ? keys.editionTypePk(edition, query.type) : keys.editionPk(edition) },
              limit: query.limit,
              cursor: query.cursor,
              ascending: false,
              filter,
            })
      return { ...page, items: page.items.map((record) => stripKeys(record) as unknown as ContentCard) }
    },

    /** How many published items an edition lists per type, topic and audience (maintained at publish). */
    async counts(edition: string): Promise<(type: ContentType, facet?: { topic?: string; audience?: string }) => number> {
      const record = (await db.get<Record<string, unknown>>({ PK: keys.tenantPk(edition), SK: keys.statsSk })) ?? {}
      return (type, facet) => Number(record[keys.countName(type, facet)] ?? 0)
    },

    /** Every card in an edition, newest first, for sitemaps; bounded so a request can never run away. */
    async allEditionCards(edition: string, maxItems = 50_000): Promise<ContentCard[]> {
      const cards: ContentCard[] = []
      let cursor: string | undefined
      do {
        const page = await this.listEdition(edition, { limit: 1000, cursor })
        cards.push(...page.items)
        cursor = page.nextCursor
      } while (cursor && cards.length < maxItems)
      return cards.slice(0, maxItems)
    },

    /** Events that have not started yet (Europe/Oslo is irrelevant here: instants compare as UTC). */
    async upcomingEvents(edition: string, query: { from: Date; limit: number; cursor?: string }): Promise<Page<ContentCard>> {
      const index = keys.indexes.eventsByStart
      const page = await db.query<Record<string, unknown>>({
        index: index.name,
        partitionKey: { name: index.pk, value: keys.editionEventsPk(edition) },
        sortKeyFrom: { name: index.sk, value: query.from.toISOString() },
        limit: query.limit,
        cursor: query.cursor,
        ascending: true,
      })
      return { ...page, items: page.items.map((record) => stripKeys(record) as unknown as ContentCard) }
    },

    /** Every published card tagged with a topic in an edition, grouped by type in key order. */
    async topicCards(edition: string, topic: string, query: { limit: number; cursor?: string }): Promise<Page<ContentCard>> {
      const page = await db.query<Record<string, unknown>>({
        partitionKey: { name: 'PK', value: keys.tenantPk(edition) },
        sortKeyPrefix: { name: 'SK', value: keys.topicEntryPrefix(topic) },
        limit: query.limit,
        cursor: query.cursor,
      })
      return { ...page, items: page.items.map((record) => stripKeys(record) as unknown as ContentCard) }
    },
  }
}
export type ContentStore = ReturnType<typeof createContentStore>

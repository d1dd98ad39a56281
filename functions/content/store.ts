import type { Db, Page, TransactItem } from '../shared/db.ts'
import { conflict, notFound } from '../shared/errors.ts'
import { countUpdates, type PublishedFacets } from './counts.ts'
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
}


const stripKeys = <T extends Record<string, unknown>>(record: T) => {
  const { PK, SK, GSI1PK, GSI1SK, GSI2PK, GSI2SK, GSI3PK, GSI3SK, ...rest } = record
  return rest
}

export function createContentStore(db: Db, options: { nationalTenant: string; now?: () => Date }) {
  const now = () => (options.now?.() ?? new Date()).toISOString()

  /** The editions an item appears in when published: its own, the national one if shared, and followers. */
  function editionsOf(item: StoredItem): string[] {
    const editions = new Set([item.tenant])
    if (item.sharedNationally || item.tenant === options.nationalTenant) editions.add(options.nationalTenant)
    for (const follower of item.followedBy ?? []) editions.add(follower)
    return [...editions]
  }

  function entryRecords(published: PublishedItem, editions: string[], featuredIn: Record<string, string> = {}) {
    const card = toCard(published)
    const newest = keys.newestSk(published.publishedAt, published.tenant, published.id)
    return editions.flatMap((edition) => [
      {
        PK: keys.tenantPk(edition),
        SK: keys.entrySk(published.tenant, published.id),
        ...card,
        ...(featuredIn[edition] ? { featured: true } : {}),
        GSI1PK: keys.editionTypePk(edition, published.type),
        GSI1SK: newest,
        GSI2PK: keys.editionPk(edition),
        GSI2SK: featuredIn[edition] ? keys.featuredSk(featuredIn[edition], published.tenant, published.id) : newest,
        ...(card.startsAt ? { GSI3PK: keys.editionEventsPk(edition), GSI3SK: `${new Date(card.startsAt).toISOString()}#${published.id}` } : {}),
      },
      ...published.topics.map((topic) => ({
        PK: keys.tenantPk(edition),
        SK: keys.topicEntrySk(topic, published.type, published.publishedAt, published.tenant, published.id),
        ...card,
      })),
    ])
  }

  return {
    /** Creates a draft and claims its slug in one transaction; a taken slug answers 409 and writes nothing. */
    async create(fields: ContentFields): Promise<StoredItem> {
      const parsed = contentFieldsSchema.parse(fields)
      const at = now()
      const item: StoredItem = { ...parsed, status: 'draft', version: 1, createdAt: at, updatedAt: at }
      const pk = keys.tenantPk(item.tenant)
      try {
        await db.transact([
          {
            Put: {
              Item: { PK: pk, SK: keys.slugSk(item.type, item.slug), itemId: item.id },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          { Put: { Item: { PK: pk, SK: keys.itemSk(item.id), ...item }, ConditionExpression: 'attribute_not_exists(PK)' } },
          { Put: { Item: { PK: pk, SK: keys.revisionSk(item.id, 1), ...item } } },
        ])
      } catch (error) {
        if ((error as Error).name === 'TransactionCanceledException')
          throw conflict(`The address /${item.tenant}/${item.type}/${item.slug} is already taken. Choose another slug.`)
        throw error
      }
      return item
    },

    async getItem(tenant: string, id: string): Promise<StoredItem | undefined> {
      const record = await db.get<Record<string, unknown>>({ PK: keys.tenantPk(tenant), SK: keys.itemSk(id) }, { consistent: true })
      return record ? (stripKeys(record) as unknown as StoredItem) : undefined
    },

    /**
     * Publishes the working copy as readers will see it: the snapshot, one listing entry per edition and
     * topic, and the item's new state, all in one transaction conditional on the version the editor saw.
     */
    async publish(tenant: string, id: string, expectedVersion: number): Promise<StoredItem> {
      const item = await this.getItem(tenant, id)
      if (!item) throw notFound(`No item ${id} in ${tenant}.`)
      if (item.version !== expectedVersion)
        throw conflict(`The item was changed by someone else (version ${item.version}, you had ${expectedVersion}).`)
      const at = now()
      const publishedAt = item.publishedAt ?? at
      const { status, version, createdAt, followedBy, publishedEntries, publishedPath, publishedFacets, featuredIn, ...fields } = item
      const snapshot: PublishedItem = { ...(fields as ContentFields), publishedAt, updatedAt: at }
      const editions = editionsOf(item)
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
      }
      const writes: TransactItem[] = [
        {
          Put: {
            Item: { PK: pk, SK: keys.itemSk(id), ...next },
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': expectedVersion },
          },
        },
        { Put: { Item: { PK: pk, SK: keys.publishedSk(item.type, item.slug), ...snapshot } } },
        ...entries.map((Item) => ({ Put: { Item } })),
        ...stale.map((Key) => ({ Delete: { Key } })),
        ...(movedFrom ? [{ Delete: { Key: { PK: pk, SK: keys.publishedSk(movedFrom.type, movedFrom.slug) } } }] : []),
        ...countUpdates(item.status === 'published' ? publishedFacets : undefined, facets),
      ]
      try {
        await db.transact(writes)
      } catch (error) {
        if ((error as Error).name === 'TransactionCanceledException')
          throw conflict('The item was changed by someone else while publishing. Reload and try again.')
        throw error
      }
      return next
    },

    /**
     * Features (or stops featuring) an item on an edition's home page. The item remembers it, so later
     * publishes keep it; a published entry in that edition moves to the front of the edition's feed at once.
     */
    async setFeatured(edition: string, tenant: string, id: string, featured: boolean, expectedVersion: number): Promise<StoredItem> {
      const item = await this.getItem(tenant, id)
      if (!item) throw notFound(`No item ${id} in ${tenant}.`)
      const featuredIn = { ...item.featuredIn }
      if (featured) featuredIn[edition] = now()
      else delete featuredIn[edition]
      const next: StoredItem = { ...item, featuredIn, version: item.version + 1, updatedAt: now() }
      const entryKey = { PK: keys.tenantPk(edition), SK: keys.entrySk(tenant, id) }
      const listed = item.status === 'published' && (item.publishedEntries ?? []).some((key) => key.PK === entryKey.PK && key.SK === entryKey.SK)
      const newest = keys.newestSk(item.publishedAt ?? '', tenant, id)
      try {
        await db.transact([
          {
            Put: {
              Item: { PK: keys.tenantPk(tenant), SK: keys.itemSk(id), ...next },
              ConditionExpression: 'version = :expected',
              ExpressionAttributeValues: { ':expected': expectedVersion },
            },
          },
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
        ])
      } catch (error) {
        if ((error as Error).name === 'TransactionCanceledException')
          throw conflict('The item was changed by someone else. Reload and try again.')
        throw error
      }
      return next
    },

    /** The published snapshot readers see; drafts are never stored here, so they cannot leak. */
    async getPublished(tenant: string, type: ContentType, slug: string): Promise<PublishedItem | undefined> {
      const record = await db.get<Record<string, unknown>>({ PK: keys.tenantPk(tenant), SK: keys.publishedSk(type, slug) })
      return record ? (stripKeys(record) as unknown as PublishedItem) : undefined
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

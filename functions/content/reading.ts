import type { Db, Page } from '../shared/db.ts'
import * as keys from './keys.ts'
import { itemPath, type ItemAddress } from './paths.ts'
import type { ContentCard, PublishedItem } from './schema.ts'
import type { Audience, ContentType } from './vocabulary.ts'

/** A stored record without its table and index keys. */
export const stripKeys = <T extends Record<string, unknown>>(record: T) => {
  const { PK, SK, GSI1PK, GSI1SK, GSI2PK, GSI2SK, GSI3PK, GSI3SK, ...rest } = record
  return rest
}

/**
 * Everything reader pages read: published snapshots and the cards of listings, topics, events and counts.
 * Nothing here can see a draft (drafts are never written where these read), and nothing here writes, so
 * the site function builds only this part of the content store.
 */
export function createReading(db: Db, options: { hiddenOwners?: () => Promise<ReadonlySet<string>> } = {}) {
  /**
   * Cards that hidden editions own (issue 17) leave other editions' listings, the national edition's and followers'
   * included: their entries are written at publish like any other, so going live shows them without rewriting
   * anything. A hidden edition's own listing keeps them (its pages are 404 to readers; its editors use it).
   */
  const visible = async (edition: string, page: Page<Record<string, unknown>>): Promise<Page<ContentCard>> => {
    const hidden = (await options.hiddenOwners?.()) ?? new Set<string>()
    const cards = page.items.map((record) => stripKeys(record) as unknown as ContentCard)
    return { ...page, items: hidden.size ? cards.filter((card) => card.tenant === edition || !hidden.has(card.tenant)) : cards }
  }
  const reading = {
    /** The published snapshot readers see; drafts are never stored here, so they cannot leak. */
    async getPublished(tenant: string, type: ContentType, slug: string): Promise<PublishedItem | undefined> {
      const found = await reading.readerView(tenant, type, slug)
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
     * Several snapshots in one BatchGetItem (at most 100 distinct addresses), keyed by their item path: 'gone' for a
     * withdrawn item, absent for one never published.
     */
    async readerViews(addresses: ItemAddress[]): Promise<Map<string, PublishedItem | 'gone'>> {
      const keyOf = (address: ItemAddress) => ({ PK: keys.tenantPk(address.tenant), SK: keys.publishedSk(address.type, address.slug) })
      const records = addresses.length ? await db.batchGet<Record<string, unknown>>(addresses.map(keyOf)) : []
      const byKey = new Map(records.map((record) => [`${record.PK}|${record.SK}`, record]))
      const views = new Map<string, PublishedItem | 'gone'>()
      for (const address of addresses) {
        const { PK, SK } = keyOf(address)
        const record = byKey.get(`${PK}|${SK}`)
        if (record) views.set(itemPath(address), record.gone === true ? 'gone' : (stripKeys(record) as unknown as PublishedItem))
      }
      return views
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
      return visible(edition, page)
    },

    /**
     * How many published items an edition lists per type, topic and audience (maintained at publish): one
     * Query for the edition's count records, one small record per type.
     */
    async counts(edition: string): Promise<(type: ContentType, facet?: { topic?: string; audience?: string }) => number> {
      const page = await db.query<Record<string, unknown>>({
        partitionKey: { name: 'PK', value: keys.tenantPk(edition) },
        sortKeyPrefix: { name: 'SK', value: keys.statsPrefix },
        limit: 100,
      })
      const records = new Map(page.items.map((record) => [String(record.SK), record]))
      return (type, facet) => Number(records.get(keys.statsSk(type))?.[keys.countName(facet)] ?? 0)
    },

    /** Every card in an edition, newest first, for sitemaps; bounded so a request can never run away. */
    async allEditionCards(edition: string, maxItems = 50_000): Promise<ContentCard[]> {
      const cards: ContentCard[] = []
      let cursor: string | undefined
      do {
        const page = await reading.listEdition(edition, { limit: 1000, cursor })
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
      return visible(edition, page)
    },

    /** Every published card tagged with a topic in an edition, grouped by type in key order. */
    async topicCards(edition: string, topic: string, query: { limit: number; cursor?: string }): Promise<Page<ContentCard>> {
      const page = await db.query<Record<string, unknown>>({
        partitionKey: { name: 'PK', value: keys.tenantPk(edition) },
        sortKeyPrefix: { name: 'SK', value: keys.topicEntryPrefix(topic) },
        limit: query.limit,
        cursor: query.cursor,
      })
      return visible(edition, page)
    },
  }
  return reading
}
export type ContentReading = ReturnType<typeof createReading>

import * as keys from './keys.ts'
import { toCard, type PublishedItem } from './schema.ts'
import type { StoredItem } from './store.ts'

/** Listing and topic entries: the denormalised cards that make every reader list one Query. */

/** Whether other editions may list or embed the item: the national edition's own work is shared by being national. */
export const isSharedNationally = (item: Pick<StoredItem, 'tenant' | 'sharedNationally'>, nationalTenant: string) =>
  item.sharedNationally || item.tenant === nationalTenant

/**
 * The owner's editions an item appears in when published: its own, and the national one if shared. Followers'
 * editions come from the item's followers record (followers.ts).
 */
export function editionsOf(item: Pick<StoredItem, 'tenant' | 'sharedNationally'>, nationalTenant: string): string[] {
  const editions = new Set([item.tenant])
  if (isSharedNationally(item, nationalTenant)) editions.add(nationalTenant)
  return [...editions]
}

/**
 * The keys of the entries the last publish wrote into `editions`, from what it recorded (type, topics and
 * publishedAt do not change between publishes of the same snapshot).
 */
export function publishedEntryKeys(item: Pick<StoredItem, 'tenant' | 'id' | 'publishedAt' | 'publishedFacets'>, editions: string[]) {
  const facets = item.publishedFacets
  if (!facets || !item.publishedAt) return []
  return editions.flatMap((edition) => [
    { PK: keys.tenantPk(edition), SK: keys.entrySk(item.tenant, item.id) },
    ...facets.topics.map((topic) => ({ PK: keys.tenantPk(edition), SK: keys.topicEntrySk(topic, facets.type, item.publishedAt!, item.tenant, item.id) })),
  ])
}

export function entryRecords(published: PublishedItem, editions: string[], featuredIn: Record<string, string> = {}) {
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



import * as keys from './keys.ts'
import { toCard, type PublishedItem } from './schema.ts'
import type { StoredItem } from './store.ts'

/** Listing and topic entries: the denormalised cards that make every reader list one Query. */

/** The editions an item appears in when published: its own, the national one if shared, and followers. */
export function editionsOf(item: Pick<StoredItem, 'tenant' | 'sharedNationally' | 'followedBy'>, nationalTenant: string): string[] {
  const editions = new Set([item.tenant])
  if (item.sharedNationally || item.tenant === nationalTenant) editions.add(nationalTenant)
  // Other editions may follow only what is shared; un-sharing hides it there until it is shared again.
  if (item.sharedNationally || item.tenant === nationalTenant) for (const follower of item.followedBy ?? []) editions.add(follower)
  return [...editions]
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



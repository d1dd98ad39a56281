import type { ContentCard, PublishedItem } from './schema.ts'

/**
 * The card listings show for a published item. Zod-free on purpose (types only from schema.ts): the public API's
 * bundle builds cards for readers' favourites (card-routes.ts) and carries no zod.
 */
export function toCard(item: PublishedItem): ContentCard {
  return {
    id: item.id,
    tenant: item.tenant,
    type: item.type,
    slug: item.slug,
    title: item.title,
    summary: item.summary,
    image: item.image,
    topics: item.topics,
    audiences: item.audiences,
    sharedNationally: item.sharedNationally,
    publishedAt: item.publishedAt,
    updatedAt: item.updatedAt,
    ...(item.type === 'arrangementer' ? { startsAt: item.startsAt, endsAt: item.endsAt } : {}),
    ...(item.type === 'e-kurs' ? { durationMinutes: item.durationMinutes } : {}),
    ...(item.type === 'film' ? { durationSeconds: item.video.durationSeconds } : {}),
    ...(item.type === 'podkast' ? { episodeCount: item.episodes.length } : {}),
  }
}

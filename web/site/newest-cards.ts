import type { ContentCard } from '../../functions/content/schema.ts'
import type { Audience, ContentType } from '../../functions/content/vocabulary.ts'
import type { ReaderServices } from '../../functions/reader-services.ts'

export interface NewestFilters {
  type?: ContentType
  topic?: string
  audience?: Audience
}

const newestFirst = (a: ContentCard, b: ContentCard) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt)

/**
 * An edition's newest published cards, narrowed as the listings are, in one Query: the listing's own, or — for a topic
 * across all types — the topic's entries, which are kept by type rather than time, so its first 200 (as the topic page
 * shows them) are sorted by date. The Atom feeds and the embeds' latest list read through this.
 */
export async function newestCards(services: ReaderServices, edition: string, filters: NewestFilters, limit: number): Promise<ContentCard[]> {
  if (filters.topic && !filters.type) {
    const page = await services.content.topicCards(edition, filters.topic, { limit: 200 })
    return page.items.filter((card) => !filters.audience || card.audiences.includes(filters.audience)).sort(newestFirst).slice(0, limit)
  }
  return (await services.content.listEdition(edition, { ...filters, limit })).items
}

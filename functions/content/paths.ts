import type { ContentType } from './vocabulary.ts'

/**
 * The one builder of an item's public address, `/{tenant}/{type}/{slug}` (an item lives at its owner's
 * address whichever edition lists it). Reader pages, the editor's preview and links, feeds, sitemaps and CDN
 * invalidation all build it here, so the address cannot drift between them. Zod-free on purpose: the site
 * bundle imports it.
 */
export interface ItemAddress {
  tenant: string
  type: ContentType
  slug: string
}

export const itemPath = (item: ItemAddress) => `/${item.tenant}/${item.type}/${item.slug}`

/** An episode's page, under its series. */
export const episodePath = (series: ItemAddress, episodeSlug: string) => `${itemPath(series)}/${episodeSlug}`

/** A series' RSS feed: its URL never changes, because podcast apps keep it for years. */
export const podcastFeedPath = (series: ItemAddress) => `${itemPath(series)}/feed.xml`

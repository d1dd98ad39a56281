import { embedPathPrefix } from '../../infra/definitions.ts'
import { itemPath, type ItemAddress } from '../content/paths.ts'
import { isContentType, isSlug, type ContentType } from '../content/vocabulary.ts'

/**
 * Where the embeddable pages live (issue 18). An item's card mirrors the item's own address under the prefix, so
 * whoever holds an item link can write its embed link by hand: `/innebygd/{tenant}/{type}/{slug}`. An edition's
 * latest items are `/innebygd/{edition}/siste?tema=&type=&antall=`, the query words the listings use. Zod-free: the
 * site and the public API both build these.
 */
export const embedItemPath = (item: ItemAddress) => `${embedPathPrefix.slice(0, -1)}${itemPath(item)}`

/** The latest list's segment under an edition. */
export const latestSegment = 'siste'

/** The latest list's query words (bokmål, as the listings' `tema`). */
export const latestParams = { topic: 'tema', type: 'type', count: 'antall' } as const

export const latestCount = { min: 1, max: 20, default: 5 } as const

export interface LatestQuery {
  topic?: string
  type?: ContentType
  count: number
}

export function embedLatestPath(edition: string, query: Partial<LatestQuery> = {}): string {
  const search = new URLSearchParams()
  if (query.topic) search.set(latestParams.topic, query.topic)
  if (query.type) search.set(latestParams.type, query.type)
  if (query.count) search.set(latestParams.count, String(query.count))
  const rest = search.size ? `?${search}` : ''
  return `${embedPathPrefix}${edition}/${latestSegment}${rest}`
}

/**
 * The item an item page's path names (`/{tenant}/{type}/{slug}`, a trailing slash allowed), or undefined for any
 * other path: episodes, listings, topics and the embeds themselves are not items.
 */
export function itemAddressOf(pathname: string): ItemAddress | undefined {
  const match = /^\/([^/]+)\/([^/]+)\/([^/]+)\/?$/.exec(pathname)
  if (!match) return undefined
  const [, tenant, type, slug] = match as unknown as [string, string, string, string]
  if (!isSlug(tenant) || !isContentType(type) || !isSlug(slug)) return undefined
  return { tenant, type, slug }
}

/** The oEmbed endpoint (the public API's, functions/embeds/oembed-routes.ts) for a page's absolute URL. */
export const oembedPath = (pageUrl: string) => `/api/oembed?${new URLSearchParams({ url: pageUrl, format: 'json' })}`

import type { PublishedItem } from '../content/schema.ts'
import { itemPath } from '../content/paths.ts'
import { variantPath } from '../media/paths.ts'
import type { Tenant } from '../tenants/schema.ts'
import { absoluteUrl } from '../../web/site/origin.ts'
import { paths } from '../../web/site/paths.ts'
import { cardFrameHeight, clampWidth } from './frame.ts'
import { embedItemPath } from './paths.ts'

/** The provider's name in every answer and in each frame's title. */
export const providerName = 'Kompetansebroen'

/** An oEmbed 1.0 "rich" answer (https://oembed.com §2.3.4): our embed page in a frame. */
export interface OembedRich {
  type: 'rich'
  version: '1.0'
  title: string
  author_name: string
  author_url: string
  provider_name: string
  provider_url: string
  cache_age: number
  html: string
  width: number
  height: number
  thumbnail_url?: string
  thumbnail_width?: number
  thumbnail_height?: number
}

const attributeEscapes: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' }
const attribute = (value: string) => value.replace(/[&"<>]/g, (char) => attributeEscapes[char]!)

/**
 * The thumbnail within the consumer's bounds (the spec asks thumbnails to respect maxwidth and maxheight): the
 * original when it fits, else the widest WebP variant the media worker wrote that does, else none.
 */
function thumbnail(item: PublishedItem, origin: string, bounds: { maxwidth?: number; maxheight?: number }) {
  const image = item.image
  if (!image?.width || !image.height) return {}
  const fits = (width: number) => width <= (bounds.maxwidth ?? Infinity) && Math.round((width * image.height!) / image.width!) <= (bounds.maxheight ?? Infinity)
  const variants = image.variants?.formats.includes('webp') ? image.variants.widths : []
  const width = fits(image.width) ? image.width : [...variants].sort((a, b) => b - a).find(fits)
  if (!width) return {}
  const src = width === image.width ? image.src : variantPath(image.src, width, 'webp')
  return { thumbnail_url: absoluteUrl(origin, src), thumbnail_width: width, thumbnail_height: Math.round((width * image.height) / image.width) }
}

/**
 * The answer for one published item: the frame is as wide as the consumer allows (480 px by default) and as tall
 * as the card's content at that width. Sandboxed for the host's sake: no script, no same-origin access; links
 * open in a new tab that leaves the sandbox.
 */
export function oembedFor(item: PublishedItem, owner: Tenant, origin: string, bounds: { maxwidth?: number; maxheight?: number }): OembedRich {
  const width = clampWidth(bounds.maxwidth)
  const height = Math.min(cardFrameHeight(item, width), bounds.maxheight ?? Infinity)
  const title = `${item.title} – ${providerName}`
  const src = absoluteUrl(origin, embedItemPath(item))
  return {
    type: 'rich',
    version: '1.0',
    title: item.title,
    author_name: owner.name,
    author_url: absoluteUrl(origin, paths.home(owner.id)),
    provider_name: providerName,
    provider_url: absoluteUrl(origin, '/'),
    cache_age: 3600,
    html:
      `<iframe src="${attribute(src)}" title="${attribute(title)}" width="${width}" height="${height}" loading="lazy" ` +
      `sandbox="allow-popups allow-popups-to-escape-sandbox" style="border:0;max-width:100%"></iframe>`,
    width,
    height,
    ...thumbnail(item, origin, bounds),
  }
}

/** The item page an oEmbed consumer names, as its canonical URL (for discovery links and tests). */
export const itemUrl = (origin: string, item: Pick<PublishedItem, 'tenant' | 'type' | 'slug'>) => absoluteUrl(origin, itemPath(item))

import type { ContentCard } from '../../functions/content/schema.ts'
import { xmlCharsOnly } from '../../functions/content/xml-chars.ts'
import { xmlDocument, type XmlElement } from '../../functions/shared/xml-writer.ts'
import type { Tenant } from '../../functions/tenants/schema.ts'
import { paths } from './paths.ts'
import { typeText } from './text.ts'

/** XML for crawlers and feed readers: escaped by the one writer, then rid of characters XML cannot carry. */
const xml = (document: XmlElement) => xmlCharsOnly(xmlDocument(document))

const sitemapNs = 'http://www.sitemaps.org/schemas/sitemap/0.9'

export function sitemapIndexXml(origin: string, editions: Tenant[]): string {
  return xml({
    sitemapindex: {
      '@_xmlns': sitemapNs,
      sitemap: editions.map((edition) => ({ loc: new URL(`/${edition.id}/sitemap.xml`, origin).href })),
    },
  })
}

export function sitemapXml(origin: string, entries: Array<{ path: string; lastmod?: string }>): string {
  return xml({
    urlset: {
      '@_xmlns': sitemapNs,
      url: entries.map((entry) => ({ loc: new URL(entry.path, origin).href, lastmod: entry.lastmod })),
    },
  })
}

/** RFC 822 dates, as RSS 2.0 requires. */
const rfc822 = (iso: string) => new Date(iso).toUTCString()

/** RSS 2.0 of an edition's newest content, with an atom:link to itself as feed validators ask. */
export function editionFeedXml(origin: string, edition: Tenant, cards: ContentCard[], feedPath: string): string {
  const absolute = (path: string) => new URL(path, origin).href
  return xml({
    rss: {
      '@_version': '2.0',
      '@_xmlns:atom': 'http://www.w3.org/2005/Atom',
      channel: {
        title: edition.name,
        link: absolute(paths.home(edition.id)),
        description: edition.description,
        language: 'nb',
        'atom:link': { '@_href': absolute(feedPath), '@_rel': 'self', '@_type': 'application/rss+xml' },
        ...(cards[0] ? { lastBuildDate: rfc822(cards[0].publishedAt) } : {}),
        item: cards.map((card) => ({
          title: card.title,
          link: absolute(paths.item(card)),
          description: card.summary,
          category: typeText[card.type].one,
          guid: { '#text': `urn:kompetansebroen:${card.tenant}:${card.id}`, '@_isPermaLink': 'false' },
          pubDate: rfc822(card.publishedAt),
        })),
      },
    },
  })
}

import type { ContentCard } from '../../functions/content/schema.ts'
import { xmlCharsOnly } from '../../functions/content/xml-chars.ts'
import { xmlDocument, type XmlElement } from '../../functions/shared/xml-writer.ts'
import type { Tenant, Topic } from '../../functions/tenants/schema.ts'
import { absoluteUrl } from './origin.ts'
import { paths } from './paths.ts'
import { typeText } from './text.ts'

/**
 * Atom 1.0 (RFC 4287) of an edition's newest published items (issue 18). Ids are tag URIs (RFC 4151) minted under
 * the service's own domain from the date it began (2017, DOMAIN.md), from the item's tenant and ULID: not from its
 * address, so they stay the same when a slug changes, on every deployment and in every run.
 */
export const ATOM_TAG = 'tag:kompetansebroen.no,2017:'

/** What a feed has when it has never had an entry: RFC 4287 requires `updated`, and a clock would defeat the ETag. */
const NEVER_UPDATED = '2017-01-01T00:00:00Z'

export const atomEntryId = (card: Pick<ContentCard, 'tenant' | 'id'>) => `${ATOM_TAG}${card.tenant}/${card.id}`

/** RFC 3339 in UTC, as Atom's date constructs require, whatever offset the item was stored with. */
const rfc3339 = (instant: string) => new Date(instant).toISOString()
const updatedOf = (card: ContentCard) => rfc3339(card.updatedAt ?? card.publishedAt)

export interface AtomFeed {
  origin: string
  edition: Tenant
  /** The feed's own address with its normalised query: the self link, and after the tag the feed's id. */
  selfPath: string
  /** The page that shows the same selection to readers. */
  alternatePath: string
  title: string
  cards: ContentCard[]
  /** Publishing editions' names (a shared item's author is its owner) and topics' names, from the catalog. */
  tenantName: (id: string) => string | undefined
  topic: (slug: string) => Topic | undefined
}

function entry(feed: AtomFeed, card: ContentCard): XmlElement {
  const absolute = (path: string) => absoluteUrl(feed.origin, path)
  const topics = card.topics.flatMap((slug) => {
    const topic = feed.topic(slug)
    return topic ? [{ '@_term': topic.slug, '@_label': topic.name, '@_scheme': `${ATOM_TAG}fagtema` }] : []
  })
  return {
    id: atomEntryId(card),
    title: { '@_type': 'text', '#text': card.title },
    // The version readers see: a republished edit moves it. Cards written before cards carried it have the first publish.
    updated: updatedOf(card),
    published: rfc3339(card.publishedAt),
    link: { '@_rel': 'alternate', '@_type': 'text/html', '@_href': absolute(paths.item(card)) },
    author: { name: feed.tenantName(card.tenant) ?? feed.edition.name, uri: absolute(paths.home(card.tenant)) },
    summary: card.summary ? { '@_type': 'text', '#text': card.summary } : undefined,
    category: [{ '@_term': card.type, '@_label': typeText[card.type].one, '@_scheme': `${ATOM_TAG}type` }, ...topics],
  }
}

export function atomFeedXml(feed: AtomFeed): string {
  const absolute = (path: string) => absoluteUrl(feed.origin, path)
  const entries = [...feed.cards].sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt))
  const document = {
    feed: {
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      '@_xml:lang': 'nb',
      id: `${ATOM_TAG}${feed.selfPath.replace(/^\//, '')}`,
      title: { '@_type': 'text', '#text': feed.title },
      subtitle: feed.edition.description ? { '@_type': 'text', '#text': feed.edition.description } : undefined,
      // The newest change to any entry, which need not be the newest entry's first publish.
      updated: entries.map(updatedOf).sort().at(-1) ?? NEVER_UPDATED,
      link: [
        { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': absolute(feed.selfPath) },
        { '@_rel': 'alternate', '@_type': 'text/html', '@_href': absolute(feed.alternatePath) },
      ],
      author: { name: feed.edition.name, uri: absolute(paths.home(feed.edition.id)), email: feed.edition.contactEmail },
      entry: entries.map((card) => entry(feed, card)),
    },
  }
  return xmlCharsOnly(xmlDocument(document))
}

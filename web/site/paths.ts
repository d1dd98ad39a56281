import { itemPath, type ItemAddress } from '../../functions/content/paths.ts'
import type { ContentType } from '../../functions/content/vocabulary.ts'
import { NATIONAL_TENANT } from '../../functions/reader-services.ts'

/** The path segment of topic pages (fagtema), under an edition. */
export const topicSegment = 'fagtema'

/** URL builders: the national edition lives at the root, regional ones under their id. */
const prefix = (edition: string) => (edition === NATIONAL_TENANT ? '' : `/${edition}`)

export const paths = {
  home: (edition: string) => prefix(edition) || '/',
  listing: (edition: string, type: ContentType) => `${prefix(edition)}/${type}`,
  topics: (edition: string) => `${prefix(edition)}/${topicSegment}`,
  topic: (edition: string, slug: string) => `${prefix(edition)}/${topicSegment}/${slug}`,
  item: itemPath,
  /** An item linked from an edition: when it belongs to another tenant the reader stays in their edition. */
  itemIn: (card: ItemAddress, edition: string) => `${itemPath(card)}${card.tenant === edition ? '' : `?omrade=${edition}`}`,
  /** Search, served by the search function (functions/search-app.ts) under its own CloudFront behaviours. */
  search: (edition: string) => `${prefix(edition)}/sok`,
  accessibility: '/tilgjengelighet',
  /** An edition's Atom feed of every type (issue 18), beside its RSS at `/{edition}/feed.xml`. */
  atom: (edition: string) => `${prefix(edition)}/atom.xml`,
  /** The page for integrators: the public API, the feeds and calendars (issue 18). */
  developers: '/for-utviklere',
  /** A reader's favourites and saved content (issue 14); their course progress is at myCourses. */
  mine: '/mine',
  myCourses: '/mine-kurs',
  chooseRegion: '/velg-omrade',
}

import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { audiences, contentTypes, isAudience, isContentType, type Audience, type ContentType } from '../../../functions/content/vocabulary.ts'
import { NATIONAL_TENANT, type ReaderServices as Services } from '../../../functions/reader-services.ts'
import type { Catalog } from '../../../functions/tenants/catalog.ts'
import { atomFeedXml } from '../atom.ts'
import { sendWithValidator } from '../conditional.ts'
import { cacheControl, FEED_SIZE } from '../discovery.ts'
import { publicOrigin } from '../origin.ts'
import { atomText } from '../pages/developers-text.ts'
import { listingHref, listingParams } from '../pages/listing.tsx'
import { notFound, ReaderError } from '../pages-kit.tsx'
import { newestCards, type NewestFilters } from '../newest-cards.ts'
import { paths } from '../paths.ts'
import { audienceText, typeText } from '../text.ts'

/** The feed's filters: the listings' own `tema` and `malgruppe`, and `type` as the public API names it. */
export const atomParams = { type: 'type', topic: listingParams.topic, audience: listingParams.audience } as const

/** Filters from the query, checked against the vocabulary and catalog, as the listings check theirs. */
function filtersOf(c: Context, catalog: Catalog): NewestFilters {
  const type = c.req.query(atomParams.type) || undefined
  const topic = c.req.query(atomParams.topic) || undefined
  const audience = c.req.query(atomParams.audience) || undefined
  if (type && !isContentType(type)) throw new ReaderError(atomText.unknownType(contentTypes))
  if (topic && !catalog.topic(topic)) throw new ReaderError(atomText.unknownTopic)
  if (audience && !isAudience(audience)) throw new ReaderError(atomText.unknownAudience(audiences))
  return { type: type as ContentType | undefined, topic, audience: audience as Audience | undefined }
}

/** The feed's canonical address: filters in one order, anything else in the query dropped. */
export function atomPath(edition: string, filters: NewestFilters = {}): string {
  const query = new URLSearchParams()
  if (filters.type) query.set(atomParams.type, filters.type)
  if (filters.topic) query.set(atomParams.topic, filters.topic)
  if (filters.audience) query.set(atomParams.audience, filters.audience)
  const search = query.toString()
  return search ? `${paths.atom(edition)}?${search}` : paths.atom(edition)
}

/** `/atom.xml` (national) and `/{edition}/atom.xml`: Atom 1.0 of every type, narrowed like the listings (issue 18). */
export function atomRoutes(services: Services) {
  const app = new Hono()

  async function feed(c: Context, editionId: string) {
    const catalog = await services.catalog.get()
    const edition = catalog.tenant(editionId)
    if (!edition) throw notFound()
    const filters = filtersOf(c, catalog)
    const topic = filters.topic ? catalog.topic(filters.topic) : undefined
    const alternatePath = filters.type
      ? listingHref(paths.listing(edition.id, filters.type), { topic: filters.topic, audience: filters.audience })
      : topic
        ? paths.topic(edition.id, topic.slug)
        : paths.home(edition.id)
    const narrowed = [filters.type ? typeText[filters.type].many : atomText.everything, topic?.name, filters.audience && audienceText[filters.audience]]
    const body = atomFeedXml({
      origin: publicOrigin(c, services.config),
      edition,
      selfPath: atomPath(edition.id, filters),
      alternatePath,
      title: `${edition.name} – ${narrowed.filter(Boolean).join(' · ')}`,
      cards: await newestCards(services, edition.id, filters, FEED_SIZE),
      tenantName: (id) => catalog.tenant(id)?.name,
      topic: (slug) => catalog.topic(slug),
    })
    return sendWithValidator(c, body, 200, { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': cacheControl })
  }

  app.get('/atom.xml', (c) => feed(c, NATIONAL_TENANT))
  app.get('/:edition/atom.xml', (c) => feed(c, c.req.param('edition')))
  return app
}

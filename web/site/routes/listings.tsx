import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { isAudience, isContentType, type Audience, type ContentType } from '../../../functions/content/vocabulary.ts'
import { isUpcoming, upcomingCards } from '../../../functions/events/calendar-feed.ts'
import { NATIONAL_TENANT } from '../../../functions/reader-services.ts'
import { calendarText } from '../pages/event-calendar-text.ts'
import { CalendarSubscribe, UpcomingByMonth } from '../pages/event-listing.tsx'
import { ListingPage, listingParams } from '../pages/listing.tsx'
import { t } from '../text.ts'
import { notFound, ReaderError, type Pages } from '../pages-kit.tsx'
import { typeParam } from './params.ts'

/** `/{type}` and `/{edition}/{type}`: an edition's published items of one type, filtered and cursor-paged. */
export function listingRoutes(pages: Pages) {
  const { services } = pages
  const app = new Hono()

  async function listing(c: Context, editionId: string, type: ContentType) {
    const catalog = await services.catalog.get()
    const cursor = c.req.query(listingParams.cursor) || undefined
    const topic = c.req.query(listingParams.topic) || undefined
    const audience = c.req.query(listingParams.audience) || undefined
    if (topic && !catalog.topic(topic)) throw new ReaderError('Ukjent fagtema i filteret. Velg et fagtema fra listen.')
    if (audience && !isAudience(audience)) throw new ReaderError('Ukjent målgruppe i filteret. Velg en målgruppe fra listen.')
    const filters = { topic, audience: audience as Audience | undefined }
    // Events (issue 13): the first page shows what is coming by month, from the events-by-start index, then the past ones.
    const events = type === 'arrangementer'
    const now = pages.now()
    const [page, counts, upcoming] = await Promise.all([
      services.content.listEdition(editionId, { type, ...filters, limit: pages.pageSize, cursor }),
      services.content.counts(editionId),
      events && !cursor ? upcomingCards(services, editionId, now, filters) : undefined,
    ])
    const cards = events ? page.items.filter((card) => !isUpcoming(card, now)) : page.items
    const count = topic && audience ? undefined : counts(type, filters)
    const ctx = pages.pageContext(c, catalog, editionId)
    // The query string (filters, cursor) is part of what the page is; the cards and the count are what it shows.
    const key = pages.pageKey(ctx, 'listing', new URL(c.req.url).search, pages.dataKey([cards, count, page.nextCursor, upcoming]))
    const topicEntry = topic ? catalog.topic(topic) : undefined
    const before = upcoming && (
      <>
        <UpcomingByMonth ctx={ctx} cards={upcoming} label={t.upcomingEvents} empty={t.noUpcomingEvents} />
        <CalendarSubscribe ctx={ctx} topic={topicEntry} />
      </>
    )
    return pages.renderCached(c, key, () => (
      <ListingPage
        ctx={ctx}
        type={type}
        filters={filters}
        cards={cards}
        count={count}
        nextCursor={page.nextCursor}
        isFirstPage={!cursor}
        before={before}
        cardsHeading={events ? calendarText.pastEvents : undefined}
      />
    ))
  }

  const typeOf = (c: Context) => {
    const type = c.req.param('type') ?? ''
    if (!isContentType(type)) throw notFound()
    return type
  }

  app.get(`/${typeParam}`, (c) => listing(c, NATIONAL_TENANT, typeOf(c)))
  app.get(`/:edition/${typeParam}`, async (c) => {
    const edition = (await services.catalog.get()).tenant(c.req.param('edition'))
    if (!edition) throw notFound()
    return listing(c, edition.id, typeOf(c))
  })
  return app
}

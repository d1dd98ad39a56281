import type { ContentCard } from '../content/schema.ts'
import type { ReaderServices } from '../reader-services.ts'
import type { PublishedEvent } from './calendar.ts'

/** A subscribed calendar holds this many events at most: a region's next months, not its archive. */
export const FEED_MAX_EVENTS = 100
/**
 * Events are indexed by their start; one that began this long ago and has not ended is still in the feed. Longer
 * events (hospitering over several months) are rare and drop out of feeds once started this long ago; their pages
 * stay.
 */
const LOOKBACK_MS = 31 * 86_400_000
/** What one Query reads before filtering by end and topic. */
const QUERY_LIMIT = 300

/** Whether a card is an event that has not ended at `now`, in `topic` and for `audience` when asked for. */
export const isUpcoming = (card: Pick<ContentCard, 'endsAt' | 'topics' | 'audiences'>, now: Date, filter: UpcomingFilter = {}) =>
  Boolean(card.endsAt) &&
  Date.parse(card.endsAt!) > now.getTime() &&
  (!filter.topic || card.topics.includes(filter.topic)) &&
  (!filter.audience || card.audiences.includes(filter.audience as never))

export interface UpcomingFilter {
  topic?: string
  audience?: string
}

/**
 * The cards of an edition's published events that have not ended, soonest first: the events listed in the edition (its
 * own, the shared ones it follows, or, for the national edition, every shared one). One Query of `eventsByStart`.
 */
export async function upcomingCards(services: Pick<ReaderServices, 'content'>, edition: string, now: Date, filter: UpcomingFilter = {}): Promise<ContentCard[]> {
  const page = await services.content.upcomingEvents(edition, { from: new Date(now.getTime() - LOOKBACK_MS), limit: QUERY_LIMIT })
  return page.items.filter((card) => card.type === 'arrangementer' && isUpcoming(card, now, filter)).slice(0, FEED_MAX_EVENTS)
}

/** The same events as readers' snapshots, for a calendar: one BatchGetItem more. Drafts are never in either. */
export async function upcomingEventsOf(services: Pick<ReaderServices, 'content'>, edition: string, now: Date, topic?: string): Promise<PublishedEvent[]> {
  const cards = await upcomingCards(services, edition, now, { topic })
  const views = await services.content.readerViews(cards.map((card) => ({ tenant: card.tenant, type: card.type, slug: card.slug })))
  return cards.flatMap((card) => {
    const view = views.get(`/${card.tenant}/${card.type}/${card.slug}`)
    return view && view !== 'gone' && view.type === 'arrangementer' && view.id === card.id ? [view as PublishedEvent] : []
  })
}

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

/** Whether a card is an event that has not ended at `now`, in `topic` when one is asked for. */
export const isUpcoming = (card: Pick<ContentCard, 'endsAt' | 'topics'>, now: Date, topic?: string) =>
  Boolean(card.endsAt) && Date.parse(card.endsAt!) > now.getTime() && (!topic || card.topics.includes(topic))

/**
 * An edition's published events that have not ended, soonest first: the events listed in the edition (its own, the
 * national ones it follows, or, for the national edition, every shared one), as its listing shows them. Two requests:
 * one Query of the `eventsByStart` index and one BatchGetItem of the snapshots. Drafts are never in either.
 */
export async function upcomingEventsOf(services: Pick<ReaderServices, 'content'>, edition: string, now: Date, topic?: string): Promise<PublishedEvent[]> {
  const page = await services.content.upcomingEvents(edition, { from: new Date(now.getTime() - LOOKBACK_MS), limit: QUERY_LIMIT })
  const cards = page.items.filter((card) => card.type === 'arrangementer' && isUpcoming(card, now, topic)).slice(0, FEED_MAX_EVENTS)
  const views = await services.content.readerViews(cards.map((card) => ({ tenant: card.tenant, type: card.type, slug: card.slug })))
  return cards.flatMap((card) => {
    const view = views.get(`/${card.tenant}/${card.type}/${card.slug}`)
    return view && view !== 'gone' && view.type === 'arrangementer' && view.id === card.id ? [view as PublishedEvent] : []
  })
}

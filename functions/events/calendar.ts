import { createEvents, type EventAttributes } from 'ics'
import type { ContentOf, PublishedItem } from '../content/schema.ts'
import { richTextToPlain } from '../content/richtext-plain.ts'
import { calendarFileText as c } from '../../web/site/pages/calendar-file-text.ts'
import { eventPageText } from '../../web/site/pages/event-text.ts'
import { onlineLinkIsPublic } from './registration.ts'

/** A published event as readers see it (the snapshot carries its publish and update times). */
export type PublishedEvent = ContentOf<'arrangementer'> & Pick<PublishedItem, 'publishedAt' | 'updatedAt'>

export interface CalendarOptions {
  /** The public origin, for each event's URL. */
  origin: string
  /** The calendar's name in the reader's calendar app (X-WR-CALNAME). */
  name: string
}

/** SEQUENCE counts seconds from here, so it fits RFC 5545's 32-bit integer until 2088. */
const SEQUENCE_EPOCH = Date.UTC(2020, 0, 1)

/**
 * RFC 5545 §3.8.4.7: one UID per event for ever, so a calendar that imported or subscribed replaces the event it
 * holds instead of adding a second. The item's id is a ULID, unique on its own; the domain part is the
 * recommended form and names no host, so UIDs survive a change of domain.
 */
export const eventUid = (event: Pick<PublishedEvent, 'id'>) => `${event.id}@kompetansebroen`

/**
 * RFC 5545 §3.8.7.4: SEQUENCE must grow with every revision the organiser publishes. The snapshot keeps no
 * counter, but each publish stamps a later `updatedAt`, so whole seconds since a fixed epoch grow with it (gaps
 * are allowed) without another record to write.
 */
export const eventSequence = (event: Pick<PublishedEvent, 'updatedAt'>) => Math.max(0, Math.floor((Date.parse(event.updatedAt) - SEQUENCE_EPOCH) / 1000))

const statusOf = (event: PublishedEvent): EventAttributes['status'] =>
  // iCalendar has no "postponed": TENTATIVE says the time shown may not hold.
  event.eventStatus === 'cancelled' ? 'CANCELLED' : event.eventStatus === 'postponed' ? 'TENTATIVE' : 'CONFIRMED'

function descriptionOf(event: PublishedEvent, url: string): string {
  const status = event.eventStatus === 'cancelled' || event.eventStatus === 'postponed' ? c.status[event.eventStatus] : undefined
  const online = event.onlineUrl ? (onlineLinkIsPublic(event) ? c.joinOnline(event.onlineUrl) : c.onlineForParticipants) : undefined
  return [status, event.summary, richTextToPlain(event.body), c.organiser([event.organiser, ...(event.coOrganisers ?? [])].join(', ')), online, c.moreAt(url)]
    .filter(Boolean)
    .join('\n\n')
}

/**
 * One VEVENT. Times are written as UTC instants (`DTSTART:20261201T080000Z`, RFC 5545 §3.3.5 form 2): the stored
 * instant is exact, so no VTIMEZONE is needed and no calendar can misread Europe/Oslo's summer time. How a wall-clock
 * time in the hour skipped or repeated was turned into an instant is decided once, where the editor types it
 * (web/editor/form/time.ts) or where a partner's feed is read (partner-feed-parse.ts).
 */
export function eventAttributes(event: PublishedEvent, origin: string): EventAttributes {
  const url = new URL(`/${event.tenant}/arrangementer/${event.slug}`, origin).href
  const prefix = event.eventStatus === 'cancelled' ? `${c.cancelled}: ` : event.eventStatus === 'postponed' ? `${c.postponed}: ` : ''
  const place = event.location ? [event.location.name, event.location.address].filter(Boolean).join(', ') : c.online
  return {
    uid: eventUid(event),
    sequence: eventSequence(event),
    start: Date.parse(event.startsAt),
    end: Date.parse(event.endsAt),
    title: `${prefix}${event.title}`,
    description: descriptionOf(event, url),
    location: place,
    url,
    status: statusOf(event),
    // A cancelled event no longer blocks the reader's time.
    busyStatus: event.eventStatus === 'cancelled' ? 'FREE' : 'BUSY',
    transp: event.eventStatus === 'cancelled' ? 'TRANSPARENT' : 'OPAQUE',
    ...(event.kind ? { categories: [eventPageText.kinds[event.kind]] } : {}),
    created: Date.parse(event.publishedAt),
    lastModified: Date.parse(event.updatedAt),
    // DTSTAMP from the revision, not the clock: the same revision gives the same bytes, so ETags hold and a 304 is possible.
    timestamp: Date.parse(event.updatedAt),
  } as EventAttributes
}

/** A VCALENDAR of the events (METHOD:PUBLISH): `ics` writes and escapes it, then its lines are folded by octets. */
export function calendarOf(events: PublishedEvent[], options: CalendarOptions): string {
  const { error, value } = createEvents(
    events.map((event) => eventAttributes(event, options.origin)),
    { productId: '-//Kompetansebroen//Arrangementer//NB', method: 'PUBLISH', calName: options.name },
  )
  if (error || !value) throw error ?? new Error('ics wrote no calendar')
  return foldByOctets(value)
}

/**
 * RFC 5545 §3.1: content lines are folded at 75 octets. `ics` counts characters, and every æ, ø and å is two octets
 * in UTF-8, so Norwegian text came out too long; this unfolds its lines and folds them again by octets, never inside
 * a character.
 */
export function foldByOctets(calendar: string): string {
  const encoder = new TextEncoder()
  return calendar
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .map((line) => {
      const parts: string[] = []
      let part = ''
      let octets = 0
      for (const char of line) {
        const size = encoder.encode(char).length
        // The first line holds 75 octets; a continuation line's leading space is one of its 75.
        if (octets + size > (parts.length ? 74 : 75)) {
          parts.push(part)
          part = ''
          octets = 0
        }
        part += char
        octets += size
      }
      parts.push(part)
      return parts.join('\r\n ')
    })
    .join('\r\n')
}

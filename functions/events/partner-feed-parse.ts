import ICAL from 'ical.js'
import * as PlainDateTime from 'temporal-polyfill/fns/PlainDateTime'
import * as ZonedDateTime from 'temporal-polyfill/fns/ZonedDateTime'

/** One event of a partner's calendar, as the importer needs it: instants, plain text, an https link at most. */
export interface SourceEvent {
  uid: string
  title: string
  description: string
  location?: string
  url?: string
  startsAt: string
  endsAt: string
  cancelled: boolean
}

export interface ParsedFeed {
  events: SourceEvent[]
  /** Events left out, and why (recurring series and their exceptions are not imported; neither is one without UID). */
  skipped: Array<{ uid?: string; reason: 'recurring' | 'no-uid' | 'no-start' | 'bad-time' }>
}

/** Past this, a feed is a partner's archive, not their programme: the rest is left out. */
export const MAX_SOURCE_EVENTS = 500
const OSLO = 'Europe/Oslo'

/**
 * A wall-clock time in an IANA zone → an instant, the way editors' times are read (web/editor/form/time.ts): Temporal's
 * "compatible" disambiguation, so 02:30 in the hour skipped in spring is 03:30 summer time, and 02:30 in the hour
 * repeated in autumn is the first one (summer time).
 */
function wallToInstant(time: ICAL.Time, zone: string): string {
  const wall = PlainDateTime.fromFields({ year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second })
  const zoned = PlainDateTime.toZonedDateTime(wall, zone, { disambiguation: 'compatible' })
  return new Date(ZonedDateTime.toString(zoned, { timeZoneName: 'never' })).toISOString()
}

const isIanaZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/**
 * RFC 5545 §3.3.5: a time is UTC (`Z`), floating (no zone: read as Oslo's, where these partners are), or local to its
 * TZID. An IANA TZID (what Google, Outlook and most CMSs write) is read with the real zone rules; any other TZID with
 * the feed's own VTIMEZONE, as ical.js reads it. An all-day date starts at Oslo midnight.
 */
function instantOf(time: ICAL.Time, property: ICAL.Property | null): string {
  if (time.isDate) return wallToInstant(time, OSLO)
  const tzid = property?.getParameter('tzid')
  const tz = typeof tzid === 'string' ? tzid : undefined
  if (time.zone === ICAL.Timezone.utcTimezone) return time.toJSDate().toISOString()
  if (!tz) return wallToInstant(time, OSLO)
  if (isIanaZone(tz)) return wallToInstant(time, tz)
  return new Date(time.toUnixTime() * 1000).toISOString()
}

const text = (value: unknown, max: number) =>
  typeof value === 'string'
    ? value
        .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
        .trim()
        .slice(0, max)
    : ''

const httpsOnly = (value: unknown) => {
  if (typeof value !== 'string') return undefined
  try {
    return new URL(value).protocol === 'https:' && value.length <= 2000 ? value : undefined
  } catch {
    return undefined
  }
}

/** Reads a partner's iCalendar text with ical.js; throws on text that is not iCalendar at all. */
export function parsePartnerFeed(source: string): ParsedFeed {
  const root = new ICAL.Component(ICAL.parse(source))
  // A VTIMEZONE the feed defines itself is what its non-IANA TZIDs mean; registered for this feed only (the service is
  // process-wide, and one partner's definitions must not change how another's times read).
  const zones = root.getAllSubcomponents('vtimezone').map((vtimezone) => new ICAL.Timezone(vtimezone))
  for (const zone of zones) ICAL.TimezoneService.register(zone)
  try {
    return eventsOf(root)
  } finally {
    for (const zone of zones) ICAL.TimezoneService.remove(zone.tzid)
  }
}

function eventsOf(root: ICAL.Component): ParsedFeed {
  const parsed: ParsedFeed = { events: [], skipped: [] }
  for (const vevent of root.getAllSubcomponents('vevent').slice(0, MAX_SOURCE_EVENTS)) {
    const event = new ICAL.Event(vevent)
    const uid = text(event.uid, 500)
    if (!uid) parsed.skipped.push({ reason: 'no-uid' })
    else if (event.isRecurring() || vevent.hasProperty('recurrence-id')) parsed.skipped.push({ uid, reason: 'recurring' })
    else if (!event.startDate) parsed.skipped.push({ uid, reason: 'no-start' })
    else {
      try {
        const startsAt = instantOf(event.startDate, vevent.getFirstProperty('dtstart'))
        const end = event.endDate
        // No DTEND: a date lasts that day, a time is an instant (RFC 5545 §3.6.1); shown as an hour.
        const endsAt = end ? instantOf(end, vevent.getFirstProperty(vevent.hasProperty('dtend') ? 'dtend' : 'dtstart')) : new Date(Date.parse(startsAt) + 3_600_000).toISOString()
        parsed.events.push({
          uid,
          title: text(event.summary, 200) || uid.slice(0, 200),
          description: text(event.description, 20_000),
          location: text(event.location, 200) || undefined,
          url: httpsOnly(vevent.getFirstPropertyValue('url')),
          startsAt,
          endsAt: Date.parse(endsAt) > Date.parse(startsAt) ? endsAt : startsAt,
          cancelled: String(vevent.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED',
        })
      } catch {
        parsed.skipped.push({ uid, reason: 'bad-time' })
      }
    }
  }
  return parsed
}

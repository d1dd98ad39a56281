import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { calendarOf, eventSequence, eventUid, foldByOctets, type PublishedEvent } from '../../../functions/events/calendar.ts'
import { osloLocalToIso } from '../../../web/editor/form/time.ts'
import { testEvent } from '../../support/events.ts'

/*
 * The calendar writer, read back with an independent parser (ical.js, Mozilla's, as Thunderbird uses): the instants,
 * the identity that lets a calendar replace rather than duplicate, and the status of a cancelled event.
 */
const origin = 'https://kompetansebroen.no'
const base = testEvent('akershus', 'fagdag-demens', { id: '01K9ZQ7W3M5N8P2R4T6V8X0Y1Z', startsAt: '2026-12-08T07:30:00+01:00', endsAt: '2026-12-08T13:30:00+01:00' })

function published(overrides: Partial<PublishedEvent> = {}): PublishedEvent {
  return { ...base, publishedAt: '2026-09-01T10:00:00.000Z', updatedAt: '2026-09-01T10:00:00.000Z', ...overrides } as PublishedEvent
}

/** Every VEVENT as ical.js reads it. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((vevent) => {
      const event = new ICAL.Event(vevent)
      return {
        uid: event.uid,
        sequence: event.sequence,
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
        summary: event.summary,
        location: event.location,
        description: event.description,
        status: vevent.getFirstPropertyValue('status'),
        url: vevent.getFirstPropertyValue('url'),
        dtstamp: String(vevent.getFirstPropertyValue('dtstamp')),
        lastModified: String(vevent.getFirstPropertyValue('last-modified')),
      }
    }),
  }
}

describe('an event as iCalendar', () => {
  it('parses with ical.js with the exact instants, its page, place and text, escaped and unfolded back', () => {
    const event = published({ title: 'Fagdag: demens, delirium; og æøå', startsAt: '2026-12-01T09:00:00+01:00', endsAt: '2026-12-01T15:30:00+01:00' })
    const text = calendarOf([event], { origin, name: 'Akershus' })
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(text).toContain('METHOD:PUBLISH')
    expect(text).toContain('X-WR-CALNAME:Akershus')
    // Instants in UTC: no VTIMEZONE is needed and none is written.
    expect(text).toContain('DTSTART:20261201T080000Z')
    expect(text).not.toContain('VTIMEZONE')
    const [parsed] = parse(text).events
    expect(parsed).toMatchObject({
      uid: eventUid(event),
      start: '2026-12-01T08:00:00.000Z',
      end: '2026-12-01T14:30:00.000Z',
      summary: 'Fagdag: demens, delirium; og æøå',
      location: 'Ahus, Sykehusveien 25, Lørenskog',
      status: 'CONFIRMED',
      url: `${origin}/akershus/arrangementer/fagdag-demens`,
    })
    expect(parsed!.description).toContain('Arrangør: Akershus universitetssykehus')
    expect(parsed!.description).toContain(`Påmelding og mer informasjon: ${origin}/akershus/arrangementer/fagdag-demens`)
  })

  it('folds every line at 75 octets, never inside a character (RFC 5545 §3.1)', () => {
    const text = calendarOf([published({ summary: 'Blåbærsyltetøy på sykehjem. '.repeat(20) })], { origin, name: 'Ærlig øvelse' })
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    expect(parse(text).events[0]!.description).toContain('Blåbærsyltetøy på sykehjem. '.repeat(20).trim())
    expect(foldByOctets('A:' + 'ø'.repeat(50))).toBe(`A:${'ø'.repeat(36)}\r\n ${'ø'.repeat(14)}`)
  })

  it('spans several days', () => {
    const [parsed] = parse(calendarOf([published({ startsAt: '2026-11-30T09:00:00+01:00', endsAt: '2026-12-02T16:00:00+01:00' })], { origin, name: 'x' })).events
    expect([parsed!.start, parsed!.end]).toEqual(['2026-11-30T08:00:00.000Z', '2026-12-02T15:00:00.000Z'])
  })

  it('keeps its UID across an update, with a higher SEQUENCE and a later DTSTAMP and LAST-MODIFIED', () => {
    const first = parse(calendarOf([published()], { origin, name: 'x' })).events[0]!
    const updated = parse(calendarOf([published({ title: 'Flyttet fagdag', updatedAt: '2026-09-03T08:15:00.000Z' })], { origin, name: 'x' })).events[0]!
    expect(updated.uid).toBe(first.uid)
    expect(updated.sequence).toBeGreaterThan(first.sequence)
    expect(updated.dtstamp > first.dtstamp).toBe(true)
    expect(updated.lastModified).toBe('2026-09-03T08:15:00Z')
    // SEQUENCE is a 32-bit integer (RFC 5545 §3.8.7.4) for decades.
    expect(eventSequence({ updatedAt: '2088-01-01T00:00:00Z' })).toBeLessThan(2 ** 31)
  })

  it('writes the same bytes for the same revision, so ETags hold', () => {
    expect(calendarOf([published()], { origin, name: 'x' })).toBe(calendarOf([published()], { origin, name: 'x' }))
  })

  it('marks a cancelled event CANCELLED (and free time), a postponed one TENTATIVE', () => {
    const [cancelled, postponed] = parse(calendarOf([published({ eventStatus: 'cancelled' }), published({ id: '01KA0000000000000000000000', eventStatus: 'postponed' })], { origin, name: 'x' })).events
    expect(cancelled).toMatchObject({ status: 'CANCELLED', summary: 'AVLYST: Fagdag fagdag-demens' })
    expect(cancelled!.description).toContain('Arrangementet er avlyst.')
    expect(postponed).toMatchObject({ status: 'TENTATIVE', summary: 'UTSATT: Fagdag fagdag-demens' })
  })

  it('keeps a participants-only online link out of the calendar, and gives a public one', () => {
    const hidden = parse(calendarOf([published({ onlineUrl: 'https://meet.example.no/hemmelig', onlineUrlForParticipants: true })], { origin, name: 'x' })).events[0]!
    expect(hidden.description).not.toContain('meet.example.no')
    expect(hidden.description).toContain('sendes på e-post')
    const open = parse(calendarOf([published({ location: undefined, onlineUrl: 'https://meet.example.no/apent' })], { origin, name: 'x' })).events[0]!
    expect(open.description).toContain('Delta digitalt: https://meet.example.no/apent')
    expect(open.location).toBe('Digitalt')
  })
})

describe('across the changes to and from summer time (Europe/Oslo)', () => {
  // Editors type Oslo wall time; web/editor/form/time.ts turns it into an instant once, and the calendar writes that instant.
  const atWallTime = (start: string, end: string) =>
    parse(calendarOf([published({ startsAt: osloLocalToIso(start)!, endsAt: osloLocalToIso(end)! })], { origin, name: 'x' })).events[0]!

  it('an event across the spring change lasts an hour less on the clock than on the wall', () => {
    // 2026-03-29: 02:00 +01:00 becomes 03:00 +02:00.
    const event = atWallTime('2026-03-29T01:00', '2026-03-29T04:00')
    expect([event.start, event.end]).toEqual(['2026-03-29T00:00:00.000Z', '2026-03-29T02:00:00.000Z'])
  })

  it('02:30 on the last Sunday of March does not exist in Oslo: it is read as 03:30 summer time (01:30 UTC)', () => {
    const event = atWallTime('2026-03-29T02:30', '2026-03-29T05:00')
    expect(event.start).toBe('2026-03-29T01:30:00.000Z')
    expect(event.end).toBe('2026-03-29T03:00:00.000Z')
  })

  it('02:30 on the last Sunday of October happens twice: it is the first, in summer time (00:30 UTC)', () => {
    const event = atWallTime('2026-10-25T02:30', '2026-10-25T03:30')
    expect(event.start).toBe('2026-10-25T00:30:00.000Z')
    // 03:30 exists once, in winter time: two hours after the first 02:30.
    expect(event.end).toBe('2026-10-25T02:30:00.000Z')
  })

  it('summer and winter days either side keep their offsets', () => {
    expect(atWallTime('2026-03-28T09:00', '2026-03-28T10:00').start).toBe('2026-03-28T08:00:00.000Z')
    expect(atWallTime('2026-03-30T09:00', '2026-03-30T10:00').start).toBe('2026-03-30T07:00:00.000Z')
    expect(atWallTime('2026-10-24T09:00', '2026-10-24T10:00').start).toBe('2026-10-24T07:00:00.000Z')
    expect(atWallTime('2026-10-26T09:00', '2026-10-26T10:00').start).toBe('2026-10-26T08:00:00.000Z')
  })
})

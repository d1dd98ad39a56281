import { describe, expect, it } from 'vitest'
import { parsePartnerFeed } from '../../../functions/events/partner-feed-parse.ts'

/** A partner's calendar as Google, Outlook and CMSs write them, read with ical.js into instants (issue 13). */
const lines = (...rows: string[]) => rows.join('\r\n') + '\r\n'
const calendar = (...events: string[][]) =>
  lines(
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Helseklynge//Kalender//NO',
    // Outlook names its zones by Windows names and defines them in the feed.
    'BEGIN:VTIMEZONE',
    'TZID:W. Europe Standard Time',
    'BEGIN:STANDARD',
    'DTSTART:16011028T030000',
    'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'END:STANDARD',
    'BEGIN:DAYLIGHT',
    'DTSTART:16010325T020000',
    'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'END:DAYLIGHT',
    'END:VTIMEZONE',
    ...events.flatMap((event) => ['BEGIN:VEVENT', 'DTSTAMP:20261101T120000Z', ...event, 'END:VEVENT']),
    'END:VCALENDAR',
  )

const one = (...event: string[]) => parsePartnerFeed(calendar(event)).events[0]!

describe('reading a partner calendar', () => {
  it('reads title, text, place, an https link and UTC instants', () => {
    expect(one('UID:a@klynge.no', 'SUMMARY:Nettverksmøte\\, demens', 'DESCRIPTION:Linje 1\\nLinje 2', 'LOCATION:Rådhuset', 'URL:https://klynge.no/a', 'DTSTART:20270115T080000Z', 'DTEND:20270115T113000Z')).toEqual({
      uid: 'a@klynge.no',
      title: 'Nettverksmøte, demens',
      description: 'Linje 1\nLinje 2',
      location: 'Rådhuset',
      url: 'https://klynge.no/a',
      startsAt: '2027-01-15T08:00:00.000Z',
      endsAt: '2027-01-15T11:30:00.000Z',
      cancelled: false,
    })
  })

  it('reads TZID=Europe/Oslo with the real rules: winter, summer, and both DST changes as the editor would', () => {
    const at = (start: string) => one('UID:x', `DTSTART;TZID=Europe/Oslo:${start}`, 'DURATION:PT1H').startsAt
    expect(at('20270115T090000')).toBe('2027-01-15T08:00:00.000Z')
    expect(at('20270615T090000')).toBe('2027-06-15T07:00:00.000Z')
    // 02:30 on 29 March 2026 does not exist in Oslo: read as 03:30 summer time.
    expect(at('20260329T023000')).toBe('2026-03-29T01:30:00.000Z')
    // 02:30 on 25 October 2026 happens twice: the first, summer time.
    expect(at('20261025T023000')).toBe('2026-10-25T00:30:00.000Z')
    expect(one('UID:x', 'DTSTART;TZID=Europe/Oslo:20270115T090000', 'DURATION:PT2H').endsAt).toBe('2027-01-15T10:00:00.000Z')
  })

  it('reads a Windows TZID by the feed’s own VTIMEZONE, a floating time and an all-day date as Oslo time', () => {
    expect(one('UID:w', 'DTSTART;TZID=W. Europe Standard Time:20270615T090000', 'DTEND;TZID=W. Europe Standard Time:20270615T100000').startsAt).toBe('2027-06-15T07:00:00.000Z')
    expect(one('UID:f', 'DTSTART:20270115T090000', 'DTEND:20270115T100000').startsAt).toBe('2027-01-15T08:00:00.000Z')
    const day = one('UID:d', 'DTSTART;VALUE=DATE:20270615', 'DTEND;VALUE=DATE:20270617')
    expect([day.startsAt, day.endsAt]).toEqual(['2027-06-14T22:00:00.000Z', '2027-06-16T22:00:00.000Z'])
  })

  it('marks a cancelled event, drops a link that is not https, and leaves out series and events without UID', () => {
    const parsed = parsePartnerFeed(
      calendar(
        ['UID:c', 'STATUS:CANCELLED', 'URL:http://klynge.no/c', 'DTSTART:20270115T080000Z', 'DTEND:20270115T090000Z'],
        ['UID:r', 'RRULE:FREQ=WEEKLY;COUNT=4', 'DTSTART:20270115T080000Z', 'DTEND:20270115T090000Z'],
        ['SUMMARY:Uten UID', 'DTSTART:20270115T080000Z'],
      ),
    )
    expect(parsed.events).toHaveLength(1)
    expect(parsed.events[0]).toMatchObject({ uid: 'c', cancelled: true, url: undefined })
    expect(parsed.skipped).toEqual([{ uid: 'r', reason: 'recurring' }, { reason: 'no-uid' }])
  })

  it('throws on text that is not iCalendar', () => {
    expect(() => parsePartnerFeed('<html>Not found</html>')).toThrow()
  })
})

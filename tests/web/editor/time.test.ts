import { describe, expect, it } from 'vitest'
import { formatOslo, isoToOsloLocal, osloLocalToIso } from '../../../web/editor/form/time.ts'

describe('Oslo wall time', () => {
  it('reads winter and summer times with their offsets', () => {
    expect(osloLocalToIso('2026-12-01T09:00')).toBe('2026-12-01T09:00:00+01:00')
    expect(osloLocalToIso('2026-06-15T23:30')).toBe('2026-06-15T23:30:00+02:00')
  })

  it('is exact around the changes to and from summer time', () => {
    expect(osloLocalToIso('2026-03-29T01:59')).toBe('2026-03-29T01:59:00+01:00')
    expect(osloLocalToIso('2026-03-29T03:00')).toBe('2026-03-29T03:00:00+02:00')
    expect(osloLocalToIso('2026-10-25T04:00')).toBe('2026-10-25T04:00:00+01:00')
    expect(osloLocalToIso('2026-10-24T23:00')).toBe('2026-10-24T23:00:00+02:00')
  })

  it('moves a time in the hour skipped in spring forward by the gap, as a calendar does (Temporal "compatible")', () => {
    // 2026-03-29: clocks go from 02:00 +01:00 to 03:00 +02:00; 02:30 never happens on a wall in Oslo.
    expect(osloLocalToIso('2026-03-29T02:30')).toBe('2026-03-29T03:30:00+02:00')
    expect(osloLocalToIso('2026-03-29T02:00')).toBe('2026-03-29T03:00:00+02:00')
    expect(osloLocalToIso('2026-03-29T02:59')).toBe('2026-03-29T03:59:00+02:00')
    expect(Date.parse(osloLocalToIso('2026-03-29T02:30')!)).toBe(Date.parse('2026-03-29T01:30:00Z'))
  })

  it('takes the earlier of the two times in the hour repeated in autumn', () => {
    // 2026-10-25: clocks go from 03:00 +02:00 back to 02:00 +01:00; 02:30 happens twice.
    expect(osloLocalToIso('2026-10-25T02:30')).toBe('2026-10-25T02:30:00+02:00')
    expect(osloLocalToIso('2026-10-25T02:00')).toBe('2026-10-25T02:00:00+02:00')
    expect(osloLocalToIso('2026-10-25T03:00')).toBe('2026-10-25T03:00:00+01:00')
    expect(isoToOsloLocal('2026-10-25T01:30:00Z')).toBe('2026-10-25T02:30')
    expect(isoToOsloLocal('2026-10-25T00:30:00Z')).toBe('2026-10-25T02:30')
  })

  it("answers the same whatever the computer's own time zone is", () => {
    const before = process.env.TZ
    try {
      for (const tz of ['America/New_York', 'Asia/Tokyo', 'UTC']) {
        process.env.TZ = tz
        expect(osloLocalToIso('2026-03-29T02:30'), tz).toBe('2026-03-29T03:30:00+02:00')
        expect(osloLocalToIso('2026-10-25T02:30'), tz).toBe('2026-10-25T02:30:00+02:00')
        expect(isoToOsloLocal('2026-12-01T08:00:00Z'), tz).toBe('2026-12-01T09:00')
      }
    } finally {
      if (before === undefined) delete process.env.TZ
      else process.env.TZ = before
    }
  })

  it('gives the input value back for an instant, whatever offset it was written with', () => {
    expect(isoToOsloLocal('2026-12-01T08:00:00Z')).toBe('2026-12-01T09:00')
    expect(isoToOsloLocal('2026-06-15T21:30:00.000Z')).toBe('2026-06-15T23:30')
    expect(isoToOsloLocal(undefined)).toBe('')
    for (const local of ['2026-01-01T00:00', '2026-07-01T12:45', '2027-03-28T04:00']) expect(isoToOsloLocal(osloLocalToIso(local))).toBe(local)
  })

  it('refuses broken input and formats for people', () => {
    expect(osloLocalToIso('')).toBeUndefined()
    expect(osloLocalToIso('1. desember')).toBeUndefined()
    expect(osloLocalToIso('2026-02-30T09:00')).toBeUndefined()
    expect(osloLocalToIso('2026-12-01T24:00')).toBeUndefined()
    expect(formatOslo('2026-12-01T08:00:00Z')).toMatch(/1\. desember 2026.*09[:.]00/)
  })
})

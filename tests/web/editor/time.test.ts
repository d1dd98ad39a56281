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

  it('gives the input value back for an instant, whatever offset it was written with', () => {
    expect(isoToOsloLocal('2026-12-01T08:00:00Z')).toBe('2026-12-01T09:00')
    expect(isoToOsloLocal('2026-06-15T21:30:00.000Z')).toBe('2026-06-15T23:30')
    expect(isoToOsloLocal(undefined)).toBe('')
    for (const local of ['2026-01-01T00:00', '2026-07-01T12:45', '2027-03-28T04:00']) expect(isoToOsloLocal(osloLocalToIso(local))).toBe(local)
  })

  it('refuses broken input and formats for people', () => {
    expect(osloLocalToIso('')).toBeUndefined()
    expect(osloLocalToIso('1. desember')).toBeUndefined()
    expect(formatOslo('2026-12-01T08:00:00Z')).toMatch(/1\. desember 2026.*09[:.]00/)
  })
})

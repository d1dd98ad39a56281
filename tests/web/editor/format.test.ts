import { describe, expect, it } from 'vitest'
import { planUpload } from '../../../web/editor/media/upload.ts'
import { formatBytes, formatClock, formatDateTime, formatNumber, formatShortDateTime } from '../../../web/editor/text/format.ts'

const MB = 1024 * 1024

describe('numbers, sizes and times as Norwegian readers write them (issue 17)', () => {
  it('gives sizes a decimal comma and Norwegian units', () => {
    expect(formatBytes(80.5 * 1024)).toBe('80,5 kB')
    expect(formatBytes(1.2 * MB)).toBe('1,2 MB')
    expect(formatBytes(15 * MB)).toBe('15 MB')
    expect(formatBytes(2.25 * 1024 * MB)).toBe('2,3 GB')
    expect(formatBytes(512)).toBe('512 byte')
  })

  it('groups thousands with a space and uses a decimal comma', () => {
    expect(formatNumber(1234.5)).toBe('1\u00a0234,5')
  })

  it('writes times in bokmål, in Oslo’s time, winter and summer', () => {
    expect(formatDateTime('2026-12-01T08:00:00.000Z')).toBe('1. desember 2026 kl. 09:00')
    expect(formatDateTime('2027-06-15T08:00:00.000Z')).toBe('15. juni 2027 kl. 10:00')
    expect(formatShortDateTime('2026-12-01T08:00:00.000Z')).toBe('01.12.2026, 09:00')
    expect(formatClock(new Date('2026-12-01T08:05:00.000Z'))).toBe('09:05')
    expect(formatDateTime('ikke en dato')).toBe('ikke en dato')
    expect(formatDateTime(undefined)).toBe('')
  })

  it('is what an editor reads when a file is too big to upload', () => {
    const plan = planUpload({ name: 'stort-bilde.png', type: 'image/png', size: 20.3 * MB })
    expect(plan).toEqual({ problem: expect.stringContaining('20,3 MB') })
    expect((plan as { problem: string }).problem).toContain('15 MB')
  })
})

import { describe, expect, it } from 'vitest'
import { formatTable, kb, ms, percent, perSecond, seconds, times } from '../../bench/table.ts'

describe('formatTable', () => {
  const table = formatTable([
    { section: 'Bytes' },
    { figure: 'home: gzip', value: '9.8 KB', baseline: 'WordPress 17 KB', ratio: '0.58×', target: '≤ 15 KB', ok: true },
    { figure: 'api bundle', value: '1685 KB', target: '≤ 300 KB', ok: false },
    { figure: 'synth', value: '14 s' },
  ])
  const lines = table.split('\n')

  it('is a Markdown table with the six columns and a separator line', () => {
    expect(lines[0]).toMatch(/^\| figure +\| value +\| baseline +\| ratio +\| target +\| ok\? +\|$/)
    expect(lines[1]).toMatch(/^\| -+ \| -+ \| -+ \| -+ \| -+ \| -+ \|$/)
    expect(lines).toHaveLength(6)
  })

  it('pads every column to one width, so it reads as plain text too', () => {
    const pipes = (line: string) => [...line].flatMap((char, index) => (char === '|' ? [index] : []))
    for (const line of lines) expect(pipes(line)).toEqual(pipes(lines[0]!))
  })

  it('says yes, **NO** or nothing in the ok column, and bolds section headings', () => {
    expect(lines[2]).toContain('| **Bytes** ')
    expect(lines[3]!.trimEnd()).toMatch(/\| yes +\|$/)
    expect(lines[4]!.trimEnd()).toMatch(/\| \*\*NO\*\* +\|$/)
    expect(lines[5]!.trimEnd()).toMatch(/\| +\|$/)
  })

  it('escapes pipes in cells', () => {
    expect(formatTable([{ figure: 'a | b', value: 'c' }])).toContain('a \\| b')
  })
})

describe('units', () => {
  it('formats bytes, times, rates and ratios', () => {
    expect(kb(15 * 1024)).toBe('15.0 KB')
    expect(kb(1536)).toBe('1.5 KB')
    expect(ms(0.842)).toBe('0.84 ms')
    expect(ms(8.44)).toBe('8.4 ms')
    expect(ms(183.6)).toBe('184 ms')
    expect(seconds(14_230)).toBe('14.2 s')
    expect(perSecond(412.6)).toBe('413 req/s')
    expect(times(0.8333)).toBe('0.83×')
    expect(times(12.34)).toBe('12.3×')
    expect(times(undefined)).toBe('')
    expect(percent(0.8)).toBe('80 %')
  })
})

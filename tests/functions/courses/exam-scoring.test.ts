import { describe, expect, it } from 'vitest'
import { initialsOf, normaliseCode, validUntil } from '../../../functions/courses/certificate-codes.ts'
import { hoursOf } from '../../../functions/courses/certificate-store.ts'
import { drawQuestions, score } from '../../../functions/courses/exam-draw.ts'
import type { AttemptQuestion } from '../../../functions/courses/exam-types.ts'
import { bank } from './exam-support.ts'

const question = (id: string): AttemptQuestion => ({
  id,
  goal: 0,
  kind: 'single',
  choose: 1,
  text: id,
  options: [
    { id: 'r', text: 'r', correct: true, feedback: '' },
    { id: 'w', text: 'w', correct: false, feedback: '' },
  ],
})
const attemptOf = (count: number, passPercent = 80) => ({ questions: Array.from({ length: count }, (_, i) => question(`q${i}`)), passPercent })
const right = (n: number, of: number) => Object.fromEntries(Array.from({ length: of }, (_, i) => [`q${i}`, [i < n ? 'r' : 'w']]))

describe('scoring and certificate helpers', () => {
  it('passes exactly at the pass mark and fails just below it', () => {
    expect(score(attemptOf(5), right(4, 5))).toEqual({ correctCount: 4, passed: true }) // 80 %
    expect(score(attemptOf(4), right(3, 4))).toEqual({ correctCount: 3, passed: false }) // 75 %
    expect(score(attemptOf(10), right(8, 10))).toEqual({ correctCount: 8, passed: true })
    expect(score(attemptOf(10), right(7, 10))).toEqual({ correctCount: 7, passed: false })
    expect(score(attemptOf(3, 67), right(2, 3))).toEqual({ correctCount: 2, passed: false }) // 66.7 % < 67 %
    expect(score(attemptOf(3, 66), right(2, 3))).toEqual({ correctCount: 2, passed: true })
  })

  it('draws perGoal questions per goal and never the same order of ids twice in a row of 20 draws', () => {
    const exam = { ...bank('q', { perGoal: 1 }) }
    const draws = Array.from({ length: 20 }, () => drawQuestions({ settings: exam.settings, questions: exam.questions as never }))
    for (const drawn of draws) expect(drawn.map((q) => q.goal)).toEqual([0, 1])
    expect(new Set(draws.map((drawn) => drawn.map((q) => q.id).join())).size).toBeGreaterThan(1)
    expect(new Set(draws.map((drawn) => drawn[0]!.options.map((o) => o.text).join())).size).toBeGreaterThan(1)
  })

  it('keeps initials only, validity to the month end, hours to the half hour, codes as typed', () => {
    expect(initialsOf('  kari anne  Nordmann ')).toBe('K. A. N.')
    expect(initialsOf('Ola-Petter Ås')).toBe('O. P. Å.')
    expect(validUntil(new Date('2026-01-31T10:00:00Z'), 1)).toBe('2026-02-28')
    expect(validUntil(new Date('2026-12-01T10:00:00Z'), 24)).toBe('2028-12-01')
    expect(validUntil(new Date('2026-12-01T10:00:00Z'), null)).toBeNull()
    expect(hoursOf(90)).toBe(1.5)
    expect(hoursOf(10)).toBe(0.5)
    expect(normaliseCode('abcde-fghjk')).toBe('ABCDEFGHJK')
    expect(normaliseCode('0oIl1')).toBeUndefined()
    expect(normaliseCode('ABCDEFGHJU')).toBeUndefined()
  })
})

import type { Db } from '../shared/db.ts'
import { attemptKey } from './exam-keys.ts'
import { score } from './exam-draw.ts'
import type { Attempt } from './exam-types.ts'

const isCancelled = (error: unknown) => (error as Error).name === 'TransactionCanceledException'

/**
 * Attempts: one record each under its own key, written once when started and once when scored (a condition
 * makes the second submission change nothing; `onScored` hears of the first only). DynamoDB's TTL removes them a day after; until it does, an
 * expired attempt is treated as gone.
 */
export function createAttempts(db: Db, options: { now?: () => Date; onScored?: (attempt: Attempt) => Promise<void> } = {}) {
  const now = options.now ?? (() => new Date())
  const attempts = {
    async start(attempt: Attempt): Promise<Attempt> {
      await db.put({ ...attemptKey(attempt.id), ...attempt }, { ifNotExists: 'PK' })
      return attempt
    },

    async get(id: string): Promise<Attempt | undefined> {
      const record = await db.get<Record<string, unknown>>(attemptKey(id), { consistent: true })
      if (!record || Number(record.expiresAt) * 1000 <= now().getTime()) return undefined
      const { PK, SK, ...attempt } = record
      return attempt as unknown as Attempt
    },

    /**
     * Scores the answers against the stored draw, once: the write is conditioned on the attempt not being
     * scored yet. A second submission leaves the first result as it was and gets it back.
     */
    async score(attempt: Attempt, answers: Record<string, string[]>): Promise<Attempt> {
      if (attempt.scoredAt) return attempt
      const result = score(attempt, answers)
      const scoredAt = now().toISOString()
      try {
        await db.transact([
          {
            Update: {
              Key: attemptKey(attempt.id),
              UpdateExpression: 'SET scoredAt = :at, answers = :answers, correctCount = :correct, passed = :passed',
              ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(scoredAt)',
              ExpressionAttributeValues: { ':at': scoredAt, ':answers': answers, ':correct': result.correctCount, ':passed': result.passed },
            },
          },
        ])
      } catch (error) {
        if (!isCancelled(error)) throw error
        return (await attempts.get(attempt.id)) ?? attempt
      }
      const scored = { ...attempt, scoredAt, answers, ...result }
      // Only the submission whose write scored the attempt gets here: a repeated one is counted nowhere.
      await options.onScored?.(scored)
      return scored
    },
  }
  return attempts
}

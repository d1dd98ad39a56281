import { describe, expect, it } from 'vitest'
import { lostRace, retryRaces } from '../../../functions/events/retry.ts'

const cancelled = (code: string) => Object.assign(new Error('Transaction cancelled'), { name: 'TransactionCanceledException', CancellationReasons: [{ Code: 'None' }, { Code: code }] })
const serverError = (message: string) => Object.assign(new Error(message), { name: 'InternalServerError' })

describe('which failures a sign-up runs again', () => {
  it("runs a lost race again, and DynamoDB Local's lock timeout, which says it was not applied", () => {
    expect(lostRace(cancelled('TransactionConflict'))).toBe(true)
    expect(lostRace(serverError('This action timed out because it too long waiting for a lock. This request will succeed in actual DynamoDB API'))).toBe(true)
  })

  it('never runs again what may have been applied or can never succeed', () => {
    expect(lostRace(cancelled('ConditionalCheckFailed'))).toBe(false)
    expect(lostRace(serverError('Internal server error'))).toBe(false)
    expect(lostRace(new Error('connect ECONNREFUSED'))).toBe(false)
  })

  it('gives up after its tries and says why', async () => {
    let tries = 0
    const conflict = cancelled('TransactionConflict')
    await expect(retryRaces(async () => (tries++, Promise.reject(conflict)), { attempts: 3, capMs: 1 })).rejects.toBe(conflict)
    expect(tries).toBe(3)
  })
})

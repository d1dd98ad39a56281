/*
 * Every sign-up and cancellation of an event changes its one SEATS record, so under a rush many transactions meet on
 * it and DynamoDB cancels all but one (`TransactionConflict`). They are simply run again after a random pause ("full
 * jitter", so the losers do not meet again in step), many times: a reader's sign-up must not be lost to a race.
 */

export type CancellationReason = { Code?: string; Message?: string; Item?: Record<string, unknown> }

/** The reasons of a cancelled transaction, or undefined when the error is something else. */
export function cancellationReasons(error: unknown): CancellationReason[] | undefined {
  if ((error as Error).name !== 'TransactionCanceledException') return undefined
  return (error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? []
}

/**
 * DynamoDB Local's own way of losing a race: a transaction that waited too long for the emulator's lock is refused with
 * a 500 that says it was not applied ("This request will succeed in actual DynamoDB API"), so it is run again like a
 * conflict. A 500 from DynamoDB itself says nothing of the kind and is never retried here.
 */
const emulatorLockTimeout = (error: unknown) => (error as Error).name === 'InternalServerError' && /waiting for a lock/.test((error as Error).message)

export const lostRace = (error: unknown) => {
  const reasons = cancellationReasons(error)
  return Boolean(reasons?.some((reason) => reason.Code === 'TransactionConflict')) || (error as Error).name === 'TransactionConflictException' || emulatorLockTimeout(error)
}

/** Whether write `index` of a cancelled transaction failed its condition. */
export const failedCondition = (reasons: CancellationReason[], index: number) => reasons[index]?.Code === 'ConditionalCheckFailed'

export interface RetryOptions {
  attempts?: number
  /** Upper bound of one pause, ms. */
  capMs?: number
  random?: () => number
}

/** Runs `attempt` until it returns; a lost race waits 0…min(cap, 10·2ⁿ) ms and tries again, anything else is thrown. */
export async function retryRaces<T>(attempt: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 40
  const cap = options.capMs ?? 500
  const random = options.random ?? Math.random
  for (let n = 1; ; n++) {
    try {
      return await attempt()
    } catch (error) {
      if (!lostRace(error) || n >= attempts) throw error
      await new Promise((resolve) => setTimeout(resolve, random() * Math.min(cap, 10 * 2 ** n)))
    }
  }
}

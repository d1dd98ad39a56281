import type { Db, TransactItem } from '../shared/db.ts'
import { participantSk, seatsSk, signupPk, tokenPk, tokenSk, waitSk } from './keys.ts'
import type { CancelOutcome, Participant } from './model.ts'
import { firstWaiting, promotionWrites, type ParticipantRow as Row } from './promotion.ts'
import { cancellationReasons, failedCondition, retryRaces, type RetryOptions } from './retry.ts'
import { hashOf, seatNames } from './signups.ts'

/*
 * A cancel link (issue 13): the token's record names the participant, whose sign-up is cancelled only if it still
 * holds that token's hash. A confirmed participant's seat goes, in the same transaction, to the first on the waiting
 * list (who gets a cancel link of their own), so a seat is never free while someone waits; the cancelled record stays
 * (until its TTL) so a second use of the link can say it is already done.
 */

export function createCancellations(db: Db, options: { now?: () => Date; retry?: RetryOptions } = {}) {
  const now = options.now ?? (() => new Date())

  /** The participant a token belongs to, if the link is real (consistent: a cancellation just made is seen). */
  async function holder(token: string): Promise<Row | undefined> {
    const pointer = await db.get<{ tenant: string; eventId: string; emailHash: string }>({ PK: tokenPk(hashOf(token)), SK: tokenSk }, { consistent: true })
    if (!pointer) return undefined
    return db.get<Row>({ PK: signupPk(pointer.tenant, pointer.eventId), SK: participantSk(pointer.emailHash) }, { consistent: true })
  }

  /** The participant's sign-up, unless this token no longer holds it (cancelled, or signed up afresh since). */
  const live = (row: Row | undefined, tokenHash: string) => row && row.status !== 'cancelled' && row.tokenHashes.includes(tokenHash)

  async function once(token: string, mayPromote: boolean): Promise<CancelOutcome | 'retry' | 'over-capacity'> {
    const tokenHash = hashOf(token)
    const row = await holder(token)
    if (!row) return { outcome: 'unknown' }
    const { PK: pk, SK: _sk, ...participant } = row
    if (!live(row, tokenHash)) return { outcome: 'already-cancelled', participant }
    const at = now().toISOString()
    const cancel: TransactItem = {
      Update: {
        Key: { PK: pk, SK: row.SK },
        UpdateExpression: 'SET #status = :cancelled, cancelledAt = :at REMOVE waitKey',
        ConditionExpression: '#status = :was AND contains(tokenHashes, :hash)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':cancelled': 'cancelled', ':at': at, ':was': row.status, ':hash': tokenHash },
      },
    }
    const seats = (expression: string, values: Record<string, unknown>, condition?: string, conditionValues: Record<string, unknown> = {}): TransactItem => ({
      Update: {
        Key: { PK: pk, SK: seatsSk },
        UpdateExpression: expression,
        ExpressionAttributeNames: seatNames(expression, condition ?? ''),
        ExpressionAttributeValues: { ...values, ...conditionValues },
        ...(condition ? { ConditionExpression: condition } : {}),
      },
    })
    const cancelled: Participant = { ...participant, status: 'cancelled', cancelledAt: at }
    delete cancelled.waitKey

    const writes: TransactItem[] = [cancel]
    let promoted: { participant: Participant; token: string } | undefined
    if (row.status === 'waiting') {
      writes.push({ Delete: { Key: { PK: pk, SK: waitSk(row.waitKey!) } } }, seats('ADD #waiting :minus', { ':minus': -1 }))
    } else {
      const next = mayPromote ? await firstWaiting(db, pk) : undefined
      // The place was read just as another cancellation promoted its holder: read the list again.
      if (next && (next.status !== 'waiting' || !next.waitKey)) return 'retry'
      if (next?.waitKey) {
        // The freed seat is theirs, unless an organiser lowered the capacity below those already confirmed.
        const promotion = promotionWrites({ ...next, waitKey: next.waitKey }, at)
        promoted = promotion.promoted
        writes.push(...promotion.writes, seats('ADD #waiting :minus', { ':minus': -1 }, 'attribute_not_exists(#capacity) OR #confirmed <= #capacity'))
      } else if (mayPromote) {
        // Nobody waited when we looked: the seat is simply freed, unless someone joined the list meanwhile.
        writes.push(seats('ADD #confirmed :minus', { ':minus': -1 }, 'attribute_not_exists(#waiting) OR #waiting = :none', { ':none': 0 }))
      } else writes.push(seats('ADD #confirmed :minus', { ':minus': -1 }))
    }
    try {
      await db.transact(writes)
      return { outcome: 'cancelled', participant: cancelled, ...(promoted ? { promoted } : {}) }
    } catch (error) {
      const reasons = cancellationReasons(error)
      if (!reasons?.some((reason) => reason.Code === 'ConditionalCheckFailed')) throw error
      // More are confirmed than the (lowered) capacity: the seat is given up, not passed on.
      if (promoted && failedCondition(reasons, writes.length - 1)) return 'over-capacity'
      // Someone else moved first (this link used twice at once, or the waiter cancelled or was promoted): look again.
      return 'retry'
    }
  }

  return {
    holder,
    /** The participant a token belongs to and whether the link still cancels it, for the confirmation page. */
    async lookup(token: string): Promise<{ participant: Participant; live: boolean } | undefined> {
      const row = await holder(token)
      if (!row) return undefined
      const { PK: _pk, SK: _sk, ...participant } = row
      return { participant, live: Boolean(live(row, hashOf(token))) }
    },

    async cancel(token: string): Promise<CancelOutcome> {
      return retryRaces(async () => {
        let mayPromote = true
        for (let turn = 0; turn < 20; turn++) {
          const result = await once(token, mayPromote)
          if (result === 'over-capacity') mayPromote = false
          else if (result !== 'retry') return result
        }
        throw Object.assign(new Error('The sign-up kept changing'), { name: 'TransactionConflictException' })
      }, options.retry)
    },
  }
}
export type CancellationStore = ReturnType<typeof createCancellations>

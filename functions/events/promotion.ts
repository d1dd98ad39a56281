import type { Db, TransactItem } from '../shared/db.ts'
import { participantSk, waitPrefix, waitSk } from './keys.ts'
import type { Participant } from './model.ts'
import { hashOf, newToken, tokenWrite } from './signups.ts'

/*
 * Giving the first on the waiting list a seat: what a cancellation (cancel.ts) and a raised capacity (sync.ts) both do,
 * each in its own transaction with its own change to the seat count. The participant becomes confirmed only while still
 * waiting in that very place, their place is deleted, and they get a cancel link of their own.
 */

export type ParticipantRow = Participant & { PK: string; SK: string }

/** The first in line (consistent: a promotion just made is seen), with their participant record. */
export async function firstWaiting(db: Db, pk: string): Promise<ParticipantRow | undefined> {
  const { items } = await db.query<{ emailHash: string }>({ partitionKey: { name: 'PK', value: pk }, sortKeyPrefix: { name: 'SK', value: waitPrefix }, limit: 1, consistent: true })
  const first = items[0]
  return first ? db.get<ParticipantRow>({ PK: pk, SK: participantSk(first.emailHash) }, { consistent: true }) : undefined
}

/** The writes that seat `next` (who must be waiting), but for the seat count's; and who they become, with their new token. */
export function promotionWrites(next: ParticipantRow & { waitKey: string }, at: string): { writes: TransactItem[]; promoted: { participant: Participant; token: string } } {
  const token = newToken()
  const hash = hashOf(token)
  const { PK: pk, SK: sk, ...waiter } = next
  const participant: Participant = { ...waiter, status: 'confirmed', promotedAt: at, tokenHashes: [...waiter.tokenHashes, hash] }
  delete participant.waitKey
  const writes: TransactItem[] = [
    {
      Update: {
        Key: { PK: pk, SK: sk },
        UpdateExpression: 'SET #status = :confirmed, promotedAt = :at, tokenHashes = list_append(tokenHashes, :hashes) REMOVE waitKey',
        ConditionExpression: '#status = :waiting AND waitKey = :waitKey',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':confirmed': 'confirmed', ':waiting': 'waiting', ':at': at, ':hashes': [hash], ':waitKey': next.waitKey },
      },
    },
    { Delete: { Key: { PK: pk, SK: waitSk(next.waitKey) }, ConditionExpression: 'attribute_exists(PK)' } },
    tokenWrite(participant, hash),
  ]
  return { writes, promoted: { participant, token } }
}

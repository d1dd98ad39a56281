import type { Db, TransactItem } from '../shared/db.ts'
import { cancellationReasons, failedCondition } from '../events/retry.ts'
import { sentPk, suppressedPk, suppressedSk } from './keys.ts'
import { epochSeconds } from './tokens.ts'

/*
 * An issue's send log (issue 14): one marker per subscriber, written before SES is called. A marker is `claimed`
 * while its mail's fate is unknown and `sent` once SES took it: said by the sender when SES answered, or by SES's
 * own Send event (ses-events.ts) when the sender never heard the answer (a process killed mid-call, a timeout).
 * SES has no idempotency key, so this is how a resumed send knows which mail in flight went out: a claim that no
 * answer and no Send event confirmed within the wait is sent again, and only then.
 */

export type MarkerStatus = 'claimed' | 'sent'

export interface SendMarker {
  PK: string
  SK: string
  status?: MarkerStatus
  claimedAt?: string
  attempts?: number
}

/** A marker lives as long as a mail's links do not matter any more: long enough to block any retry. */
const markerSeconds = 60 * 86_400

/** SES tag values allow letters, digits, `_` and `-` only: what a mail carries to find its marker again. */
export interface MarkerTags {
  tenant: string
  issue: string
  subscriber: string
}

export function createSendLog(db: Db, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date())
  const key = (tenant: string, issueId: string, emailHash: string) => ({ PK: sentPk(tenant, issueId), SK: emailHash })

  /** Moves a marker to `sent`; a marker that is gone (expired, or never written) stays gone. */
  function markSent(tenant: string, issueId: string, emailHash: string): Promise<boolean> {
    return db.writeOne({
      Update: {
        Key: key(tenant, issueId, emailHash),
        UpdateExpression: 'SET #status = :sent, sentAt = if_not_exists(sentAt, :at)',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sent': 'sent', ':at': now().toISOString() },
      },
    })
  }

  /** Removes a claim that is still only a claim (never one SES confirmed meanwhile). */
  async function removeClaim(marker: Pick<SendMarker, 'PK' | 'SK'>): Promise<void> {
    await db.writeOne({ Delete: { Key: { PK: marker.PK, SK: marker.SK }, ConditionExpression: '#status = :claimed', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':claimed': 'claimed' } } })
  }

  return {
    /**
     * The marker (only if absent), the suppression check and the mail link's token in one transaction; false when the
     * marker was there already or the address is suppressed.
     */
    async claim(tenant: string, issueId: string, emailHash: string, tokenWrite: TransactItem): Promise<boolean> {
      try {
        await db.transact([
          {
            Put: {
              Item: { ...key(tenant, issueId, emailHash), status: 'claimed', claimedAt: now().toISOString(), attempts: 1, expiresAt: epochSeconds(now()) + markerSeconds },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          { ConditionCheck: { Key: { PK: suppressedPk(emailHash), SK: suppressedSk }, ConditionExpression: 'attribute_not_exists(PK)' } },
          tokenWrite,
        ])
        return true
      } catch (error) {
        const reasons = cancellationReasons(error)
        if (reasons && (failedCondition(reasons, 0) || failedCondition(reasons, 1))) return false
        throw error
      }
    },

    markSent,

    /** SES said no (a 4xx: nothing was sent): the marker goes, so a later run sends this mail. */
    release: (tenant: string, issueId: string, emailHash: string) => removeClaim(key(tenant, issueId, emailHash)),

    /**
     * Takes over a claim nobody confirmed, for one more attempt: only if it is still the claim that was read (two
     * runs reconciling at once cannot both send it).
     */
    reclaim(marker: SendMarker): Promise<boolean> {
      return db.writeOne({
        Update: {
          Key: { PK: marker.PK, SK: marker.SK },
          UpdateExpression: 'SET claimedAt = :at, attempts = attempts + :one',
          ConditionExpression: '#status = :claimed AND claimedAt = :was',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':claimed': 'claimed', ':was': marker.claimedAt, ':at': now().toISOString(), ':one': 1 },
        },
      })
    },

    /** The subscriber is gone (unsubscribed or suppressed since): the claim is dropped, no mail is owed. */
    drop: removeClaim,

    /** Every marker of an issue, read once the walk over the subscribers is done: how many went out, which are open. */
    async tally(tenant: string, issueId: string): Promise<{ sent: number; claimed: SendMarker[] }> {
      let sent = 0
      const claimed: SendMarker[] = []
      let cursor: string | undefined
      do {
        const page = await db.query<SendMarker>({ partitionKey: { name: 'PK', value: sentPk(tenant, issueId) }, limit: 1000, cursor, consistent: true })
        for (const marker of page.items) {
          // Markers written before claims existed carry no status: they were written only as a mail went out.
          if (marker.status === 'claimed') claimed.push(marker)
          else sent++
        }
        cursor = page.nextCursor
      } while (cursor)
      return { sent, claimed }
    },

    /** SES's Send event for a mail tagged with its marker: SES took it, whatever the sender heard. */
    confirm(tags: MarkerTags): Promise<boolean> {
      return markSent(tags.tenant, tags.issue, tags.subscriber)
    },
  }
}
export type SendLog = ReturnType<typeof createSendLog>

import type { PublishHook } from '../content/publishing.ts'
import type { Db, TransactItem } from '../shared/db.ts'
import { createLogger, type Logger } from '../shared/logger.ts'
import { participantPrefix, seatsSk, signupPk, syncPk, syncSk, tokenPk, tokenSk } from './keys.ts'
import type { Participant } from './model.ts'
import type { ScheduledNotifier } from './notify.ts'
import { firstWaiting, promotionWrites } from './promotion.ts'
import { registrationMode, signupExpiresAt, type EventItem } from './registration.ts'
import { cancellationReasons, lostRace } from './retry.ts'
import { seatNames, seatsOf } from './signups.ts'

/*
 * An event's sign-ups follow its publishes (issue 13). A publish that raises the capacity or moves the end (or the
 * retention) of an event people signed up for writes a SIGNUPSYNC record in its own transaction, so it cannot be lost;
 * the scheduler then, in small transactions of its own, (1) gives each stored sign-up record the new `expiresAt` (the
 * event's end + retention days), so none is deleted before the event ends, and (2) seats the waiting list in order up
 * to the new capacity, each promotion atomic with the seat count, and e-mails each one. Done, the record goes, unless
 * a newer publish replaced it meanwhile.
 */

interface SyncRecord {
  tenant: string
  eventId: string
  slug: string
  markedAt: string
}

export interface SyncResult {
  tenant: string
  eventId: string
  outcome: 'done' | 'gone' | 'failed'
  promoted: number
  extended: number
}

/** A publish's part: the SIGNUPSYNC record, only when sign-ups exist and what they hold no longer matches the event. */
export function signupPublishHook(db: Db, options: { now?: () => Date } = {}): PublishHook {
  const now = options.now ?? (() => new Date())
  return {
    async publish(item): Promise<TransactItem[]> {
      if (item.type !== 'arrangementer') return []
      const event = item as unknown as EventItem
      if (registrationMode(event) !== 'built-in') return []
      const stored = await db.get<Record<string, unknown>>({ PK: signupPk(event.tenant, event.id), SK: seatsSk }, { consistent: true })
      // Nobody signed up yet: every sign-up takes its capacity and expiry from the published event.
      if (!stored) return []
      if (stored.expiresAt === signupExpiresAt(event) && seatsOf(stored).capacity === event.capacity) return []
      const record: SyncRecord = { tenant: event.tenant, eventId: event.id, slug: event.slug, markedAt: now().toISOString() }
      return [{ Put: { Item: { PK: syncPk, SK: syncSk(event.tenant, event.id), ...record } } }]
    },
    withdraw: async () => [],
  }
}

export interface SignupSyncOptions {
  getPublished(tenant: string, type: 'arrangementer', slug: string): Promise<{ type: string } | undefined>
  notify: ScheduledNotifier
  now?: () => Date
  log?: Logger
}

const conditionFailed = (error: unknown) => Boolean(cancellationReasons(error)?.some((reason) => reason.Code === 'ConditionalCheckFailed'))

export function createSignupSync(db: Db, options: SignupSyncOptions) {
  const now = options.now ?? (() => new Date())
  const log = options.log ?? createLogger()

  /** One write; a record deleted meanwhile (its TTL, a cancellation's token) is simply left alone. */
  async function setExpiry(key: { PK: string; SK: string }, expiresAt: number): Promise<boolean> {
    try {
      await db.transact([{ Update: { Key: key, UpdateExpression: 'SET expiresAt = :e', ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeValues: { ':e': expiresAt } } }])
      return true
    } catch (error) {
      if (conditionFailed(error)) return false
      throw error
    }
  }

  /** Every record of the event's sign-ups, and each participant's cancel tokens, to the event's end + retention. */
  async function extend(event: EventItem): Promise<number> {
    const pk = signupPk(event.tenant, event.id)
    const expiresAt = signupExpiresAt(event)
    const keys: Array<{ PK: string; SK: string }> = []
    let cursor: string | undefined
    do {
      const page = await db.query<Partial<Participant> & { PK: string; SK: string; expiresAt?: number }>({ partitionKey: { name: 'PK', value: pk }, limit: 500, cursor })
      for (const record of page.items) {
        if (record.expiresAt === expiresAt) continue
        keys.push({ PK: record.PK, SK: record.SK })
        if (record.SK.startsWith(participantPrefix)) for (const hash of record.tokenHashes ?? []) keys.push({ PK: tokenPk(hash), SK: tokenSk })
      }
      cursor = page.nextCursor
    } while (cursor)
    let extended = 0
    // Ten at a time: a few hundred small writes, well inside the scheduler's minute.
    for (let start = 0; start < keys.length; start += 10) {
      const done = await Promise.all(keys.slice(start, start + 10).map((key) => setExpiry(key, expiresAt)))
      extended += done.filter(Boolean).length
    }
    return extended
  }

  /** Seats the waiting list, first in line first, while the event's capacity has room; each one e-mailed. */
  async function fill(event: EventItem): Promise<number> {
    const pk = signupPk(event.tenant, event.id)
    const capacity = event.capacity
    let promoted = 0
    for (let races = 0; races < 20; ) {
      const seats = seatsOf(await db.get({ PK: pk, SK: seatsSk }, { consistent: true }))
      if (seats.waiting <= 0 || (capacity !== undefined && seats.confirmed >= capacity)) break
      const next = await firstWaiting(db, pk)
      if (!next?.waitKey || next.status !== 'waiting') {
        races++
        continue
      }
      const promotion = promotionWrites({ ...next, waitKey: next.waitKey }, now().toISOString())
      // The seat count learns the published capacity here, so a later cancellation checks against it.
      const update = `ADD #confirmed :one, #waiting :minus ${capacity === undefined ? 'REMOVE #capacity' : 'SET #capacity = :capacity'}`
      const condition = `#waiting > :zero${capacity === undefined ? '' : ' AND #confirmed < :capacity'}`
      const seatsUpdate: TransactItem = {
        Update: {
          Key: { PK: pk, SK: seatsSk },
          UpdateExpression: update,
          ConditionExpression: condition,
          ExpressionAttributeNames: seatNames(update, condition),
          ExpressionAttributeValues: { ':one': 1, ':minus': -1, ':zero': 0, ...(capacity === undefined ? {} : { ':capacity': capacity }) },
        },
      }
      try {
        await db.transact([...promotion.writes, seatsUpdate])
      } catch (error) {
        // A sign-up or cancellation moved first: read the count and the list again.
        if (!conditionFailed(error) && !lostRace(error)) throw error
        races++
        continue
      }
      promoted++
      await options.notify('promoted', event, promotion.promoted.participant, seats, promotion.promoted.token)
    }
    return promoted
  }

  async function syncOne(record: SyncRecord): Promise<SyncResult> {
    const result: SyncResult = { tenant: record.tenant, eventId: record.eventId, outcome: 'gone', promoted: 0, extended: 0 }
    const published = await options.getPublished(record.tenant, 'arrangementer', record.slug)
    const event = published as EventItem | undefined
    if (event?.type === 'arrangementer' && event.id === record.eventId && registrationMode(event) === 'built-in') {
      result.extended = await extend(event)
      result.promoted = await fill(event)
      result.outcome = 'done'
    }
    try {
      await db.transact([{ Delete: { Key: { PK: syncPk, SK: syncSk(record.tenant, record.eventId) }, ConditionExpression: 'markedAt = :at', ExpressionAttributeValues: { ':at': record.markedAt } } }])
    } catch (error) {
      // A newer publish wrote its own record: the next run carries that out.
      if (!conditionFailed(error)) throw error
    }
    return result
  }

  return {
    /** Carries out the pending records (a few per run; the rest next minute), each on its own so one failure blocks none. */
    async run(): Promise<SyncResult[]> {
      const { items } = await db.query<SyncRecord>({ partitionKey: { name: 'PK', value: syncPk }, limit: 25, consistent: true })
      const results: SyncResult[] = []
      for (const record of items) {
        try {
          results.push(await syncOne(record))
        } catch (error) {
          log.error('Sign-up sync failed', { tenant: record.tenant, eventId: record.eventId, outcome: 'failed', error })
          results.push({ tenant: record.tenant, eventId: record.eventId, outcome: 'failed', promoted: 0, extended: 0 })
        }
      }
      return results
    },
  }
}

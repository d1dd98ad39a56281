import { createHash, randomBytes } from 'node:crypto'
import { ulid } from 'ulid'
import type { Db, TransactItem } from '../shared/db.ts'
import { normaliseEmail, type SignupForm } from './form.ts'
import { participantSk, seatsSk, signupPk, tokenPk, tokenSk, waitSk } from './keys.ts'
import type { Participant, Seats, SignupOutcome } from './model.ts'
import { signupExpiresAt, type EventItem } from './registration.ts'
import { cancellationReasons, failedCondition, retryRaces, type RetryOptions } from './retry.ts'

/*
 * A reader's sign-up, decided atomically (issue 13): one transaction adds to the event's SEATS record under a
 * condition (a free seat, or for the waiting list: no free seat) and puts the participant (keyed by the e-mail's
 * hash, so a second sign-up meets the first) and the cancel token's record. Never overbooked, since the seat count
 * and the participant go together or not at all; never lost, since a transaction that lost a race runs again.
 */

export const hashOf = (text: string) => createHash('sha256').update(text).digest('hex')
export const emailHashOf = (email: string) => hashOf(normaliseEmail(email)).slice(0, 40)
/** 192 random bits, URL-safe: the cancel link's secret. Only its hash is stored. */
export const newToken = () => randomBytes(24).toString('base64url')
export const isToken = (value: string) => /^[A-Za-z0-9_-]{32}$/.test(value)

export interface SignupStoreOptions {
  now?: () => Date
  retry?: RetryOptions
}

/**
 * The seat record's attributes by name (`capacity` and others are DynamoDB reserved words), only those the
 * expressions use: DynamoDB refuses a name it was given and not asked for.
 */
export const seatNames = (...expressions: string[]) =>
  Object.fromEntries(['confirmed', 'waiting', 'capacity', 'closed'].filter((name) => expressions.some((text) => text.includes(`#${name}`))).map((name) => [`#${name}`, name]))

export const seatsOf = (record: Record<string, unknown> | undefined): Seats => ({
  confirmed: Number(record?.confirmed ?? 0),
  waiting: Number(record?.waiting ?? 0),
  capacity: record?.capacity === undefined ? undefined : Number(record.capacity),
  closed: record?.closed === true,
  ...(typeof record?.origin === 'string' && record.origin ? { origin: record.origin } : {}),
})

/** The token's record: where its participant is. Kept as long as the participant. */
export function tokenWrite(participant: Participant, tokenHash: string): TransactItem {
  return {
    Put: {
      Item: { PK: tokenPk(tokenHash), SK: tokenSk, tenant: participant.tenant, eventId: participant.eventId, emailHash: participant.emailHash, expiresAt: participant.expiresAt },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  }
}

export function createSignups(db: Db, options: SignupStoreOptions = {}) {
  const now = options.now ?? (() => new Date())

  async function seats(tenant: string, eventId: string): Promise<Seats> {
    return seatsOf(await db.get({ PK: signupPk(tenant, eventId), SK: seatsSk }, { consistent: true }))
  }

  /** One try at a seat (or a waiting place); undefined when the seat count's condition said no. */
  async function attempt(event: EventItem, form: SignupForm, consentText: string, place: 'seat' | 'waiting', origin: string): Promise<SignupOutcome | 'retry'> {
    const at = now().toISOString()
    const token = newToken()
    const tokenHash = hashOf(token)
    const waitKey = place === 'waiting' ? ulid(now().getTime()) : undefined
    const participant: Participant = {
      tenant: event.tenant,
      eventId: event.id,
      eventSlug: event.slug,
      eventTitle: event.title,
      emailHash: emailHashOf(form.email),
      name: form.name,
      email: form.email,
      workplace: form.workplace,
      municipality: form.municipality,
      ...(form.needs ? { needs: form.needs } : {}),
      consentText,
      status: place === 'seat' ? 'confirmed' : 'waiting',
      signedUpAt: at,
      ...(waitKey ? { waitKey } : {}),
      tokenHashes: [tokenHash],
      expiresAt: signupExpiresAt(event),
    }
    const pk = signupPk(event.tenant, event.id)
    const capacity = event.capacity
    // The seat count: a seat never past capacity, and never ahead of someone already waiting (a raised capacity's
    // seats go to the waiting list first, in order: sync.ts); a waiting place only while there is truly none free, or
    // others wait, so a seat a cancellation just freed is never left empty while someone waits.
    const open = '(attribute_not_exists(#closed) OR #closed = :false)'
    const nobodyWaits = '(attribute_not_exists(#waiting) OR #waiting = :zero)'
    const condition =
      place === 'seat'
        ? capacity === undefined
          ? `${open} AND ${nobodyWaits}`
          : `${open} AND ${nobodyWaits} AND (attribute_not_exists(#confirmed) OR #confirmed < :capacity)`
        : capacity === undefined
          ? `${open} AND #waiting > :zero`
          : `${open} AND (#confirmed >= :capacity OR #waiting > :zero)`
    // The site's origin as the reader reached it: the scheduler's e-mails (sync.ts, reminders.ts) link there.
    const update = `ADD ${place === 'seat' ? '#confirmed' : '#waiting'} :one SET expiresAt = :expires, origin = :origin${capacity === undefined ? ' REMOVE #capacity' : ', #capacity = :capacity'}`
    const seatsUpdate: TransactItem = {
      Update: {
        Key: { PK: pk, SK: seatsSk },
        UpdateExpression: update,
        ExpressionAttributeNames: seatNames(update, condition),
        ConditionExpression: condition,
        ExpressionAttributeValues: { ':one': 1, ':zero': 0, ':false': false, ':expires': participant.expiresAt, ':origin': origin, ...(capacity === undefined ? {} : { ':capacity': capacity }) },
      },
    }
    const writes: TransactItem[] = [
      seatsUpdate,
      {
        Put: {
          Item: { PK: pk, SK: participantSk(participant.emailHash), ...participant },
          // A cancelled sign-up may sign up again; a live one is a double sign-up.
          ConditionExpression: 'attribute_not_exists(PK) OR #status = :cancelled',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':cancelled': 'cancelled' },
        },
      },
      tokenWrite(participant, tokenHash),
      ...(waitKey
        ? [{ Put: { Item: { PK: pk, SK: waitSk(waitKey), emailHash: participant.emailHash, expiresAt: participant.expiresAt }, ConditionExpression: 'attribute_not_exists(PK)' } }]
        : []),
    ]
    try {
      await db.transact(writes)
      return { outcome: place === 'seat' ? 'confirmed' : 'waiting', participant, token }
    } catch (error) {
      const reasons = cancellationReasons(error)
      if (!reasons || !(failedCondition(reasons, 0) || failedCondition(reasons, 1))) throw error
      if (failedCondition(reasons, 1)) return { outcome: 'duplicate' }
      // The seat count said no: closed, full (try the waiting list), or (for a waiting place) a seat is free again.
      const current = await seats(event.tenant, event.id)
      if (current.closed) return { outcome: 'closed' }
      const full = (capacity !== undefined && current.confirmed >= capacity) || current.waiting > 0
      if (place === 'seat' && full) return event.waitingList ? 'retry' : { outcome: 'full' }
      return 'retry'
    }
  }

  return {
    seats,

    /**
     * Signs a reader up for an event whose sign-up is open (the caller checks deadline and mode): a seat while there
     * is one, else a waiting place if the event keeps a waiting list, else `full`. `origin`: the site's, for links in
     * e-mails sent later without a request (the scheduler's).
     */
    async register(event: EventItem, form: SignupForm, consentText: string, origin = ''): Promise<SignupOutcome> {
      return retryRaces(async () => {
        let place: 'seat' | 'waiting' = 'seat'
        // Seat → full → waiting → a seat came free → seat …: bounded, since each turn saw the count change.
        for (let turn = 0; turn < 20; turn++) {
          const result = await attempt(event, form, consentText, place, origin)
          if (result !== 'retry') return result
          place = place === 'seat' ? 'waiting' : 'seat'
        }
        throw Object.assign(new Error('The seat count kept changing'), { name: 'TransactionConflictException' })
      }, options.retry)
    },
  }
}
export type SignupStore = ReturnType<typeof createSignups>

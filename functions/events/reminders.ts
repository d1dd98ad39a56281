// The function-per-module form of the Temporal polyfill, as in web/editor/form/time.ts: the scheduler's bundle carries
// the few conversions used here rather than the whole Temporal namespace.
import * as PlainDate from 'temporal-polyfill/fns/PlainDate'
import * as ZonedDateTime from 'temporal-polyfill/fns/ZonedDateTime'
import type { ContentCard } from '../content/schema.ts'
import type { Db, Page } from '../shared/db.ts'
import { createLogger, type Logger } from '../shared/logger.ts'
import { participantPrefix, participantSk, seatsSk, signupPk } from './keys.ts'
import type { Participant } from './model.ts'
import type { ScheduledNotifier } from './notify.ts'
import { registrationMode, type EventItem } from './registration.ts'
import { cancellationReasons } from './retry.ts'
import { hashOf, newToken, seatsOf, tokenWrite } from './signups.ts'

/*
 * The reminder the day before (issue 13), from the scheduler's minute runs: every confirmed participant of an event
 * whose start falls on tomorrow's Europe/Oslo calendar day gets one e-mail. Exactly once, however many runs meet: a
 * participant is claimed by one conditional transaction (`remindedAt` set only where none is) before the e-mail goes,
 * and a failed e-mail gives its claim back for a later run. Cancel links are stored only hashed, so the reminder's is a
 * new one, added in that same transaction (as a promotion does). When an event's participants are all done, its seat count
 * records the day (`remindedFor`), so later runs read one record for it, not its participants.
 */

const zone = 'Europe/Oslo'
/** Not before this Oslo hour the day before: nobody needs a reminder at midnight. */
const fromHour = 8

/** Tomorrow's Oslo calendar day and its bounds as UTC instants (23, 24 or 25 hours apart across DST). */
export function osloTomorrow(now: Date): { day: string; from: Date; to: Date; hour: number } {
  const here = ZonedDateTime.create(BigInt(now.getTime()) * 1_000_000n, zone)
  const today = ZonedDateTime.startOfDay(here)
  // Days, not 24 hours: the start of each calendar day in Oslo, whatever its length.
  const from = ZonedDateTime.addDays(today, 1)
  const to = ZonedDateTime.addDays(today, 2)
  return { day: PlainDate.toString(ZonedDateTime.toPlainDate(from)), from: new Date(from.epochMilliseconds), to: new Date(to.epochMilliseconds), hour: here.hour }
}

export interface RemindersOptions {
  tenants(): Promise<string[]>
  upcomingEvents(edition: string, query: { from: Date; limit: number; cursor?: string }): Promise<Page<ContentCard>>
  getPublished(tenant: string, type: 'arrangementer', slug: string): Promise<{ type: string } | undefined>
  notify: ScheduledNotifier
  now?: () => Date
  log?: Logger
}

export interface ReminderResult {
  tenant: string
  eventId: string
  sent: number
  failed: number
}

const conditionFailed = (error: unknown) => Boolean(cancellationReasons(error)?.some((reason) => reason.Code === 'ConditionalCheckFailed'))

export function createReminders(db: Db, options: RemindersOptions) {
  const now = options.now ?? (() => new Date())
  const log = options.log ?? createLogger()

  /** Tomorrow's events of an edition that it owns (a shared one is listed in other editions too, but reminded once). */
  async function eventsOf(tenant: string, from: Date, to: Date): Promise<ContentCard[]> {
    const found: ContentCard[] = []
    let cursor: string | undefined
    do {
      const page = await options.upcomingEvents(tenant, { from, limit: 50, cursor })
      const today = page.items.filter((card) => Date.parse(card.startsAt ?? '') < to.getTime())
      found.push(...today.filter((card) => card.tenant === tenant && card.type === 'arrangementer'))
      cursor = today.length === page.items.length ? page.nextCursor : undefined
    } while (cursor)
    return found
  }

  /** Sets the marker where none is, with a new cancel link; undefined when another run has it (or the sign-up is no longer confirmed). */
  async function claim(pk: string, participant: Participant, at: string): Promise<string | undefined> {
    const token = newToken()
    const hash = hashOf(token)
    try {
      await db.transact([
        {
          Update: {
            Key: { PK: pk, SK: participantSk(participant.emailHash) },
            UpdateExpression: 'SET remindedAt = :at, tokenHashes = list_append(tokenHashes, :hashes)',
            ConditionExpression: 'attribute_not_exists(remindedAt) AND #status = :confirmed',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':at': at, ':confirmed': 'confirmed', ':hashes': [hash] },
          },
        },
        tokenWrite(participant, hash),
      ])
      return token
    } catch (error) {
      if (conditionFailed(error)) return undefined
      throw error
    }
  }

  /** Gives a claim back after a failed e-mail, only if it is still this run's. */
  async function release(pk: string, participant: Participant, at: string) {
    try {
      await db.transact([{ Update: { Key: { PK: pk, SK: participantSk(participant.emailHash) }, UpdateExpression: 'REMOVE remindedAt', ConditionExpression: 'remindedAt = :at', ExpressionAttributeValues: { ':at': at } } }])
    } catch (error) {
      if (!conditionFailed(error)) throw error
    }
  }

  /** Undefined when there is nothing to do (no sign-ups, or all reminded already), so the minute's log stays quiet. */
  async function remind(event: EventItem, day: string): Promise<ReminderResult | undefined> {
    const pk = signupPk(event.tenant, event.id)
    const result: ReminderResult = { tenant: event.tenant, eventId: event.id, sent: 0, failed: 0 }
    const stored = await db.get<Record<string, unknown>>({ PK: pk, SK: seatsSk }, { consistent: true })
    if (!stored || stored.remindedFor === day) return undefined
    const seats = seatsOf(stored)
    let cursor: string | undefined
    do {
      const page = await db.query<Participant>({
        partitionKey: { name: 'PK', value: pk },
        sortKeyPrefix: { name: 'SK', value: participantPrefix },
        filter: { expression: '#status = :confirmed AND attribute_not_exists(remindedAt)', names: { '#status': 'status' }, values: { ':confirmed': 'confirmed' } },
        limit: 100,
        cursor,
      })
      for (const participant of page.items) {
        const at = now().toISOString()
        const token = await claim(pk, participant, at)
        if (!token) continue
        if (await options.notify('reminder', event, participant, seats, token)) result.sent++
        else {
          result.failed++
          await release(pk, participant, at)
        }
      }
      cursor = page.nextCursor
    } while (cursor)
    // Everyone reminded: later runs today skip this event. A failure leaves it open for the next run.
    if (!result.failed)
      await db.transact([{ Update: { Key: { PK: pk, SK: seatsSk }, UpdateExpression: 'SET remindedFor = :day', ExpressionAttributeValues: { ':day': day } } }])
    return result
  }

  return {
    /** Reminds tomorrow's events' participants (from 08:00 Oslo time); one event's failure stops no other. */
    async run(): Promise<ReminderResult[]> {
      const { day, from, to, hour } = osloTomorrow(now())
      if (hour < fromHour) return []
      const results: ReminderResult[] = []
      for (const tenant of await options.tenants()) {
        for (const card of await eventsOf(tenant, from, to)) {
          try {
            const event = (await options.getPublished(card.tenant, 'arrangementer', card.slug)) as EventItem | undefined
            if (event?.type !== 'arrangementer' || registrationMode(event) !== 'built-in' || event.eventStatus === 'cancelled') continue
            const result = await remind(event, day)
            if (result) results.push(result)
          } catch (error) {
            log.error('Reminders failed', { tenant: card.tenant, eventId: card.id, outcome: 'failed', error })
          }
        }
      }
      return results
    },
  }
}

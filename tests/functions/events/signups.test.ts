import { beforeAll, describe, expect, it } from 'vitest'
import { createCancellations } from '../../../functions/events/cancel.ts'
import { createOrganiserSignups } from '../../../functions/events/organiser.ts'
import { createSignups } from '../../../functions/events/signups.ts'
import type { Services } from '../../../functions/services.ts'
import { createTestEnvironment } from '../../support/environment.ts'
import { testEvent, testSignup } from '../../support/events.ts'

/*
 * Sign-ups decided atomically in DynamoDB Local (issue 13's "Done means"): a rush of 200 for 50 seats, then
 * cancellations that hand seats to the waiting list in order.
 */
let services: Services

beforeAll(async () => {
  ;({ services } = await createTestEnvironment('event-signups'))
})

describe('a rush of sign-ups', () => {
  it('confirms exactly 50 of 200 concurrent sign-ups and puts the other 150 on the waiting list, none lost or twice', async () => {
    // 200 transactions on one SEATS record: DynamoDB Local, shared by the whole suite on two cores, runs them one at a
    // time and far slower than DynamoDB, so a loser may lose the race many more times than the default 40 tries
    // allow. The claim here is that nobody is lost or seated twice, whatever the speed: the losers may keep trying.
    const retry = { attempts: 1_000 }
    const signups = createSignups(services.db, { retry })
    const cancellations = createCancellations(services.db, { retry })
    const organiser = createOrganiserSignups(services.db)
    const event = testEvent('akershus', 'rush', { capacity: 50, waitingList: true })

    const results = await Promise.all(Array.from({ length: 200 }, (_, n) => signups.register(event, testSignup(n), 'Samtykke.')))
    expect(results.filter((result) => result.outcome === 'confirmed')).toHaveLength(50)
    expect(results.filter((result) => result.outcome === 'waiting')).toHaveLength(150)

    const list = await organiser.list('akershus', event.id)
    expect(list.seats).toMatchObject({ confirmed: 50, waiting: 150 })
    expect(list.confirmed).toHaveLength(50)
    expect(list.waiting).toHaveLength(150)
    const everyone = new Set([...list.confirmed, ...list.waiting].map((participant) => participant.email))
    expect(everyone.size).toBe(200)

    // Ten confirmed participants cancel (at once): exactly the first ten in line get their seats.
    const nextTen = list.waiting.slice(0, 10).map((participant) => participant.email)
    const tokens = results.flatMap((result) => (result.outcome === 'confirmed' ? [result.token] : [])).slice(0, 10)
    const cancelled = await Promise.all(tokens.map((token) => cancellations.cancel(token)))
    expect(cancelled.every((result) => result.outcome === 'cancelled')).toBe(true)
    const promoted = cancelled.flatMap((result) => (result.outcome === 'cancelled' && result.promoted ? [result.promoted.participant.email] : []))
    expect(promoted.sort()).toEqual([...nextTen].sort())

    const after = await organiser.list('akershus', event.id)
    expect(after.seats).toMatchObject({ confirmed: 50, waiting: 140 })
    expect(after.confirmed).toHaveLength(50)
    expect(after.waiting.map((participant) => participant.email)).toEqual(list.waiting.slice(10).map((participant) => participant.email))
  }, 600_000)
})

describe('one sign-up', () => {
  it('recognises the same e-mail signing up twice, whatever its case', async () => {
    const signups = createSignups(services.db)
    const event = testEvent('akershus', 'twice')
    expect((await signups.register(event, testSignup('a'), 'Samtykke.')).outcome).toBe('confirmed')
    expect((await signups.register(event, testSignup('a', { email: ' DELTAKER-A@Kommune.Example.no ' }), 'Samtykke.')).outcome).toBe('duplicate')
    expect(await signups.seats('akershus', event.id)).toMatchObject({ confirmed: 1, waiting: 0 })
  })

  it('turns people away from a full event without a waiting list, and from a closed one', async () => {
    const signups = createSignups(services.db)
    const organiser = createOrganiserSignups(services.db)
    const event = testEvent('akershus', 'small', { capacity: 1, waitingList: false })
    expect((await signups.register(event, testSignup('first'), 'Samtykke.')).outcome).toBe('confirmed')
    expect((await signups.register(event, testSignup('second'), 'Samtykke.')).outcome).toBe('full')
    const open = testEvent('akershus', 'closing', { capacity: 10 })
    await organiser.setClosed('akershus', open.id, true, 2_000_000_000)
    expect((await signups.register(open, testSignup('late'), 'Samtykke.')).outcome).toBe('closed')
    expect((await organiser.list('akershus', open.id)).confirmed).toHaveLength(0)
  })

  it('keeps a participant until the event has ended plus its retention days (TTL), with the consent text', async () => {
    const signups = createSignups(services.db)
    const event = testEvent('akershus', 'ttl', { retentionDays: 10 })
    const result = await signups.register(event, testSignup('ttl'), 'Jeg samtykker.')
    if (result.outcome !== 'confirmed') throw new Error(result.outcome)
    expect(result.participant.expiresAt).toBe(Math.floor(Date.parse(event.endsAt) / 1000) + 10 * 86_400)
    expect(result.participant.consentText).toBe('Jeg samtykker.')
  })

  it('cancels once: the second use of the link says it is already cancelled, and the person may sign up again', async () => {
    const signups = createSignups(services.db)
    const cancellations = createCancellations(services.db)
    const event = testEvent('akershus', 'once', { capacity: 5 })
    const result = await signups.register(event, testSignup('once'), 'Samtykke.')
    if (result.outcome !== 'confirmed') throw new Error(result.outcome)
    expect((await cancellations.cancel(result.token)).outcome).toBe('cancelled')
    expect((await cancellations.cancel(result.token)).outcome).toBe('already-cancelled')
    expect(await signups.seats('akershus', event.id)).toMatchObject({ confirmed: 0 })
    expect((await cancellations.cancel('x'.repeat(32))).outcome).toBe('unknown')
    const again = await signups.register(event, testSignup('once'), 'Samtykke.')
    expect(again.outcome).toBe('confirmed')
    // The old link belongs to the cancelled sign-up, never to the new one.
    expect((await cancellations.cancel(result.token)).outcome).toBe('already-cancelled')
    expect(await signups.seats('akershus', event.id)).toMatchObject({ confirmed: 1 })
  })

  it('takes a waiting participant off the list when they cancel, and moves nobody up', async () => {
    const signups = createSignups(services.db)
    const cancellations = createCancellations(services.db)
    const event = testEvent('akershus', 'waiting', { capacity: 1, waitingList: true })
    await signups.register(event, testSignup('seated'), 'Samtykke.')
    const waiting = await signups.register(event, testSignup('waiting'), 'Samtykke.')
    if (waiting.outcome !== 'waiting') throw new Error(waiting.outcome)
    const result = await cancellations.cancel(waiting.token)
    expect(result).toMatchObject({ outcome: 'cancelled' })
    expect(result.outcome === 'cancelled' ? result.promoted : 'none').toBeUndefined()
    expect(await signups.seats('akershus', event.id)).toMatchObject({ confirmed: 1, waiting: 0 })
  })
})

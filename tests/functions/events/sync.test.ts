import { beforeAll, describe, expect, inject, it } from 'vitest'
import { editableFields } from '../../../functions/content/editing.ts'
import { sesMailer } from '../../../functions/events/mail.ts'
import { createOrganiserSignups } from '../../../functions/events/organiser.ts'
import { signupExpiresAt, type EventItem } from '../../../functions/events/registration.ts'
import { createSignups } from '../../../functions/events/signups.ts'
import { createSchedulerServices } from '../../../functions/scheduler-services.ts'
import type { Services } from '../../../functions/services.ts'
import type { RuntimeConfig } from '../../../functions/shared/config.ts'
import { createDynamoClients } from '../../../functions/shared/dynamo-clients.ts'
import { sentMail } from '../../../infra/local/emulators.ts'
import { createTestEnvironment } from '../../support/environment.ts'
import { testEvent, testSignup } from '../../support/events.ts'
import { publishNew, seedCatalog } from '../../support/fixtures.ts'

/*
 * An event's sign-ups follow its publishes (functions/events/sync.ts), on DynamoDB Local with the SES emulator: an
 * editor's publish with a higher capacity seats the first on the waiting list, in order, each with the promotion
 * e-mail, when the scheduler runs; a publish that moves the event later keeps every sign-up record (and its cancel
 * tokens) until the new end plus the retention days.
 */
let services: Services
let config: RuntimeConfig
let scheduler: ReturnType<typeof createSchedulerServices>
const { sesEndpoint } = inject('emulators')
const unique = () => Math.random().toString(36).slice(2, 10)

beforeAll(async () => {
  ;({ services, config } = await createTestEnvironment('event-sync'))
  await seedCatalog(services, ['nasjonal', 'akershus'])
  const mailer = sesMailer({ region: 'eu-north-1', endpoints: { ses: sesEndpoint }, mailFrom: 'pamelding@kompetansebroen.test' })
  scheduler = createSchedulerServices(config, createDynamoClients(config), { mailer })
})

async function publishedWithSignups(capacity: number, people: number) {
  const slug = `sync-${unique()}`
  const item = await publishNew(services, testEvent('akershus', slug, { capacity, waitingList: true }))
  const event = (await services.content.getPublished('akershus', 'arrangementer', slug)) as EventItem
  const signups = createSignups(services.db)
  const tag = unique()
  // One after another, so the waiting list's order is known.
  for (let n = 0; n < people; n++) await signups.register(event, testSignup(`${tag}-${n}`), 'Samtykke.', 'http://127.0.0.1:3000')
  return { item, event, tag }
}

async function republish(item: { tenant: string; id: string }, change: Partial<EventItem>) {
  const current = (await services.content.getItem(item.tenant, item.id))!
  const saved = await services.content.save(item.tenant, item.id, current.version, { ...editableFields(current), ...change } as never)
  await services.content.publish(item.tenant, item.id, saved.version)
}

describe('a raised capacity', () => {
  it('seats the first on the waiting list in order, atomically with the seat count, and e-mails each', async () => {
    const { item, event, tag } = await publishedWithSignups(2, 6)
    const organiser = createOrganiserSignups(services.db)
    const before = await organiser.list('akershus', event.id)
    expect(before.seats).toMatchObject({ confirmed: 2, waiting: 4 })
    const firstTwo = before.waiting.slice(0, 2).map((p) => p.email)

    await republish(item, { capacity: 4 })
    // A newcomer between the publish and the scheduler's run queues behind those already waiting.
    expect((await createSignups(services.db).register((await services.content.getPublished('akershus', 'arrangementer', event.slug)) as EventItem, testSignup(`${tag}-late`), 'Samtykke.')).outcome).toBe('waiting')

    const results = await scheduler.runSignupSync()
    expect(results).toContainEqual(expect.objectContaining({ eventId: event.id, outcome: 'done', promoted: 2 }))
    const after = await organiser.list('akershus', event.id)
    expect(after.seats).toMatchObject({ confirmed: 4, waiting: 3, capacity: 4 })
    expect(after.confirmed.slice(2).map((p) => p.email).sort()).toEqual([...firstTwo].sort())
    expect(after.waiting.map((p) => p.email)).toEqual([...before.waiting.slice(2).map((p) => p.email), `deltaker-${tag}-late@kommune.example.no`])

    const mail = await sentMail(sesEndpoint)
    for (const email of firstTwo) {
      const promoted = mail.filter((sent) => sent.destination.to.includes(email) && sent.subject.startsWith('Du har fått plass'))
      expect(promoted).toHaveLength(1)
      expect(promoted[0]!.body.text).toMatch(/Meld deg av her: http:\/\/127\.0\.0\.1:3000\/avmelding\/[A-Za-z0-9_-]{32}/)
    }
    // Done: the record is gone, and a second run changes nothing.
    expect(await scheduler.runSignupSync()).toEqual([])
    expect((await organiser.list('akershus', event.id)).seats).toMatchObject({ confirmed: 4, waiting: 3 })
  })

  it('writes no follow-up for a publish that changes neither capacity nor dates', async () => {
    const { item, event } = await publishedWithSignups(5, 1)
    await republish(item, { summary: 'Ny ingress.' })
    expect(await services.db.get({ PK: 'SIGNUPSYNC', SK: `akershus#${event.id}` })).toBeUndefined()
  })
})

describe('an event moved later', () => {
  it('keeps its sign-ups, waiting places and cancel tokens until the new end plus the retention days', async () => {
    const { item, event } = await publishedWithSignups(1, 3)
    const week = 7 * 86_400_000
    const moved = { startsAt: new Date(Date.parse(event.startsAt) + 4 * week).toISOString(), endsAt: new Date(Date.parse(event.endsAt) + 4 * week).toISOString(), retentionDays: 45 }
    await republish(item, moved)
    const results = await scheduler.runSignupSync()
    // Three participants, two waiting places, the seat count and three tokens.
    expect(results).toContainEqual(expect.objectContaining({ eventId: event.id, outcome: 'done', extended: 9 }))

    const expected = signupExpiresAt({ endsAt: moved.endsAt, retentionDays: 45 })
    expect(expected).toBeGreaterThan(signupExpiresAt(event) + 28 * 86_400)
    const { items } = await services.db.query<{ SK: string; expiresAt: number; tokenHashes?: string[] }>({ partitionKey: { name: 'PK', value: `SIGNUP#akershus#${event.id}` }, limit: 50 })
    expect(items.map((record) => record.expiresAt)).toEqual(items.map(() => expected))
    for (const hash of items.flatMap((record) => record.tokenHashes ?? []))
      expect(await services.db.get({ PK: `SIGNUPTOKEN#${hash}`, SK: 'TOKEN' })).toMatchObject({ expiresAt: expected })
  })
})

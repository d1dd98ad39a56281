import { beforeAll, describe, expect, inject, it } from 'vitest'
import { sesMailer } from '../../../functions/events/mail.ts'
import { osloTomorrow } from '../../../functions/events/reminders.ts'
import type { EventItem } from '../../../functions/events/registration.ts'
import { createSignups } from '../../../functions/events/signups.ts'
import { runScheduledWork } from '../../../functions/scheduler-run.ts'
import { createSchedulerServices } from '../../../functions/scheduler-services.ts'
import { createLogger } from '../../../functions/shared/logger.ts'
import type { Services } from '../../../functions/services.ts'
import type { RuntimeConfig } from '../../../functions/shared/config.ts'
import { createDynamoClients } from '../../../functions/shared/dynamo-clients.ts'
import { sentMail } from '../../../infra/local/emulators.ts'
import { createTestEnvironment } from '../../support/environment.ts'
import { testEvent, testSignup } from '../../support/events.ts'
import { publishNew, seedCatalog } from '../../support/fixtures.ts'

/*
 * The reminder the day before (functions/events/reminders.ts) on DynamoDB Local and the SES emulator. The clock stands
 * on Saturday 27 March 2027, 10:00 in Oslo: tomorrow is the day summer time begins, 23 hours long.
 */
let services: Services
let config: RuntimeConfig
const { sesEndpoint } = inject('emulators')
const saturday = new Date('2027-03-27T10:00:00+01:00')
const unique = () => Math.random().toString(36).slice(2, 10)
const mailer = () => sesMailer({ region: 'eu-north-1', endpoints: { ses: sesEndpoint }, mailFrom: 'pamelding@kompetansebroen.test' })
const schedulerAt = (now: Date) => createSchedulerServices(config, createDynamoClients(config), { mailer: mailer(), now: () => now })

beforeAll(async () => {
  ;({ services, config } = await createTestEnvironment('event-reminders', { siteOrigin: 'https://kompetansebroen.test' }))
  await seedCatalog(services, ['nasjonal', 'akershus', 'ostfold'])
})

async function eventAt(tenant: string, startsAt: string, overrides: Partial<EventItem> = {}) {
  const slug = `paminnelse-${unique()}`
  const endsAt = new Date(Date.parse(startsAt) + 3 * 3_600_000).toISOString()
  await publishNew(services, testEvent(tenant, slug, { startsAt, endsAt, capacity: 2, waitingList: true, ...overrides }))
  return (await services.content.getPublished(tenant, 'arrangementer', slug)) as EventItem
}

const remindersTo = async (email: string) => (await sentMail(sesEndpoint)).filter((mail) => mail.destination.to.includes(email) && mail.subject.startsWith('Påminnelse'))

describe('tomorrow in Oslo', () => {
  it('is a calendar day, 23 hours on the spring change and 25 on the autumn one', () => {
    const spring = osloTomorrow(saturday)
    expect(spring).toMatchObject({ day: '2027-03-28', hour: 10 })
    expect([spring.from.toISOString(), spring.to.toISOString()]).toEqual(['2027-03-27T23:00:00.000Z', '2027-03-28T22:00:00.000Z'])
    const autumn = osloTomorrow(new Date('2027-10-30T12:00:00+02:00'))
    expect(autumn.day).toBe('2027-10-31')
    expect(autumn.to.getTime() - autumn.from.getTime()).toBe(25 * 3_600_000)
  })
})

describe('the reminder the day before', () => {
  it('reaches every confirmed participant of tomorrow\'s events exactly once, with the cancel and online links, even when runs meet', async () => {
    // Just after midnight and late in the evening of the 23-hour day: both tomorrow; just after the next midnight: not.
    const early = await eventAt('akershus', '2027-03-28T00:30:00+01:00', { onlineUrl: 'https://meet.example.no/x', onlineUrlForParticipants: true })
    const late = await eventAt('ostfold', '2027-03-28T23:30:00+02:00')
    const monday = await eventAt('akershus', '2027-03-29T00:30:00+02:00')
    const signups = createSignups(services.db)
    const tag = unique()
    const people = (event: EventItem, n: number) => Array.from({ length: n }, (_, i) => testSignup(`${tag}-${event.slug}-${i}`))
    for (const event of [early, late, monday]) for (const form of people(event, 3)) await signups.register(event, form, 'Samtykke.', 'http://127.0.0.1:3000')

    // Before eight in the morning nothing goes.
    expect(await schedulerAt(new Date('2027-03-27T07:59:00+01:00')).runReminders()).toEqual([])
    // Two runs at once, and a third after them.
    const [one, two] = await Promise.all([schedulerAt(saturday).runReminders(), schedulerAt(saturday).runReminders()])
    const sent = [...one, ...two].reduce((sum, result) => sum + result.sent, 0)
    expect(sent).toBe(4)
    expect(await schedulerAt(new Date('2027-03-27T10:01:00+01:00')).runReminders()).toEqual([])

    const [seated1, seated2, waiting] = people(early, 3).map((form) => form.email)
    for (const email of [seated1!, seated2!]) {
      const mails = await remindersTo(email)
      expect(mails).toHaveLength(1)
      expect(mails[0]!.subject).toBe(`Påminnelse: ${early.title} er i morgen`)
      expect(mails[0]!.body.text).toContain('https://meet.example.no/x')
      expect(mails[0]!.body.text).toMatch(/Meld deg av her: https:\/\/kompetansebroen\.test\/avmelding\/[A-Za-z0-9_-]{32}/)
    }
    expect(await remindersTo(waiting!)).toHaveLength(0)
    for (const form of people(late, 2)) expect(await remindersTo(form.email)).toHaveLength(1)
    for (const form of people(monday, 3)) expect(await remindersTo(form.email)).toHaveLength(0)
    expect(await services.db.get({ PK: `SIGNUP#akershus#${early.id}`, SK: 'SEATS' })).toMatchObject({ remindedFor: '2027-03-28' })
  })

  it('gives the claim back when the e-mail fails, so a later run sends it', async () => {
    const event = await eventAt('akershus', '2027-03-28T12:00:00+02:00')
    const form = testSignup(`fail-${unique()}`)
    await createSignups(services.db).register(event, form, 'Samtykke.', 'http://127.0.0.1:3000')
    const broken = createSchedulerServices(config, createDynamoClients(config), { mailer: { send: async () => Promise.reject(new Error('SES is down')) }, now: () => saturday })
    const failed = await broken.runReminders()
    expect(failed).toContainEqual(expect.objectContaining({ eventId: event.id, sent: 0, failed: 1 }))
    expect(await services.db.get({ PK: `SIGNUP#akershus#${event.id}`, SK: 'SEATS' })).not.toHaveProperty('remindedFor')
    const later = await schedulerAt(saturday).runReminders()
    expect(later).toContainEqual(expect.objectContaining({ eventId: event.id, sent: 1, failed: 0 }))
    expect(await remindersTo(form.email)).toHaveLength(1)
  })

  it('goes out from one run of the scheduler\'s work, as EventBridge\'s rule and npm start\'s timer trigger it', async () => {
    const event = await eventAt('ostfold', '2027-03-28T18:00:00+02:00')
    const form = testSignup(`run-${unique()}`)
    await createSignups(services.db).register(event, form, 'Samtykke.', 'http://127.0.0.1:3000')
    const lines: string[] = []
    await runScheduledWork(schedulerAt(saturday), createLogger({ write: (line) => lines.push(line) }))
    expect(await remindersTo(form.email)).toHaveLength(1)
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(logged).toContainEqual(expect.objectContaining({ level: 'INFO', message: 'Reminders sent', eventId: event.id, sent: 1 }))
  })
})

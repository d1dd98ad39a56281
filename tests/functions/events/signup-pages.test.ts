import { beforeAll, describe, expect, inject, it } from 'vitest'
import { createEventsApp } from '../../../functions/events-app.ts'
import { sesMailer } from '../../../functions/events/mail.ts'
import { createOrganiserSignups } from '../../../functions/events/organiser.ts'
import { eventsServicesFrom } from '../../../functions/events/services.ts'
import type { Services } from '../../../functions/services.ts'
import { sentMail } from '../../../infra/local/emulators.ts'
import { createTestEnvironment } from '../../support/environment.ts'
import { testEvent } from '../../support/events.ts'
import { publishNew, seedCatalog } from '../../support/fixtures.ts'

/*
 * The sign-up form, its receipt and the cancel link as readers meet them, through the events function's app, with
 * DynamoDB Local and the SES emulator (aws-ses-v2-local) behind it.
 */
let services: Services
let app: ReturnType<typeof createEventsApp>
const { sesEndpoint } = inject('emulators')
const origin = 'http://127.0.0.1:3000'

beforeAll(async () => {
  ;({ services } = await createTestEnvironment('event-pages', { siteOrigin: origin }))
  await seedCatalog(services, ['nasjonal', 'akershus'])
  const mailer = sesMailer({ region: 'eu-north-1', endpoints: { ses: sesEndpoint }, mailFrom: 'pamelding@kompetansebroen.test' })
  app = createEventsApp(eventsServicesFrom(services, { mailer }), { assets: () => ({}) })
})

const unique = () => Math.random().toString(36).slice(2, 10)
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
})
const valid = (email: string) => ({ name: 'Kari Nordmann', email, workplace: 'Lørenskog sykehjem', municipality: 'Lørenskog', needs: 'Glutenfri lunsj', consent: 'yes' })
const mailTo = async (address: string) => (await sentMail(sesEndpoint)).filter((mail) => mail.destination.to.includes(address))

async function publishedEvent(overrides: Parameters<typeof testEvent>[2] = {}) {
  const slug = `fagdag-${unique()}`
  await publishNew(services, testEvent('akershus', slug, overrides))
  return { slug, path: `/akershus/arrangementer/${slug}/pamelding`, id: (await services.content.getPublished('akershus', 'arrangementer', slug))!.id }
}

describe('signing up', () => {
  it('confirms a seat, sends the confirmation through SES with the cancel link, and the link cancels once', async () => {
    const event = await publishedEvent()
    const page = await app.request(event.path)
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('no-store')
    expect(await page.text()).toContain('Send påmelding')

    const email = `kari-${unique()}@kommune.example.no`
    const posted = await app.request(event.path, form(valid(email)))
    expect(posted.status).toBe(303)
    expect(posted.headers.get('location')).toBe(`${event.path}/kvittering?status=confirmed`)
    expect(await (await app.request(posted.headers.get('location')!)).text()).toContain('Du er påmeldt')

    const [mail] = await mailTo(email)
    expect(mail!.subject).toBe(`Påmelding bekreftet: Fagdag ${event.slug}`)
    expect(mail!.body.text).toContain('Hei Kari Nordmann')
    expect(mail!.body.html).toContain('openstreetmap.org/search')
    const cancelUrl = /Meld deg av her: (\S+)/.exec(mail!.body.text ?? '')![1]!
    expect(cancelUrl.startsWith(`${origin}/avmelding/`)).toBe(true)
    const cancelPath = new URL(cancelUrl).pathname

    // Opening the link only asks: mail scanners open links too.
    expect(await (await app.request(cancelPath)).text()).toContain('Meld meg av')
    expect((await createOrganiserSignups(services.db).list('akershus', event.id)).confirmed).toHaveLength(1)
    const cancelled = await app.request(cancelPath, { method: 'POST' })
    expect(cancelled.status).toBe(303)
    expect(await (await app.request(cancelled.headers.get('location')!)).text()).toContain('Du er meldt av')
    expect((await mailTo(email)).map((sent) => sent.subject)).toContain(`Du er meldt av: Fagdag ${event.slug}`)
    // The second use says it is done already, and changes nothing.
    const again = await app.request(cancelPath, { method: 'POST' })
    expect(await again.text()).toContain('Påmeldingen er allerede avmeldt')
    expect(await (await app.request(cancelPath)).text()).toContain('Påmeldingen er allerede avmeldt')
    expect(await services.db.get({ PK: `SIGNUP#akershus#${event.id}`, SK: 'SEATS' })).toMatchObject({ confirmed: 0 })
    expect((await app.request('/avmelding/' + 'A'.repeat(32))).status).toBe(404)
  })

  it('puts the reader on the waiting list when full, and e-mails the first in line when a seat is freed', async () => {
    const event = await publishedEvent({ capacity: 1, waitingList: true, onlineUrl: 'https://meet.example.no/fagdag', onlineUrlForParticipants: true })
    const first = `first-${unique()}@kommune.example.no`
    const second = `second-${unique()}@kommune.example.no`
    await app.request(event.path, form(valid(first)))
    expect(await (await app.request(event.path)).text()).toContain('kommer du på venteliste')
    const waiting = await app.request(event.path, form(valid(second)))
    expect(waiting.headers.get('location')).toBe(`${event.path}/kvittering?status=waiting`)
    const [waitMail] = await mailTo(second)
    expect(waitMail!.subject).toContain('Du står på venteliste')
    // The online link goes only to those with a seat.
    expect(waitMail!.body.text).not.toContain('meet.example.no')
    expect((await mailTo(first))[0]!.body.text).toContain('https://meet.example.no/fagdag')

    const cancelPath = new URL(/Meld deg av her: (\S+)/.exec((await mailTo(first))[0]!.body.text!)![1]!).pathname
    await app.request(cancelPath, { method: 'POST' })
    const promoted = (await mailTo(second)).find((mail) => mail.subject.startsWith('Du har fått plass'))
    expect(promoted?.body.text).toContain('https://meet.example.no/fagdag')
    expect(promoted?.body.text).toMatch(/Meld deg av her: \S+\/avmelding\//)
  })
})

describe('bad input stores nothing and is explained on the form in bokmål', () => {
  const cases: Array<[string, Record<string, string>, string]> = [
    ['a malformed e-mail', { email: 'kari@' }, 'Skriv en gyldig e-postadresse'],
    ['a 10 KB name', { name: 'K'.repeat(10_240) }, 'Navnet er for langt'],
    ['no consent', { consent: '' }, 'Kryss av for at du samtykker'],
    ['no name', { name: '   ' }, 'Skriv navnet ditt.'],
  ]
  for (const [what, change, message] of cases)
    it(`refuses ${what}`, async () => {
      const event = await publishedEvent()
      const email = `bad-${unique()}@kommune.example.no`
      const response = await app.request(event.path, form({ ...valid(email), ...change }))
      expect(response.status).toBe(400)
      const html = await response.text()
      expect(html).toContain('Påmeldingen ble ikke sendt')
      expect(html).toContain(message)
      expect(html).toMatch(/<a href="#pamelding-\w+">/)
      expect(html).toContain('aria-invalid="true"')
      // What was typed is kept (and escaped).
      expect(html).toContain('value="Lørenskog sykehjem"')
      expect(await services.db.get({ PK: `SIGNUP#akershus#${event.id}`, SK: 'SEATS' })).toBeUndefined()
      expect(await mailTo(email)).toHaveLength(0)
    })

  it('refuses a sign-up after the deadline', async () => {
    const event = await publishedEvent({ registrationDeadline: new Date(Date.now() - 60_000).toISOString() })
    expect(await (await app.request(event.path)).text()).toContain('Påmeldingsfristen er ute.')
    const response = await app.request(event.path, form(valid(`late-${unique()}@kommune.example.no`)))
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('Påmeldingsfristen er ute.')
    expect(await services.db.get({ PK: `SIGNUP#akershus#${event.id}`, SK: 'SEATS' })).toBeUndefined()
  })

  it('refuses a full event without a waiting list, and a second sign-up with the same address', async () => {
    const event = await publishedEvent({ capacity: 1, waitingList: false })
    const email = `only-${unique()}@kommune.example.no`
    expect((await app.request(event.path, form(valid(email)))).status).toBe(303)
    const twice = await app.request(event.path, form(valid(email.toUpperCase())))
    expect(twice.status).toBe(400)
    expect(await twice.text()).toContain('Denne e-postadressen er allerede påmeldt')
    const full = await app.request(event.path, form(valid(`other-${unique()}@kommune.example.no`)))
    expect(full.status).toBe(400)
    expect(await full.text()).toContain('Arrangementet er fullt, og det er ingen venteliste.')
    expect(await services.db.get({ PK: `SIGNUP#akershus#${event.id}`, SK: 'SEATS' })).toMatchObject({ confirmed: 1 })
  })

  it('has no sign-up page for an event without built-in registration', async () => {
    const event = await publishedEvent({ registration: 'external', registrationUrl: 'https://example.no/meld-deg-pa' })
    expect((await app.request(event.path)).status).toBe(404)
    expect((await app.request(event.path, form(valid('x@example.no')))).status).toBe(404)
  })
})

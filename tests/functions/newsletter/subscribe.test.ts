import { beforeAll, describe, expect, inject, it } from 'vitest'
import { createEventsApp } from '../../../functions/events-app.ts'
import { sesMailer } from '../../../functions/events/mail.ts'
import { eventsServicesFrom } from '../../../functions/events/services.ts'
import { createSuppressions } from '../../../functions/newsletter/bounces.ts'
import type { Services } from '../../../functions/services.ts'
import { createTestEnvironment } from '../../support/environment.ts'
import { seedCatalog } from '../../support/fixtures.ts'
import { createSiteApp } from '../../../web/site/app.tsx'
import { SIGNUP_ANSWER_FLOOR_MS } from '../../../web/site/routes/newsletter.tsx'
import { formPost, linkIn, mailTo, unique } from '../../support/newsletter.ts'

/*
 * Double opt-in as readers meet it (issue 14), through the events function's app, with DynamoDB Local and the SES
 * emulator behind it: the form, the mail, the confirmation link, the preferences and the unsubscribe link.
 */
let services: Services
let app: ReturnType<typeof createEventsApp>
const { sesEndpoint } = inject('emulators')
const origin = 'http://127.0.0.1:3000'

beforeAll(async () => {
  ;({ services } = await createTestEnvironment('newsletter-subscribe', { siteOrigin: origin }))
  await seedCatalog(services, ['nasjonal', 'akershus', 'ostfold'], ['demens', 'palliasjon'])
  const mailer = sesMailer({ region: 'eu-north-1', endpoints: { ses: sesEndpoint }, mailFrom: 'nyhetsbrev@kompetansebroen.test' })
  app = createEventsApp(eventsServicesFrom(services, { mailer }), { assets: () => ({}) })
})

const subscribe = (email: string, extra: Record<string, string | string[]> = {}) => app.request('/akershus/nyhetsbrev', formPost({ email, topics: ['demens'], consent: 'yes', ...extra }))
const subscriberOf = async (tenant: string, email: string) => (await services.db.query({ partitionKey: { name: 'PK', value: `NEWSLETTER#${tenant}` }, sortKeyPrefix: { name: 'SK', value: 'SUB#' }, limit: 1000, consistent: true })).items.find((row) => row.email === email)

describe('subscribing with double opt-in', () => {
  it('mails a confirmation link that asks, then confirms once; the record holds the address, choices and consent', async () => {
    const page = await app.request('/akershus/nyhetsbrev')
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('no-store')
    const html = await page.text()
    expect(html).toContain('name="topics" value="demens"')
    expect(html).toContain('name="topics" value="alt"')

    const email = `kari-${unique()}@kommune.example.no`
    const posted = await subscribe(email)
    expect(posted.status).toBe(303)
    expect(posted.headers.get('location')).toBe('/akershus/nyhetsbrev/sjekk-innboksen')
    expect(await (await app.request('/akershus/nyhetsbrev/sjekk-innboksen')).text()).toContain('Sjekk innboksen din')

    const pending = await subscriberOf('akershus', email)
    expect(pending).toMatchObject({ status: 'pending', topics: ['demens'] })
    expect(Number(pending!.expiresAt) - Date.now() / 1000).toBeGreaterThan(47 * 3600)

    const [mail] = await mailTo(sesEndpoint, email)
    expect(mail!.subject).toContain('Bekreft abonnementet')
    const confirm = linkIn(mail, '/bekreft/')
    expect(confirm).toMatch(/^\/akershus\/nyhetsbrev\/bekreft\/[A-Za-z0-9_-]{32}$/)
    // The token is stored only hashed.
    expect(JSON.stringify(pending)).not.toContain(confirm.split('/').pop())

    // Opening the link only asks (scanners open links); the button confirms.
    expect(await (await app.request(confirm)).text()).toContain('Ja, bekreft abonnementet')
    expect((await subscriberOf('akershus', email))!.status).toBe('pending')
    const confirmed = await app.request(confirm, { method: 'POST' })
    expect(confirmed.status).toBe(200)
    expect(await confirmed.text()).toContain('Abonnementet er bekreftet')
    const record = await subscriberOf('akershus', email)
    expect(Object.keys(record!).sort()).toEqual(['PK', 'SK', 'confirmedAt', 'consentText', 'consentedAt', 'email', 'emailHash', 'status', 'tenant', 'topics'])
    expect(record!.expiresAt).toBeUndefined()
    expect((await app.request(confirm, { method: 'POST' })).status).toBe(404)
    // Another edition's path does not confirm another edition's link.
    expect((await app.request(confirm.replace('/akershus/', '/ostfold/'))).status).toBe(404)
  })

  it('answers a refused form in bokmål with what was typed, and stores nothing', async () => {
    const email = `feil-${unique()}@kommune.example.no`
    const refused = await app.request('/akershus/nyhetsbrev', formPost({ email: 'ikke-en-adresse', topics: ['ukjent-tema'] }))
    expect(refused.status).toBe(400)
    const html = await refused.text()
    expect(html).toContain('Skriv en gyldig e-postadresse')
    expect(html).toContain('Velg «Alt» eller minst ett fagtema')
    expect(html).toContain('Kryss av for at du samtykker')
    expect(html).toContain('value="ikke-en-adresse"')
    expect(html).toContain('aria-invalid="true"')
    expect(await subscriberOf('akershus', email)).toBeUndefined()
  })
})

describe('no enumeration, no mail-bombing', () => {
  it('answers a new, a pending, a subscribed and a suppressed address alike', async () => {
    const fresh = `ny-${unique()}@kommune.example.no`
    const subscribed = `abonnent-${unique()}@kommune.example.no`
    const suppressed = `sperret-${unique()}@kommune.example.no`
    await subscribe(subscribed)
    await app.request(linkIn((await mailTo(sesEndpoint, subscribed))[0], '/bekreft/'), { method: 'POST' })
    await createSuppressions(services.db).suppress({ email: suppressed, reason: 'complaint' })
    // Past the rate limit's interval for the subscribed address.
    await services.db.transact([{ Delete: { Key: { PK: `NEWSLETTERLIMIT#${(await subscriberOf('akershus', subscribed))!.emailHash}`, SK: 'LIMIT' } } }])

    const answers = await Promise.all([fresh, subscribed, suppressed].map(async (email) => {
      const started = performance.now()
      const response = await subscribe(email)
      return { status: response.status, location: response.headers.get('location'), body: await response.text(), slowEnough: performance.now() - started >= SIGNUP_ANSWER_FLOOR_MS - 5 }
    }))
    // Same answer, and none quicker than the floor (the suppressed address costs no SES call).
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1)
    expect(answers[0]!.slowEnough).toBe(true)
    // What each address got says what the page does not: a link to the preferences for the subscriber, nothing for the suppressed.
    expect((await mailTo(sesEndpoint, subscribed)).at(-1)!.subject).toContain('Du abonnerer allerede')
    linkIn((await mailTo(sesEndpoint, subscribed)).at(-1), '/innstillinger/')
    expect(await mailTo(sesEndpoint, suppressed)).toHaveLength(0)
    expect((await subscriberOf('akershus', subscribed))!.status).toBe('confirmed')
  })

  it('sends at most one mail per address in ten minutes, across editions, decided by a conditional write', async () => {
    const email = `mye-${unique()}@kommune.example.no`
    const answers = await Promise.all(Array.from({ length: 5 }, () => subscribe(email)))
    expect(answers.map((answer) => answer.status)).toEqual([303, 303, 303, 303, 303])
    expect((await app.request('/ostfold/nyhetsbrev', formPost({ email, topics: ['alt'], consent: 'yes' }))).status).toBe(303)
    expect(await mailTo(sesEndpoint, email)).toHaveLength(1)
  })
})

describe('preferences and unsubscribe from a mail link', () => {
  it('changes topics; a GET of the unsubscribe link asks, a one-click POST deletes the record', async () => {
    const email = `valg-${unique()}@kommune.example.no`
    await subscribe(email)
    await app.request(linkIn((await mailTo(sesEndpoint, email))[0], '/bekreft/'), { method: 'POST' })
    const { manageToken } = eventsServicesFrom(services).subscribers
    const hash = (await subscriberOf('akershus', email))!.emailHash as string
    const link = manageToken('akershus', hash)
    await services.db.transact([link.write])

    const preferences = `/akershus/nyhetsbrev/innstillinger/${link.token}`
    const page = await (await app.request(preferences)).text()
    expect(page).toContain(email)
    expect((await app.request(preferences, formPost({ topics: [] }))).status).toBe(400)
    const saved = await app.request(preferences, formPost({ topics: ['palliasjon', 'demens'] }))
    expect(saved.headers.get('location')).toBe(`${preferences}?lagret=1`)
    expect((await subscriberOf('akershus', email))!.topics).toEqual(['demens', 'palliasjon'])
    expect((await app.request(preferences.replace('/akershus/', '/ostfold/'))).status).toBe(404)

    const unsubscribe = `/akershus/nyhetsbrev/avmelding/${link.token}`
    const asked = await app.request(unsubscribe)
    expect(asked.status).toBe(200)
    expect(await asked.text()).toContain('Meld meg av')
    expect(await subscriberOf('akershus', email)).toBeDefined()
    // RFC 8058: the mail client's POST, with exactly this body.
    const oneClick = await app.request(unsubscribe, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' })
    expect(oneClick.status).toBe(200)
    expect(await oneClick.text()).toContain('Du er meldt av')
    expect(await subscriberOf('akershus', email)).toBeUndefined()
    expect((await app.request(preferences)).status).toBe(404)
  })

  it('takes the one-click POST as multipart/form-data too (RFC 8058 §3.1)', async () => {
    const email = `multipart-${unique()}@kommune.example.no`
    await subscribe(email)
    await app.request(linkIn((await mailTo(sesEndpoint, email))[0], '/bekreft/'), { method: 'POST' })
    const link = eventsServicesFrom(services).subscribers.manageToken('akershus', (await subscriberOf('akershus', email))!.emailHash as string)
    await services.db.transact([link.write])
    const body = new FormData()
    body.set('List-Unsubscribe', 'One-Click')
    expect((await app.request(`/akershus/nyhetsbrev/avmelding/${link.token}`, { method: 'POST', body })).status).toBe(200)
    expect(await subscriberOf('akershus', email)).toBeUndefined()
  })
})

describe('the privacy text', () => {
  it('says what a subscription keeps, for how long, and that unsubscribing deletes it', async () => {
    const html = await (await createSiteApp(services, { assets: () => ({}), renderCache: false }).request('/tilgjengelighet')).text()
    expect(html).toContain('id="nyhetsbrev"')
    expect(html).toContain('uten bekreftelse slettes adressen automatisk etter 48 timer')
    expect(html).toContain('da sletter vi adressen og valgene dine med en gang')
    // The sign-up form links there.
    expect(await (await app.request('/akershus/nyhetsbrev')).text()).toContain('href="/tilgjengelighet#nyhetsbrev"')
  })

  it('is linked from every page\'s footer, per edition', async () => {
    const site = createSiteApp(services, { assets: () => ({}), renderCache: false })
    expect(await (await site.request('/akershus')).text()).toContain('<a href="/akershus/nyhetsbrev">Nyhetsbrev</a>')
  })
})

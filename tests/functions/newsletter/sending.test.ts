import { beforeAll, describe, expect, inject, it } from 'vitest'
import { createEditorApiApp } from '../../../functions/editor-api.ts'
import { sesMailer, type Mailer } from '../../../functions/events/mail.ts'
import { createEventsApp } from '../../../functions/events-app.ts'
import { eventsServicesFrom } from '../../../functions/events/services.ts'
import { emailHashOf } from '../../../functions/events/signups.ts'
import { createSesEventHandler } from '../../../functions/newsletter/ses-events.ts'
import { scheduledNewsletters } from '../../../functions/newsletter/scheduled.ts'
import { startSesEventRelay } from '../../../infra/local/ses-events.ts'
import { createSchedulerServices } from '../../../functions/scheduler-services.ts'
import { createDynamoClients } from '../../../functions/shared/dynamo-clients.ts'
import { createEditorEnvironment } from '../../support/editors.ts'
import { publishNew, testArticle } from '../../support/fixtures.ts'
import { formPost, header, linkIn, mailTo, unique } from '../../support/newsletter.ts'

/*
 * Composing and sending (issue 14): the editor API's newsletter routes behind the tenant guard, the scheduler's send
 * over DynamoDB Local and the SES emulator, the send log that keeps a repeated or resumed run from sending twice, and
 * bounces and complaints arriving as SNS notifications.
 */
type Env = Awaited<ReturnType<typeof createEditorEnvironment>>
let env: Env
let editor: ReturnType<typeof createEditorApiApp>
let reader: ReturnType<typeof createEventsApp>
const { sesEndpoint } = inject('emulators')
const mailer = sesMailer({ region: 'eu-north-1', endpoints: { ses: sesEndpoint }, mailFrom: 'nyhetsbrev@kompetansebroen.test' })
const items: Record<string, string> = {}

beforeAll(async () => {
  env = await createEditorEnvironment('newsletter-sending')
  editor = createEditorApiApp(env.services, { mailer })
  reader = createEventsApp(eventsServicesFrom(env.services, { mailer }), { assets: () => ({}) })
  for (const [slug, topics] of [['demensnytt', ['demens']], ['lindring', ['palliasjon']], ['annet', []]] as const)
    items[slug] = (await publishNew(env.services, testArticle('akershus', `${slug}-${unique()}`, { topics: [...topics], title: `Om ${slug}` }))).id
  items.innlandet = (await publishNew(env.services, testArticle('innlandet', `innlandsk-${unique()}`))).id
}, 60_000)

const call = (method: string, path: string, token: string, body?: unknown) =>
  editor.request(`/api/editor/tenants${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined })

/** A confirmed subscriber of Akershus, by the reader's own route: form, mail, link, button. */
async function subscriber(topics: string[]) {
  const email = `leser-${unique()}@kommune.example.no`
  await reader.request('/akershus/nyhetsbrev', formPost({ email, topics, consent: 'yes' }))
  await reader.request(linkIn((await mailTo(sesEndpoint, email))[0], '/bekreft/'), { method: 'POST' })
  return email
}
const issuesTo = async (email: string) => (await mailTo(sesEndpoint, email)).filter((mail) => mail.subject.startsWith('Nytt fra'))
const draft = (subject: string, itemIds: string[]) => ({ subject, intro: 'Hei!\n\nHer er det nyeste fra redaksjonen.', itemIds })

describe('composing in the workspace', () => {
  it('lists the edition\'s recent items newest first, previews the mail with its headers, and test-sends to the editor', async () => {
    const page = await call('GET', '/akershus/newsletter', env.tokens.akershus)
    expect(page.status).toBe(200)
    const body = (await page.json()) as { items: { id: string }[]; issues: unknown[]; subscribers: number }
    expect(body.items.slice(0, 3).map((item) => item.id)).toEqual([items.annet, items.lindring, items.demensnytt])

    const preview = await call('POST', '/akershus/newsletter/preview', env.tokens.akershus, draft('Nytt fra Akershus', [items.demensnytt!]))
    expect(preview.status).toBe(200)
    const mail = (await preview.json()) as { html: string; text: string; headers: { name: string; value: string }[] }
    expect(mail.html).toContain('Om demensnytt')
    expect(mail.text).toContain('Meld deg av:')
    expect(mail.headers.map((field) => field.name)).toEqual(['List-Unsubscribe', 'List-Unsubscribe-Post'])

    const test = await call('POST', '/akershus/newsletter/test', env.tokens.akershus, draft('Nytt fra Akershus', [items.demensnytt!]))
    expect(await test.json()).toEqual({ sentTo: 'akershus@example.no' })
    expect((await mailTo(sesEndpoint, 'akershus@example.no')).at(-1)!.subject).toBe('[Test] Nytt fra Akershus')
  })

  it('keeps each edition to its own: another edition\'s editor is refused, another edition\'s item and issue are unknown', async () => {
    for (const [method, path] of [['GET', '/akershus/newsletter'], ['POST', '/akershus/newsletter/preview'], ['POST', '/akershus/newsletter/test'], ['POST', '/akershus/newsletter/issues']] as const)
      expect((await call(method, path, env.tokens.innlandet, method === 'GET' ? undefined : draft('X', [items.demensnytt!]))).status, `${method} ${path}`).toBe(403)
    const foreign = await call('POST', '/innlandet/newsletter/issues', env.tokens.innlandet, draft('X', [items.demensnytt!]))
    expect(foreign.status).toBe(400)
    expect(((await foreign.json()) as { code: string }).code).toBe('unknown_item')
    const later = new Date(Date.now() + 86_400_000).toISOString()
    const issue = (await (await call('POST', '/akershus/newsletter/issues', env.tokens.akershus, { ...draft('Senere', [items.annet!]), sendAt: later })).json()) as { id: string }
    expect((await call('DELETE', `/innlandet/newsletter/issues/${issue.id}`, env.tokens.innlandet)).status).toBe(404)
    expect((await call('DELETE', `/akershus/newsletter/issues/${issue.id}`, env.tokens.akershus)).status).toBe(204)
    expect((await call('POST', '/akershus/newsletter/preview', env.tokens.akershus, { subject: '', itemIds: [] })).status).toBe(400)
  })
})

describe('sending', () => {
  it('sends a scheduled issue once to each subscriber who wants it, with one-click unsubscribe, however often the scheduler runs', async () => {
    const all = await subscriber(['alt'])
    const dementia = await subscriber(['demens'])
    const palliative = await subscriber(['palliasjon'])
    const scheduled = await call('POST', '/akershus/newsletter/issues', env.tokens.akershus, draft('Nytt fra Akershus: demens', [items.demensnytt!]))
    expect(scheduled.status).toBe(201)

    const scheduler = createSchedulerServices(env.config, createDynamoClients(env.config), { mailer })
    await Promise.all([scheduler.runNewsletters(), scheduler.runNewsletters()])
    await scheduler.runNewsletters()
    expect(await issuesTo(all)).toHaveLength(1)
    expect(await issuesTo(dementia)).toHaveLength(1)
    expect(await issuesTo(palliative)).toHaveLength(0)

    const [mail] = await issuesTo(dementia)
    expect(mail!.body.text).toContain('Om demensnytt')
    const unsubscribe = header(mail, 'List-Unsubscribe')!.slice(1, -1)
    expect(unsubscribe).toMatch(/^http:\/\/127\.0\.0\.1:3000\/akershus\/nyhetsbrev\/avmelding\/[A-Za-z0-9_-]{32}$/)
    expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
    const path = new URL(unsubscribe).pathname
    expect((await reader.request(path)).status).toBe(200)
    expect((await reader.request(path, formPost({ 'List-Unsubscribe': 'One-Click' }))).status).toBe(200)

    await call('POST', '/akershus/newsletter/issues', env.tokens.akershus, draft('Nytt fra Akershus: mer', [items.demensnytt!, items.lindring!]))
    await scheduler.runNewsletters()
    expect(await issuesTo(dementia)).toHaveLength(1)
    expect(await issuesTo(all)).toHaveLength(2)
    expect(await issuesTo(palliative)).toHaveLength(1)
    for (const sent of [...(await issuesTo(all)), ...(await issuesTo(palliative))]) expect(header(sent, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
  })

  it('resumes a send that SES stopped halfway without sending anyone twice or skipping anyone', async () => {
    const readers = await Promise.all(Array.from({ length: 7 }, () => subscriber(['demens'])))
    await call('POST', '/akershus/newsletter/issues', env.tokens.akershus, draft('Nytt fra Akershus: avbrutt', [items.demensnytt!]))
    let allowed = 4
    const flaky: Mailer = { send: async (mail) => (allowed-- > 0 ? mailer.send(mail) : Promise.reject(Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'TooManyRequestsException', $metadata: { httpStatusCode: 429 } }))) }
    const sleep = async () => {}
    const first = await scheduledNewsletters(env.services.db, flaky, env.config, { pageSize: 3, sleep })()
    expect(first).toEqual([expect.objectContaining({ outcome: 'paused', sent: 4 })])
    const second = await scheduledNewsletters(env.services.db, mailer, env.config, { pageSize: 3, sleep })()
    expect(second).toEqual([expect.objectContaining({ outcome: 'finished' })])
    const counts = await Promise.all(readers.map(async (email) => (await issuesTo(email)).filter((mail) => mail.subject.endsWith('avbrutt')).length))
    expect(counts).toEqual(readers.map(() => 1))
    expect(await scheduledNewsletters(env.services.db, mailer, env.config)()).toEqual([])
  })
})

describe('a mail whose answer never came', () => {
  /** SES's Send events, as the local runner relays them: the emulator took the mail, so its marker is confirmed. */
  async function relayed() {
    const sesEvents = createSesEventHandler(env.services.db)
    const relay = await startSesEventRelay({ target: sesEndpoint, publish: (event) => sesEvents.handleEvent(event) })
    const through = sesMailer({ region: 'eu-north-1', endpoints: { ses: relay.endpoint }, mailFrom: 'nyhetsbrev@kompetansebroen.test', mailConfigurationSet: 'kompetansebroen-test' })
    return { relay, through }
  }
  const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
  const received = async (subject: string, emails: string[]) => Promise.all(emails.map(async (email) => (await issuesTo(email)).filter((mail) => mail.subject === subject).length))

  it('is not sent again when SES took it: its Send event confirms the claim', async () => {
    const readers = await Promise.all(Array.from({ length: 3 }, () => subscriber(['demens'])))
    const subject = `Nytt fra Akershus: svar borte ${unique()}`
    await call('POST', '/akershus/newsletter/issues', env.tokens.akershus, draft(subject, [items.demensnytt!]))
    const { relay, through } = await relayed()
    let lost = false
    // SES took the mail; the connection broke before its answer arrived.
    const answerLost: Mailer = {
      async send(mail) {
        await through.send(mail)
        if (mail.to === readers[1] && !lost) throw ((lost = true), reset())
      },
    }
    const first = await scheduledNewsletters(env.services.db, answerLost, env.config, { confirmationWaitMs: 0 })()
    expect(first).toEqual([expect.objectContaining({ outcome: 'paused' })])
    const second = await scheduledNewsletters(env.services.db, through, env.config, { confirmationWaitMs: 0 })()
    expect(second).toEqual([expect.objectContaining({ outcome: 'finished' })])
    expect(await received(subject, readers)).toEqual([1, 1, 1])
    await relay.stop()
  })

  it('is sent again once the wait for a Send event is over, and only then', async () => {
    const readers = await Promise.all(Array.from({ length: 3 }, () => subscriber(['demens'])))
    const subject = `Nytt fra Akershus: aldri fram ${unique()}`
    await call('POST', '/akershus/newsletter/issues', env.tokens.akershus, draft(subject, [items.demensnytt!]))
    const { relay, through } = await relayed()
    let lost = false
    // The connection broke before SES had the mail: no Send event will come.
    const neverArrived: Mailer = {
      async send(mail) {
        if (mail.to === readers[2] && !lost) throw ((lost = true), reset())
        await through.send(mail)
      },
    }
    expect(await scheduledNewsletters(env.services.db, neverArrived, env.config)()).toEqual([expect.objectContaining({ outcome: 'paused' })])
    // Every other reader gets theirs; the open claim waits for SES's word (15 minutes by default).
    expect(await scheduledNewsletters(env.services.db, through, env.config)()).toEqual([expect.objectContaining({ outcome: 'paused' })])
    expect(await received(subject, readers)).toEqual([1, 1, 0])
    const later = () => new Date(Date.now() + 16 * 60_000)
    expect(await scheduledNewsletters(env.services.db, through, env.config, { now: later })()).toEqual([expect.objectContaining({ outcome: 'finished' })])
    expect(await received(subject, readers)).toEqual([1, 1, 1])
    expect(await scheduledNewsletters(env.services.db, through, env.config, { now: later })()).toEqual([])
    await relay.stop()
  })
})

describe('without a public origin', () => {
  it('sends nothing and says why only while an issue waits', async () => {
    const noOrigin = scheduledNewsletters(env.services.db, mailer, {})
    expect(await noOrigin()).toEqual([])
    await call('POST', '/akershus/newsletter/issues', env.tokens.akershus, draft('Nytt fra Akershus: uten adresse', [items.annet!]))
    expect(await noOrigin()).toBe('no-origin')
    expect(await scheduledNewsletters(env.services.db, mailer, env.config)()).toEqual([expect.objectContaining({ outcome: 'finished' })])
  })
})

describe('bounces and complaints', () => {
  /** What SNS delivers for an SES event destination (event publishing). */
  const snsEvent = (message: object) => ({ Records: [{ EventSource: 'aws:sns', Sns: { Type: 'Notification', MessageId: unique(), Message: JSON.stringify(message) } }] })

  it('suppresses a permanent bounce and a complaint (subscriber deleted, no further mail, no new sign-up mail), not a transient bounce', async () => {
    const bounced = await subscriber(['alt'])
    const complained = await subscriber(['alt'])
    const full = await subscriber(['alt'])
    const sesEvents = createSesEventHandler(env.services.db)
    const tags = { tenant: ['akershus'] }
    const suppressed = async (event: unknown) => (await sesEvents.handleSns(event)).suppressed
    expect(await suppressed(snsEvent({ eventType: 'Bounce', mail: { tags }, bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: bounced }] } }))).toBe(1)
    expect(await suppressed(snsEvent({ eventType: 'Complaint', mail: { tags }, complaint: { complainedRecipients: [{ emailAddress: complained }] } }))).toBe(1)
    expect(await suppressed(snsEvent({ eventType: 'Bounce', mail: { tags }, bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: full }] } }))).toBe(0)
    expect(await suppressed({ Records: [{ Sns: { Message: 'not json' } }] })).toBe(0)

    await call('POST', '/akershus/newsletter/issues', env.tokens.akershus, draft('Nytt fra Akershus: etter retur', [items.annet!]))
    await scheduledNewsletters(env.services.db, mailer, env.config)()
    const got = async (email: string) => (await issuesTo(email)).some((mail) => mail.subject.endsWith('etter retur'))
    expect([await got(bounced), await got(complained), await got(full)]).toEqual([false, false, true])

    const before = (await mailTo(sesEndpoint, bounced)).length
    await env.services.db.transact([{ Delete: { Key: { PK: `NEWSLETTERLIMIT#${emailHashOf(bounced)}`, SK: 'LIMIT' } } }])
    expect((await reader.request('/akershus/nyhetsbrev', formPost({ email: bounced, topics: ['alt'], consent: 'yes' }))).status).toBe(303)
    expect(await mailTo(sesEndpoint, bounced)).toHaveLength(before)
  })
})

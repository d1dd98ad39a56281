import fc from 'fast-check'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { createEventsApp } from '../../functions/events-app.ts'
import { sesMailer } from '../../functions/events/mail.ts'
import { eventsServicesFrom } from '../../functions/events/services.ts'
import { createExamsApiApp } from '../../functions/exams-api.ts'
import { bank, publishCourse } from '../functions/courses/exam-support.ts'
import { createEditorEnvironment } from '../support/editors.ts'
import { testEvent } from '../support/events.ts'
import { publishNew } from '../support/fixtures.ts'
import { formBody, requests } from './arbitraries.ts'
import { changedKeys, expectSound, fuzzBudget, runFuzz, send, snapshot, statusSummary, type App } from './harness.ts'

/*
 * Issue 15, "Resilience, proven": the readers' form posts, fuzzed. The events function (event sign-up and its
 * cancel link, the newsletter's sign-up, confirmation, preferences and unsubscribe, the calendars) answers bokmål
 * pages; the exams function (attempts, answers, certificates, practice, progress, SCORM, the page-view beacon)
 * answers JSON. Readers are anonymous, so what they may change is narrow, and the snapshot says exactly what:
 * sign-ups of the one open event, pending newsletter subscribers, exam attempts and the counters table (views,
 * progress). Content, the catalog and every other row stay as they were.
 */
type Env = Awaited<ReturnType<typeof createEditorEnvironment>>
let env: Env
let events: App
let exams: App
const known: string[] = ['akershus', 'akershus', 'nasjonal', 'innlandet', 'arrangementer', 'e-kurs', 'artikler', 'demens', 'alt', 'nyhetsbrev', 'pamelding', 'eksamen']
const { sesEndpoint } = inject('emulators')
const params: Record<string, string[]> = { tenant: ['akershus'], edition: ['akershus', 'nasjonal'] }

beforeAll(async () => {
  env = await createEditorEnvironment('fuzz-reader-forms')
  const event = await publishNew(env.services, testEvent('akershus', 'fuzz-fagdag', { capacity: 3, waitingList: true }))
  const course = await publishCourse(env.services, 'akershus', 'fuzz-kurs')
  expect((await env.call('PUT', `/api/editor/tenants/akershus/courses/${course.id}/exam`, env.tokens.akershus, { version: 0, ...bank('q') })).status).toBe(200)
  expect((await env.call('POST', `/api/editor/tenants/akershus/courses/${course.id}/exam/publish`, env.tokens.akershus, { version: 1 })).status).toBe(200)
  const mailer = sesMailer({ region: 'eu-north-1', endpoints: { ses: sesEndpoint }, mailFrom: 'fuzz@kompetansebroen.test' })
  events = createEventsApp(eventsServicesFrom(env.services, { mailer }), { assets: () => ({}) })
  exams = createExamsApiApp(env.services)
  const started = await exams.request('/api/v1/exams/akershus/fuzz-kurs/attempts', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' })
  const attempt = started.headers.get('location')!.split('/').pop()!
  known.push(event.slug, event.id, course.slug, course.id, attempt)
  eventId = event.id
  Object.assign(params, { slug: [event.slug, course.slug], id: [attempt], n: ['1', '2', '3'], file: [`${event.slug}.ics`] })
})

const email = ['kari@kommune.example.no', 'ola+fuzz@sykehus.example.no', 'ikke-en-adresse', 'a@b', `${'x'.repeat(300)}@example.no`]
const forms = fc.oneof(
  formBody({ name: ['Kari Nordmann', ''], email, workplace: ['Lørenskog sykehjem'], municipality: ['Lørenskog'], needs: ['Rullestol', ''], consent: ['yes', 'no', ''] }),
  formBody({ email, topics: ['demens', 'alt', 'ukjent'], consent: ['yes', ''] }),
  formBody({ edition: ['akershus', 'nasjonal'], owner: ['akershus'], type: ['arrangementer', 'e-kurs', 'x'], slug: ['fuzz-fagdag', 'fuzz-kurs', 'finnes'] }),
  formBody({ q0: ['x1', 'x2'], q1: ['x3'], answer: ['x1'], lesson: ['1', '-1', '999'], status: ['passed', 'failed'], score: ['100', '101', 'NaN'] }),
)

/**
 * The rows an anonymous reader's form posts may write: the open event's sign-ups (participants, seats, cancel tokens,
 * the sync marker), Akershus' newsletter subscribers with their tokens and per-address limits, exam attempts, and the
 * counters table (page views, course progress). Any other row changing fails the run.
 */
let eventId = ''
const allowed = (key: string) => {
  const [table, pk = '', sk = ''] = key.split(' ')
  if (table === 'counters') return true
  return (
    pk === `SIGNUP#akershus#${eventId}` ||
    pk.startsWith('SIGNUPTOKEN#') ||
    (pk === 'SIGNUPSYNC' && sk === `akershus#${eventId}`) ||
    pk === 'NEWSLETTER#akershus' ||
    pk.startsWith('NEWSLETTERTOKEN#') ||
    pk.startsWith('NEWSLETTERLIMIT#') ||
    pk.startsWith('ATTEMPT#')
  )
}

describe('fuzzing the readers’ form posts', () => {
  it.each([
    ['events function (bokmål pages)', () => events, false],
    ['exams function (JSON)', () => exams, true],
  ] as const)('%s: no 5xx, and only what readers may change changes', async (name, app, api) => {
    const before = await snapshot(env.services)
    const arbitrary = requests({ routes: (app() as unknown as { routes: Array<{ method: string; path: string }> }).routes, known, params, contentType: 'application/x-www-form-urlencoded', authorizations: [''], body: forms })
    const sent = await runFuzz(arbitrary, fuzzBudget(500, 1_500), async (request) => expectSound(await send(app(), request), request, { api }))
    console.info(`${name}: ${sent} generated requests: ${statusSummary()}`)
    expect(sent).toBeGreaterThan(50)
    const changed = changedKeys(before, await snapshot(env.services))
    console.info(`${name}: changed ${[...new Set(changed.map((key) => key.split(' ').slice(0, 2).join(' ').replace(/#[^#]*$/, '#…')))].join(', ')}`)
    expect(changed.filter((key) => !allowed(key))).toEqual([])
  })
})

import ICAL from 'ical.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { createEventsApp } from '../../../functions/events-app.ts'
import { eventUid } from '../../../functions/events/calendar.ts'
import { eventsServicesFrom } from '../../../functions/events/services.ts'
import type { Services } from '../../../functions/services.ts'
import { createTestEnvironment } from '../../support/environment.ts'
import { testEvent } from '../../support/events.ts'
import { publishNew, seedCatalog } from '../../support/fixtures.ts'

/*
 * The calendars as calendar apps fetch them, through the events function's app on DynamoDB Local: what each feed
 * holds (an edition's published, upcoming events; no drafts, no other region's), its headers and validator, and an
 * event's file across an update.
 */
let services: Services
let app: ReturnType<typeof createEventsApp>
const origin = 'https://kompetansebroen.test'
const day = 86_400_000
const unique = () => Math.random().toString(36).slice(2, 10)
// Editions of this file's own, so other files' events never show up in its feeds.
const [east, west] = [`ost-${unique()}`, `vest-${unique()}`]
const topic = `tema-${unique()}`

const uidsOf = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((vevent) => String(vevent.getFirstPropertyValue('uid')))

async function event(tenant: string, inDays: number, overrides: Parameters<typeof testEvent>[2] = {}) {
  const start = Date.now() + inDays * day
  const fields = testEvent(tenant, `arr-${unique()}`, { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3 * 3_600_000).toISOString(), registration: 'none', ...overrides })
  return fields
}

let published: Record<string, Awaited<ReturnType<typeof event>>>

beforeAll(async () => {
  ;({ services } = await createTestEnvironment('event-calendars', { siteOrigin: origin }))
  await seedCatalog(services, ['nasjonal', east, west], [topic])
  app = createEventsApp(eventsServicesFrom(services, { mailer: { send: async () => undefined } as never }), { assets: () => ({}) })
  published = {
    soon: await event(east, 2, { topics: [topic] }),
    later: await event(east, 40),
    ongoing: await event(east, -1, { endsAt: new Date(Date.now() + day).toISOString() }),
    shared: await event(east, 5, { sharedNationally: true, topics: [topic] }),
    cancelled: await event(east, 3, { eventStatus: 'cancelled' }),
    past: await event(east, -10),
    otherRegion: await event(west, 2, { topics: [topic] }),
  }
  for (const fields of Object.values(published)) await publishNew(services, fields)
  // A draft never reaches a calendar.
  await services.content.create(await event(east, 4, { topics: [topic] }))
})

describe('an edition’s calendar', () => {
  it('holds exactly its published events that have not ended, soonest first, cancelled ones marked', async () => {
    const response = await app.request(`/${east}/arrangementer.ics`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=600')
    const text = await response.text()
    const { ongoing, soon, cancelled, shared, later } = published
    expect(uidsOf(text)).toEqual([ongoing, soon, cancelled, shared, later].map((fields) => eventUid(fields!)))
    expect(text).toContain('STATUS:CANCELLED')
    const name = new ICAL.Component(ICAL.parse(text)).getFirstPropertyValue('x-wr-calname')
    expect(name).toBe(`Kompetansebroen – arrangementer i Kompetansebroen ${east}`)
  })

  it('narrows to one topic with ?tema=, and the national calendar holds the shared events', async () => {
    const byTopic = await app.request(`/${east}/arrangementer.ics?tema=${topic}`)
    expect(uidsOf(await byTopic.text())).toEqual([published.soon, published.shared].map((fields) => eventUid(fields!)))
    const national = uidsOf(await (await app.request(`/arrangementer.ics`)).text())
    expect(national).toContain(eventUid(published.shared!))
    expect(national).not.toContain(eventUid(published.soon!))
    expect((await app.request(`/${east}/arrangementer.ics?tema=ukjent-${unique()}`)).status).toBe(404)
    expect((await app.request(`/ingen-${unique()}/arrangementer.ics`)).status).toBe(404)
  })

  it('answers 304 to a calendar app that holds the same bytes', async () => {
    const first = await app.request(`/${west}/arrangementer.ics`)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^W\/"/)
    const again = await app.request(`/${west}/arrangementer.ics`, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
  })
})

describe('one event’s file', () => {
  it('is the event, with the same UID and a higher SEQUENCE after an update', async () => {
    const fields = published.later!
    const path = `/${east}/arrangementer/${fields.slug}.ics`
    const before = await app.request(path)
    expect(before.status).toBe(200)
    expect(before.headers.get('content-disposition')).toBe(`inline; filename="${fields.slug}.ics"`)
    const first = new ICAL.Event(new ICAL.Component(ICAL.parse(await before.text())).getFirstSubcomponent('vevent')!)

    const stored = (await services.content.getItem(east, fields.id))!
    const saved = await services.content.save(east, fields.id, stored.version, { ...fields, title: 'Ny tittel', startsAt: new Date(Date.parse(fields.startsAt) + 3_600_000).toISOString() })
    await new Promise((resolve) => setTimeout(resolve, 1100))
    await services.content.publish(east, fields.id, saved.version)
    const after = new ICAL.Event(new ICAL.Component(ICAL.parse(await (await app.request(path)).text())).getFirstSubcomponent('vevent')!)
    expect(after.uid).toBe(first.uid)
    expect(after.sequence).toBeGreaterThan(first.sequence)
    expect(after.summary).toBe('Ny tittel')
    expect(after.startDate.toJSDate().getTime() - first.startDate.toJSDate().getTime()).toBe(3_600_000)
  })

  it('is 404 for a draft, another tenant’s address or a slug that is not one, and 410 once withdrawn', async () => {
    const draft = await event(east, 6)
    await services.content.create(draft)
    expect((await app.request(`/${east}/arrangementer/${draft.slug}.ics`)).status).toBe(404)
    expect((await app.request(`/${west}/arrangementer/${published.soon!.slug}.ics`)).status).toBe(404)
    expect((await app.request(`/${east}/arrangementer/Ikke_slug.ics`)).status).toBe(404)
    const withdrawn = await event(east, 7)
    const item = await publishNew(services, withdrawn)
    await services.content.withdraw(east, item.id, item.version, 'unpublished')
    expect((await app.request(`/${east}/arrangementer/${withdrawn.slug}.ics`)).status).toBe(410)
  })
})

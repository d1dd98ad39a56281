import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { editableFields } from '../../../functions/content/editing.ts'
import type { ContentFields } from '../../../functions/content/schema.ts'
import type { StoredItem } from '../../../functions/content/store.ts'
import type { ImportedEvent, PartnerFeed } from '../../../functions/events/partner-feed-model.ts'
import { createPartnerFeeds } from '../../../functions/events/partner-feeds.ts'
import { createSchedulerServices } from '../../../functions/scheduler-services.ts'
import { createAwsClients } from '../../../functions/shared/aws.ts'
import { createEditorEnvironment } from '../../support/editors.ts'

/*
 * Partners' calendars in (issue 13), against DynamoDB Local and a partner's feed served on loopback (allowed here as
 * the local runner allows it): new events become drafts credited to the partner, changed ones update their draft,
 * removed ones are flagged, problems are recorded in bokmål, nothing is published, and one edition's editors never
 * reach another's subscriptions.
 */
interface SourceEventFixture {
  uid: string
  title: string
  start: string
  end: string
  url?: string
}
const ics = (events: SourceEventFixture[]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Helsefellesskapet Innlandet//Kalender//NO',
    ...events.flatMap((event) => [
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      'DTSTAMP:20261201T080000Z',
      `DTSTART;TZID=Europe/Oslo:${event.start}`,
      `DTEND;TZID=Europe/Oslo:${event.end}`,
      `SUMMARY:${event.title}`,
      'DESCRIPTION:Nettverksmøte for kommuner og sykehus.\\n\\nVi ser på <b>felles</b> pasientforløp.',
      'LOCATION:Scandic Hamar\\, Hamar',
      ...(event.url ? [`URL:${event.url}`] : []),
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
    '',
  ].join('\r\n')

const meeting: SourceEventFixture = { uid: 'mote-1@hfi.example', title: 'Nettverksmøte i Helsefellesskapet Innlandet', start: '20300312T090000', end: '20300312T113000', url: 'https://helsefellesskapet.example/mote-1' }
const webinar: SourceEventFixture = { uid: 'webinar-2@hfi.example', title: 'Webinar om utskrivningsklare pasienter', start: '20300402T120000', end: '20300402T130000' }

let server: Server
let answer: { status: number; body: string } = { status: 200, body: ics([meeting, webinar]) }
let feedUrl: string
let env: Awaited<ReturnType<typeof createEditorEnvironment>>
let feed: PartnerFeed
/** The scheduler's work, as EventBridge's rule runs it (real time: "hent nå" makes a feed due now). */
let scheduler: ReturnType<typeof createSchedulerServices>

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(answer.status, { 'content-type': 'text/calendar; charset=utf-8' })
    response.end(answer.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  feedUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/hfi.ics`
  env = await createEditorEnvironment('partner-feeds', { config: { partnerFeeds: { allowLoopback: true } } })
  scheduler = createSchedulerServices(env.config, createAwsClients(env.config))
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

const base = '/api/editor/tenants/innlandet/partner-feeds'
/** "Hent nå" in the workspace, then the scheduler's next run. */
async function fetchNow(runs = 1): Promise<PartnerFeed> {
  expect((await env.call('POST', `${base}/${feed.id}/fetch`, env.tokens.innlandet)).status).toBe(202)
  const others = Array.from({ length: runs - 1 }, () => createSchedulerServices(env.config, createAwsClients(env.config)))
  await Promise.all([scheduler, ...others].map((each) => each.runPartnerFeeds()))
  return (await listed()).feeds.find((each) => each.id === feed.id)!
}
const listed = async () => (await (await env.call('GET', base, env.tokens.innlandet)).json()) as { feeds: PartnerFeed[]; imported: ImportedEvent[] }
const events = async () => (await env.services.content.list('innlandet', { type: 'arrangementer', limit: 100 })).items
const itemOf = async (uid: string) => env.services.content.getItem('innlandet', (await listed()).imported.find((event) => event.uid === uid)!.itemId) as Promise<StoredItem & { importedFrom?: { removedAt?: string; partner: string; sourceUrl?: string }; organiser: string }>

describe('partner feeds', () => {
  it('subscribe over https only', async () => {
    const refused = await env.call('POST', base, env.tokens.innlandet, { partner: 'KS', url: 'http://example.com/kalender.ics' })
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({ code: 'feed_not_https' })
    const created = await env.call('POST', base, env.tokens.innlandet, { partner: 'Helsefellesskapet Innlandet', url: feedUrl })
    expect(created.status).toBe(201)
    feed = (await created.json()) as PartnerFeed
  })

  it('bring new events in as drafts credited to the partner, once however many runs meet', async () => {
    expect((await fetchNow(2)).lastRun?.ok).toBe(true)
    const drafts = await events()
    expect(drafts).toHaveLength(2)
    for (const draft of drafts) expect(draft.status).toBe('draft')
    const imported = await itemOf(meeting.uid)
    expect(imported).toMatchObject({ title: meeting.title, organiser: 'Helsefellesskapet Innlandet', startsAt: '2030-03-12T08:00:00.000Z', location: { name: 'Scandic Hamar, Hamar' } })
    expect(imported.importedFrom).toMatchObject({ feedId: feed.id, partner: 'Helsefellesskapet Innlandet', sourceUrl: meeting.url })
    expect(imported.summary).toBe('Nettverksmøte for kommuner og sykehus. Vi ser på felles pasientforløp.')
    expect(await env.services.content.getPublished('innlandet', 'arrangementer', imported.slug)).toBeUndefined()
    expect((await listed()).imported.map((event) => event.status)).toEqual(['draft', 'draft'])
  })

  it('leave unchanged events alone and update a changed draft', async () => {
    expect((await fetchNow()).lastRun).toMatchObject({ created: 0, updated: 0, unchanged: 2 })
    const before = await itemOf(meeting.uid)
    answer = { status: 200, body: ics([{ ...meeting, title: 'Nettverksmøte i Helsefellesskapet Innlandet (flyttet)', start: '20300312T100000' }, webinar]) }
    expect((await fetchNow()).lastRun).toMatchObject({ created: 0, updated: 1, unchanged: 1 })
    const after = await itemOf(meeting.uid)
    expect(after).toMatchObject({ title: 'Nettverksmøte i Helsefellesskapet Innlandet (flyttet)', startsAt: '2030-03-12T09:00:00.000Z', status: 'draft', slug: before.slug })
    expect(after.version).toBe(before.version + 1)
    expect(await events()).toHaveLength(2)
  })

  it("never overwrite a draft an editor has saved, but say the partner changed it", async () => {
    const meetingItem = await itemOf(meeting.uid)
    const edited = await env.services.content.save('innlandet', meetingItem.id, meetingItem.version, { ...editableFields(meetingItem), summary: 'Redaksjonens egen ingress.' } as ContentFields, 'innlandet@example.no')
    answer = { status: 200, body: ics([{ ...meeting, title: 'Nettverksmøte (flyttet igjen)', start: '20300313T100000' }, webinar]) }
    expect((await fetchNow()).lastRun).toMatchObject({ updated: 1 })
    expect(await itemOf(meeting.uid)).toMatchObject({ version: edited.version, summary: 'Redaksjonens egen ingress.', title: meetingItem.title })
    expect((await listed()).imported.find((event) => event.uid === meeting.uid)?.changedAfterEditAt).toBeTruthy()
    // Back to the feed the next case starts from.
    answer = { status: 200, body: ics([{ ...meeting, title: 'Nettverksmøte i Helsefellesskapet Innlandet (flyttet)', start: '20300312T100000' }, webinar]) }
    await fetchNow()
  })

  it('never change what an editor published, but say the partner changed it', async () => {
    const webinarItem = await itemOf(webinar.uid)
    await env.services.content.publish('innlandet', webinarItem.id, webinarItem.version)
    answer = { status: 200, body: ics([{ ...meeting, title: 'Nettverksmøte i Helsefellesskapet Innlandet (flyttet)', start: '20300312T100000' }, { ...webinar, title: 'Webinar: nytt tidspunkt', start: '20300402T140000', end: '20300402T150000' }]) }
    expect((await fetchNow()).lastRun).toMatchObject({ updated: 1 })
    const published = await itemOf(webinar.uid)
    expect(published).toMatchObject({ title: webinar.title, status: 'published' })
    expect((await listed()).imported.find((event) => event.uid === webinar.uid)?.changedAfterPublishAt).toBeTruthy()
  })

  it('flag an event that left the feed, and delete nothing', async () => {
    answer = { status: 200, body: ics([{ ...webinar, title: 'Webinar: nytt tidspunkt', start: '20300402T140000', end: '20300402T150000' }]) }
    expect((await fetchNow()).lastRun).toMatchObject({ removed: 1 })
    const removed = await itemOf(meeting.uid)
    expect(removed.status).toBe('draft')
    expect(removed.importedFrom?.removedAt).toBeTruthy()
    expect((await listed()).imported.find((event) => event.uid === meeting.uid)?.removedAt).toBeTruthy()
    expect(await events()).toHaveLength(2)
  })

  it('record why a feed could not be read, in bokmål', async () => {
    answer = { status: 500, body: 'oops' }
    expect((await fetchNow()).lastRun).toMatchObject({ ok: false, problem: { code: 'http-error', message: expect.stringContaining('Kalenderen svarte med en feilkode') } })
    answer = { status: 200, body: '<html>Ikke en kalender</html>' }
    expect((await fetchNow()).lastRun).toMatchObject({ ok: false, problem: { code: 'not-icalendar', message: expect.stringContaining('ikke en iCalendar-kalender') } })
    expect(await events()).toHaveLength(2)
  })

  it('are imported by the scheduler when due, hourly', async () => {
    answer = { status: 200, body: ics([meeting, webinar]) }
    // Not due yet: the last run was a moment ago.
    expect(await scheduler.runPartnerFeeds()).toEqual([])
    const inAnHour = () => new Date(Date.now() + 61 * 60_000)
    const later = createSchedulerServices(env.config, createAwsClients(env.config), { now: inAnHour })
    const runs = await later.runPartnerFeeds()
    expect(runs).toEqual([expect.objectContaining({ tenant: 'innlandet', feedId: feed.id, ok: true })])
    // The meeting came back: its flag is lifted.
    expect((await itemOf(meeting.uid)).importedFrom?.removedAt).toBeUndefined()
    // Done for the hour: the next run right after takes nothing.
    expect(await later.runPartnerFeeds()).toEqual([])
  })

  it('make the draft a stopped run had claimed, under the id it claimed', async () => {
    const third: SourceEventFixture = { uid: 'fagdag-3@hfi.example', title: 'Fagdag om velferdsteknologi', start: '20300506T090000', end: '20300506T150000' }
    answer = { status: 200, body: ics([meeting, webinar, third]) }
    const itemId = '01JF0000000000000000000099'
    await createPartnerFeeds(env.services.db).claim('innlandet', { feedId: feed.id, uid: third.uid, itemId, hash: 'claimed', title: third.title, startsAt: '2030-05-06T07:00:00.000Z', endsAt: '2030-05-06T13:00:00.000Z', importedAt: new Date().toISOString(), draftPending: true })
    expect((await fetchNow()).lastRun).toMatchObject({ created: 1, unchanged: 2 })
    expect(await env.services.content.getItem('innlandet', itemId)).toMatchObject({ title: third.title, status: 'draft' })
    expect((await fetchNow()).lastRun).toMatchObject({ created: 0, unchanged: 3 })
  })

  it("are another edition's editors' to neither read nor change", async () => {
    for (const [method, path] of [['GET', base], ['POST', base], ['DELETE', `${base}/${feed.id}`], ['POST', `${base}/${feed.id}/fetch`]] as const)
      expect((await env.call(method, path, env.tokens.akershus, method === 'POST' && path === base ? { partner: 'NAV', url: 'https://nav.example/k.ics' } : undefined)).status, `${method} ${path}`).toBe(403)
    // Innlandet's feed id under their own edition is not found there.
    const own = '/api/editor/tenants/akershus/partner-feeds'
    expect((await env.call('POST', `${own}/${feed.id}/fetch`, env.tokens.akershus)).status).toBe(404)
    expect((await env.call('DELETE', `${own}/${feed.id}`, env.tokens.akershus)).status).toBe(404)
    expect(await (await env.call('GET', own, env.tokens.akershus)).json()).toEqual({ feeds: [], imported: [] })
    expect((await listed()).feeds).toHaveLength(1)
  })

  it('unsubscribe, keeping the drafts', async () => {
    expect((await env.call('DELETE', `${base}/${feed.id}`, env.tokens.innlandet)).status).toBe(204)
    expect(await listed()).toEqual({ feeds: [], imported: [] })
    expect(await events()).toHaveLength(3)
  })
})

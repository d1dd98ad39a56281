import { renderToString } from 'preact-render-to-string'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportedEvent, PartnerFeed } from '../../../functions/events/partner-feed-model.ts'
import { feedProblemText } from '../../../functions/events/partner-feed-problems.ts'
import { blankForm } from '../../../web/editor/form/model.ts'
import { parseRoute, paths } from '../../../web/editor/routes.ts'
import { EventFields } from '../../../web/editor/views/fields/event.tsx'
import { PartnerFeedsPage } from '../../../web/editor/views/partner-feeds.tsx'

/** The partner calendars screen and the imported event's form (issue 13), rendered as the workspace renders them. */
const feed = (over: Partial<PartnerFeed>): PartnerFeed => ({
  id: '01JF0000000000000000000001',
  tenant: 'innlandet',
  partner: 'Helsefellesskapet Innlandet',
  url: 'https://helsefellesskapet.example/kalender.ics',
  createdAt: '2026-12-01T08:00:00.000Z',
  createdBy: 'innlandet@example.no',
  nextFetchAt: '2026-12-01T09:00:00.000Z',
  ...over,
})
const imported = (over: Partial<ImportedEvent>): ImportedEvent => ({
  feedId: '01JF0000000000000000000001',
  uid: 'mote-1',
  itemId: '01JF0000000000000000000009',
  hash: 'x',
  title: 'Nettverksmøte i Helsefellesskapet Innlandet',
  startsAt: '2027-03-12T08:00:00.000Z',
  endsAt: '2027-03-12T10:30:00.000Z',
  importedAt: '2026-12-01T08:00:00.000Z',
  partner: 'Helsefellesskapet Innlandet',
  status: 'draft',
  ...over,
})
const run = { at: '2026-12-01T08:00:00.000Z', ok: true, created: 2, updated: 1, removed: 1, unchanged: 3, skipped: 0 }

describe('the partner calendars screen', () => {
  it('has its own address in the workspace', () => {
    expect(paths.partnerFeeds('innlandet')).toBe('/redaktor/innlandet/partnerkalendere')
    expect(parseRoute('/redaktor/innlandet/partnerkalendere', '')).toEqual({ name: 'partnerFeeds', tenant: 'innlandet' })
  })

  it("shows each feed's last fetch, its problem in bokmål, and the drafts with their state", () => {
    const html = renderToString(
      <PartnerFeedsPage
        tenant="innlandet"
        overview={{
          feeds: [
            feed({ lastRun: run }),
            feed({ id: '01JF0000000000000000000002', partner: 'KS', lastRun: { ...run, ok: false, problem: { code: 'too-slow', message: feedProblemText['too-slow'] } } }),
            feed({ id: '01JF0000000000000000000003', partner: 'NAV' }),
          ],
          imported: [
            imported({}),
            imported({ uid: 'gone', itemId: '01JF0000000000000000000008', title: 'Fagdag om velferdsteknologi', status: 'published', removedAt: '2026-12-01T08:00:00.000Z' }),
            imported({ uid: 'changed', itemId: '01JF0000000000000000000007', title: 'Webinar', status: 'published', changedAfterPublishAt: '2026-12-01T08:00:00.000Z' }),
          ],
        }}
      />,
    )
    expect(html).toContain('<h1')
    expect(html).toContain('Partnerkalendere')
    expect(html).toContain('2 nye, 1 endret, 1 fjernet fra kilden, 3 uendret.')
    expect(html).toContain('Kalenderen svarte ikke innen 10 sekunder.')
    expect(html).toContain('Ikke hentet ennå')
    expect(html).toContain('aria-label="Hent kalenderen til KS nå"')
    expect(html).toContain('href="/redaktor/innlandet/elementer/01JF0000000000000000000009"')
    expect(html).toContain('Utkast – venter på godkjenning')
    expect(html).toContain('Fjernet fra kilden')
    expect(html).toContain('Endret hos partneren etter at dere publiserte')
    expect(html).toMatch(/<label for="feed-url">Adressen til kalenderen<\/label>/)
  })

  it('says so when nothing is subscribed or imported yet', () => {
    const html = renderToString(<PartnerFeedsPage tenant="innlandet" overview={{ feeds: [], imported: [] }} />)
    expect(html).toContain('Redaksjonen abonnerer ikke på noen partnerkalendere ennå.')
    expect(html).toContain('Ingen arrangementer er hentet ennå.')
  })
})

describe("an imported event's form", () => {
  const saved = globalThis.location
  beforeAll(() => void Object.assign(globalThis, { location: { pathname: '/redaktor/innlandet/elementer/01JF0000000000000000000009' } }))
  afterAll(() => void Object.assign(globalThis, { location: saved }))

  it('credits the partner, links their page, and flags an event that left their calendar', () => {
    const fields = { ...blankForm('arrangementer').fields, importedFrom: { feedId: '01JF0000000000000000000001', partner: 'Helsefellesskapet Innlandet', sourceUrl: 'https://helsefellesskapet.example/mote-1', removedAt: '2026-12-01T08:00:00.000Z' } }
    const html = renderToString(<EventFields fields={fields} errors={{}} set={() => {}} pickMedia={() => {}} />)
    expect(html).toContain('Hentet fra kalenderen til Helsefellesskapet Innlandet.')
    expect(html).toContain('href="https://helsefellesskapet.example/mote-1"')
    expect(html).toContain('Fjernet fra kilden')
    expect(html).toContain('Det er ikke slettet her')
  })
})

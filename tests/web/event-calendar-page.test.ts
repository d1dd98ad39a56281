import { beforeAll, describe, expect, it } from 'vitest'
import type { Services } from '../../functions/services.ts'
import { createSiteApp } from '../../web/site/app.tsx'
import { osloIsoWithOffset } from '../../web/site/format.ts'
import { createTestEnvironment } from '../support/environment.ts'
import { testEvent } from '../support/events.ts'
import { publishNew, seedCatalog } from '../support/fixtures.ts'

/*
 * What the site's pages say about calendars and event status (issue 13): the event page's calendar link, status,
 * recording and JSON-LD, and the events listing by month with the calendar to subscribe to.
 */
let services: Services
let site: ReturnType<typeof createSiteApp>
const unique = () => Math.random().toString(36).slice(2, 10)
const edition = `kal-${unique()}`
const origin = 'https://kompetansebroen.test'
const day = 86_400_000

beforeAll(async () => {
  ;({ services } = await createTestEnvironment('event-calendar-page', { siteOrigin: origin }))
  await seedCatalog(services, ['nasjonal', edition], ['demens'])
  site = createSiteApp(services, { assets: () => ({}), renderCache: false })
})

const jsonLdOf = (html: string) => JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!)

describe('an event page', () => {
  it('links its calendar file and describes itself as a schema.org Event with status, place, organisers and a free offer', async () => {
    const fields = testEvent(edition, `dag-${unique()}`, { startsAt: '2027-06-10T09:00:00+02:00', endsAt: '2027-06-11T15:00:00+02:00', onlineUrl: 'https://meet.example.no/apent', coOrganisers: ['Lørenskog kommune'] })
    await publishNew(services, fields)
    const html = await (await site.request(`/${edition}/arrangementer/${fields.slug}`)).text()
    expect(html).toContain(`href="/${edition}/arrangementer/${fields.slug}.ics"`)
    expect(html).toContain('Legg til i kalenderen')
    const ld = jsonLdOf(html)
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Event',
      startDate: '2027-06-10T09:00:00+02:00',
      endDate: '2027-06-11T15:00:00+02:00',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/MixedEventAttendanceMode',
      location: [
        { '@type': 'Place', name: 'Ahus', address: 'Sykehusveien 25, Lørenskog' },
        { '@type': 'VirtualLocation', url: 'https://meet.example.no/apent' },
      ],
      organizer: [
        { '@type': 'Organization', name: 'Akershus universitetssykehus' },
        { '@type': 'Organization', name: 'Lørenskog kommune' },
      ],
      isAccessibleForFree: true,
      offers: { '@type': 'Offer', price: 0, priceCurrency: 'NOK', availability: 'https://schema.org/InStock', url: `${origin}/${edition}/arrangementer/${fields.slug}` },
    })
    expect(ld.offers.validThrough).toBe('2027-06-10T09:00:00+02:00')
  })

  it('says a cancelled event is cancelled, in its JSON-LD too, and offers no sign-up', async () => {
    const fields = testEvent(edition, `avlyst-${unique()}`, { eventStatus: 'cancelled' })
    await publishNew(services, fields)
    const html = await (await site.request(`/${edition}/arrangementer/${fields.slug}`)).text()
    expect(html).toContain('Arrangementet er avlyst.')
    expect(html).not.toContain('/pamelding"')
    expect(jsonLdOf(html).eventStatus).toBe('https://schema.org/EventCancelled')
    const postponed = testEvent(edition, `utsatt-${unique()}`, { eventStatus: 'postponed', location: undefined, onlineUrl: 'https://meet.example.no/x' })
    await publishNew(services, postponed)
    const ld = jsonLdOf(await (await site.request(`/${edition}/arrangementer/${postponed.slug}`)).text())
    expect(ld).toMatchObject({ eventStatus: 'https://schema.org/EventPostponed', eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode' })
  })

  it('keeps its page once over, with the recording an editor added, and no calendar link', async () => {
    const fields = testEvent(edition, `over-${unique()}`, {
      startsAt: new Date(Date.now() - 3 * day).toISOString(),
      endsAt: new Date(Date.now() - 3 * day + 3_600_000).toISOString(),
      registrationDeadline: new Date(Date.now() - 4 * day).toISOString(),
      recordingUrl: 'https://video.example.no/opptak',
    })
    await publishNew(services, fields)
    const html = await (await site.request(`/${edition}/arrangementer/${fields.slug}`)).text()
    expect(html).toContain('Dette arrangementet er gjennomført.')
    expect(html).toMatch(/<a class="button" href="https:\/\/video.example.no\/opptak">Se opptaket<\/a>/)
    expect(html).not.toContain('.ics"')
  })

  it('writes Oslo offsets in winter and summer', () => {
    expect(osloIsoWithOffset('2026-12-01T08:00:00Z')).toBe('2026-12-01T09:00:00+01:00')
    expect(osloIsoWithOffset('2026-10-25T00:30:00Z')).toBe('2026-10-25T02:30:00+02:00')
    expect(osloIsoWithOffset('2026-10-25T01:30:00Z')).toBe('2026-10-25T02:30:00+01:00')
  })
})

describe('the events listing', () => {
  it('shows what is coming under a heading per month (Oslo time), the calendar to subscribe to, then past events', async () => {
    const listing = `lst-${unique()}`
    await services.catalog.putTenant({ ...(await services.catalog.get()).tenant(edition)!, id: listing, name: 'Kompetansebroen Test' })
    await services.catalog.get()
    const at = (iso: string, hours = 2) => ({ startsAt: iso, endsAt: new Date(Date.parse(iso) + hours * 3_600_000).toISOString() })
    // 00:30 on 1 February in Oslo is still 31 January in UTC: it belongs to February.
    await publishNew(services, testEvent(listing, 'februar', { ...at('2027-02-01T00:30:00+01:00'), topics: ['demens'] }))
    await publishNew(services, testEvent(listing, 'januar', at('2027-01-20T09:00:00+01:00')))
    await publishNew(services, testEvent(listing, 'ferdig', at(new Date(Date.now() - 10 * day).toISOString())))
    const fresh = createSiteApp(services, { assets: () => ({}), renderCache: false })
    const html = await (await fresh.request(`/${listing}/arrangementer`)).text()
    const headings = [...html.matchAll(/<h2[^>]*>(.*?)<\/h2>/g)].map((match) => match[1])
    expect(headings).toEqual(['januar 2027', 'februar 2027', 'Abonner på kalenderen', 'Gjennomførte arrangementer'])
    expect(html.indexOf('/januar"')).toBeLessThan(html.indexOf('/februar"'))
    expect(html.indexOf('/ferdig"')).toBeGreaterThan(html.indexOf('Gjennomførte arrangementer'))
    expect(html).toContain(`href="webcal://kompetansebroen.test/${listing}/arrangementer.ics"`)
    expect(html).toContain(`href="${origin}/${listing}/arrangementer.ics"`)
    const byTopic = await (await fresh.request(`/${listing}/arrangementer?tema=demens`)).text()
    expect(byTopic).toContain(`href="webcal://kompetansebroen.test/${listing}/arrangementer.ics?tema=demens"`)
    expect(byTopic).not.toContain('/januar"')

    // Three DynamoDB requests, none a Scan: the listing's Query and its counts as for every type, and the events by start.
    const operations: string[] = []
    const stop = services.clients.onDynamoRequest((operation) => operations.push(operation))
    expect((await fresh.request(`/${listing}/arrangementer`)).status).toBe(200)
    stop()
    expect(operations).toEqual(['Query', 'Query', 'Query'])
  })
})

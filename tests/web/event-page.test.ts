import { beforeAll, describe, expect, it } from 'vitest'
import type { Services } from '../../functions/services.ts'
import { createSiteApp } from '../../web/site/app.tsx'
import { createTestEnvironment } from '../support/environment.ts'
import { testEvent } from '../support/events.ts'
import { publishNew, seedCatalog } from '../support/fixtures.ts'

/** What the site's pages say about events with sign-up (issue 13): the event page and the privacy text. */
let services: Services
let site: ReturnType<typeof createSiteApp>

beforeAll(async () => {
  ;({ services } = await createTestEnvironment('event-page'))
  await seedCatalog(services, ['nasjonal', 'akershus'])
  site = createSiteApp(services, { assets: () => ({}), renderCache: false })
})

describe('an event with built-in sign-up', () => {
  it('links its sign-up page, the place on a map, and keeps a participants-only online link off the page and its JSON-LD', async () => {
    await publishNew(
      services,
      testEvent('akershus', 'med-pamelding', { kind: 'konferanse', priceNok: 500, onlineUrl: 'https://meet.example.no/hemmelig', onlineUrlForParticipants: true, coOrganisers: ['Lørenskog kommune'] }),
    )
    const html = await (await site.request('/akershus/arrangementer/med-pamelding')).text()
    expect(html).toContain('href="/akershus/arrangementer/med-pamelding/pamelding"')
    expect(html).toContain('https://www.openstreetmap.org/search?query=Ahus%2C%20Sykehusveien%2025%2C%20L%C3%B8renskog')
    expect(html).toContain('Konferanse')
    expect(html).toContain('500 kr')
    expect(html).toContain('Akershus universitetssykehus, Lørenskog kommune')
    expect(html).toContain('Lenken sendes på e-post til dem som er påmeldt.')
    expect(html).not.toContain('meet.example.no')
  })

  it('says sign-up has closed once the deadline has passed, with no sign-up link', async () => {
    await publishNew(services, testEvent('akershus', 'fristen-ute', { registrationDeadline: new Date(Date.now() - 60_000).toISOString() }))
    const html = await (await site.request('/akershus/arrangementer/fristen-ute')).text()
    expect(html).toContain('Påmeldingsfristen er ute.')
    expect(html).not.toContain('/pamelding"')
  })
})

it('says in the privacy text what a sign-up keeps and when it is deleted', async () => {
  const html = await (await site.request('/tilgjengelighet')).text()
  expect(html).toContain('Når du melder deg på et arrangement her, lagrer vi navnet ditt, e-postadressen')
  expect(html).toContain('Alt slettes automatisk et fast antall dager etter at arrangementet er over (30 dager')
})

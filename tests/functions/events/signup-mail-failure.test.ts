import { createServer } from 'node:net'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createEventsApp } from '../../../functions/events-app.ts'
import { sesMailer } from '../../../functions/events/mail.ts'
import { createOrganiserSignups } from '../../../functions/events/organiser.ts'
import { eventsServicesFrom } from '../../../functions/events/services.ts'
import type { Services } from '../../../functions/services.ts'
import { createTestEnvironment } from '../../support/environment.ts'
import { testEvent } from '../../support/events.ts'
import { publishNew, seedCatalog } from '../../support/fixtures.ts'

/*
 * SES fails after the sign-up is stored (issue 13): the endpoint is a loopback port nobody listens on. The receipt must
 * not claim an e-mail went out; it is the post's own answer and carries the cancel link, which works; the failure is
 * logged as one JSON line.
 */
let services: Services
const origin = 'http://127.0.0.1:3000'

/** A loopback port that was free a moment ago and is closed now: connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

beforeAll(async () => {
  ;({ services } = await createTestEnvironment('event-mail-failure', { siteOrigin: origin }))
  await seedCatalog(services, ['nasjonal', 'akershus'])
})
afterEach(() => vi.restoreAllMocks())

const form = (email: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ name: 'Kari Nordmann', email, workplace: 'Ahus', municipality: 'Lørenskog', consent: 'yes' }).toString(),
})

async function appWith(mailer: ReturnType<typeof sesMailer>) {
  const slug = `fagdag-${Math.random().toString(36).slice(2, 10)}`
  await publishNew(services, testEvent('akershus', slug, { capacity: 1, waitingList: true }))
  const id = (await services.content.getPublished('akershus', 'arrangementer', slug))!.id
  return { app: createEventsApp(eventsServicesFrom(services, { mailer }), { assets: () => ({}) }), path: `/akershus/arrangementer/${slug}/pamelding`, id }
}

describe('when the e-mail cannot be sent', () => {
  it('stores the sign-up, says the e-mail was not sent, shows the cancel link on the receipt, and logs it', async () => {
    const mailer = sesMailer({ region: 'eu-north-1', endpoints: { ses: `http://127.0.0.1:${await closedPort()}` }, mailFrom: 'pamelding@kompetansebroen.test' })
    const { app, path, id } = await appWith(mailer)
    const lines: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true))

    const posted = await app.request(path, form('kari@kommune.example.no'))
    expect(posted.status).toBe(200)
    expect(posted.headers.get('cache-control')).toBe('no-store')
    const html = await posted.text()
    expect(html).toContain('Du er påmeldt')
    expect(html).toContain('påmeldingen er registrert. Men vi fikk ikke sendt bekreftelsen på e-post.')
    expect(html).not.toContain('Vi har sendt en bekreftelse')
    const cancelUrl = /href="(http:\/\/127\.0\.0\.1:3000\/avmelding\/[A-Za-z0-9_-]{32})"/.exec(html)![1]!

    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.message === 'E-mail not sent')
    expect(logged).toMatchObject({ level: 'ERROR', subject: expect.stringContaining('Påmelding bekreftet') })
    expect(JSON.stringify(logged)).not.toContain('kari@kommune.example.no')

    expect((await createOrganiserSignups(services.db).list('akershus', id)).confirmed.map((p) => p.email)).toEqual(['kari@kommune.example.no'])
    // The receipt's link cancels, as the e-mail's would have.
    const cancelPath = new URL(cancelUrl).pathname
    expect((await app.request(cancelPath, { method: 'POST' })).status).toBe(303)
    expect((await createOrganiserSignups(services.db).list('akershus', id)).seats).toMatchObject({ confirmed: 0 })
  })

  it('is as honest when no sender is configured at all', async () => {
    const { app, path } = await appWith(sesMailer({ region: 'eu-north-1' }))
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    const html = await (await app.request(path, form('ola@kommune.example.no'))).text()
    expect(html).toContain('Men vi fikk ikke sendt bekreftelsen på e-post.')
    expect(html).toMatch(/\/avmelding\/[A-Za-z0-9_-]{32}/)
  })
})

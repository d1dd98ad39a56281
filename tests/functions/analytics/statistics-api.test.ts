import { beforeAll, describe, expect, it } from 'vitest'
import { createAnalyticsCounts } from '../../../functions/analytics/counts.ts'
import { Db } from '../../../functions/shared/db.ts'
import { countersTable } from '../../../infra/definitions.ts'
import { createEditorEnvironment } from '../../support/editors.ts'
import { publishNew, testArticle } from '../../support/fixtures.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>

/** The statistics behind the workspace's page (issue 15): per edition behind the tenant guard, national for admins. */
describe('statistics API', () => {
  let env: Env
  let akershusItem: string
  let innlandetItem: string
  const period = '?from=2026-11-01&to=2026-11-30'
  const countOn = (day: string) =>
    createAnalyticsCounts(new Db(env.services.clients.dynamo, env.config.tables.counters, countersTable), { now: () => new Date(`${day}T12:00:00Z`) })

  beforeAll(async () => {
    env = await createEditorEnvironment('statistics-api')
    akershusItem = (await publishNew(env.services, testArticle('akershus', 'mye-lest', { title: '=HYPERLINK("https://example.com","Klikk")' }))).id
    innlandetItem = (await publishNew(env.services, testArticle('innlandet', 'innlandets-sak'))).id
    const item = (owner: string, id: string) => ({ owner, type: 'artikler', id })
    for (let n = 0; n < 3; n++) await countOn('2026-11-02').countView('akershus', item('akershus', akershusItem))
    await countOn('2026-11-20').countView('akershus', item('akershus', akershusItem))
    // Read on akershus's site, though innlandet owns it: akershus's view.
    await countOn('2026-11-20').countView('akershus', item('innlandet', innlandetItem))
    await countOn('2026-11-20').countView('innlandet', item('innlandet', innlandetItem))
    // Outside the period: not in it.
    await countOn('2026-10-31').countView('akershus', item('akershus', akershusItem))
    await countOn('2026-11-05').countDownloads('akershus', '01JTESTXYZ00000000000000AA', '2026-11-05', 2)
  })

  it("gives an edition's editors its views and downloads per item and day, the most seen first", async () => {
    const response = await env.call('GET', `/api/editor/tenants/akershus/statistics${period}`, env.tokens.akershus)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const report = await response.json()
    expect(report).toMatchObject({ edition: 'akershus', from: '2026-11-01', to: '2026-11-30', totals: { views: 5, downloads: 2 } })
    expect(report.days).toHaveLength(30)
    expect(report.days[1]).toEqual({ day: '2026-11-02', views: 3, downloads: 0 })
    expect(report.top).toEqual([
      { kind: 'artikler', owner: 'akershus', id: akershusItem, title: '=HYPERLINK("https://example.com","Klikk")', path: '/akershus/artikler/mye-lest', views: 4, downloads: 0 },
      { kind: 'media', owner: 'akershus', id: '01JTESTXYZ00000000000000AA', title: '(slettet fil)', views: 0, downloads: 2 },
      { kind: 'artikler', owner: 'innlandet', id: innlandetItem, title: 'Artikkel innlandets-sak', path: '/innlandet/artikler/innlandets-sak', views: 1, downloads: 0 },
    ])
  })

  it("keeps an edition's figures from another region's editors; admins see every edition and the national sum", async () => {
    expect((await env.call('GET', `/api/editor/tenants/akershus/statistics${period}`, env.tokens.innlandet)).status).toBe(403)
    expect((await env.call('GET', `/api/editor/tenants/akershus/statistics.csv${period}`, env.tokens.innlandet)).status).toBe(403)
    expect((await env.call('GET', `/api/editor/statistics${period}`, env.tokens.innlandet)).status).toBe(403)
    expect((await env.call('GET', `/api/editor/tenants/akershus/statistics${period}`)).status).toBe(401)
    const own = await (await env.call('GET', `/api/editor/tenants/innlandet/statistics${period}`, env.tokens.innlandet)).json()
    expect(own.totals).toEqual({ views: 1, downloads: 0 })
    expect((await env.call('GET', `/api/editor/tenants/akershus/statistics${period}`, env.tokens.admin)).status).toBe(200)
    const national = await (await env.call('GET', `/api/editor/statistics${period}`, env.tokens.admin)).json()
    expect(national.national.totals).toEqual({ views: 6, downloads: 2 })
    expect(national.national.days[19]).toEqual({ day: '2026-11-20', views: 3, downloads: 0 })
    expect(national.editions).toEqual(
      expect.arrayContaining([
        { edition: 'akershus', totals: { views: 5, downloads: 2 } },
        { edition: 'innlandet', totals: { views: 1, downloads: 0 } },
        { edition: 'vestfold', totals: { views: 0, downloads: 0 } },
      ]),
    )
  })

  it('exports CSV for Excel with every formula-like cell neutralised', async () => {
    const response = await env.call('GET', `/api/editor/tenants/akershus/statistics.csv${period}`, env.tokens.akershus)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="statistikk-akershus-2026-11-01-2026-11-30.csv"')
    const bytes = new Uint8Array(await response.arrayBuffer())
    // A byte-order mark first, so Excel reads UTF-8 (æ, ø, å); TextDecoder would hide it.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes).split('\r\n')
    expect(lines[1]).toBe('Type;Tittel;Eier;Visninger;Nedlastinger og avspillinger')
    expect(lines[2]).toBe(`Artikkel;"'=HYPERLINK(""https://example.com"",""Klikk"")";akershus;4;0`)
    expect(lines[3]).toBe('Lyd eller film;(slettet fil);akershus;0;2')
    expect(lines).toContain('Totalt;;;5;2')
    expect(lines).toContain('2026-11-02;;;3;0')
  })

  it('refuses a period that is not one with 400 {error, code}', async () => {
    for (const query of ['?from=2026-12-01&to=2026-11-01', '?from=2024-01-01&to=2026-11-30', '?from=igår', '?to=2026-02-30', '?to=2026-13-45'])
      {
        const response = await env.call('GET', `/api/editor/tenants/akershus/statistics${query}`, env.tokens.akershus)
        expect(response.status, query).toBe(400)
        expect(await response.json()).toMatchObject({ error: expect.any(String), code: expect.any(String) })
      }
  })
})

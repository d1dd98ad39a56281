import { Hono } from 'hono'
import * as z from 'zod'
import { typeText } from '../../web/site/text.ts'
import { assertAdmin, type EditorEnv } from '../auth/middleware.ts'
import { itemPath } from '../content/paths.ts'
import { createMediaStore } from '../media/store.ts'
import type { Services } from '../services.ts'
import { validate } from '../shared/validation.ts'
import { reportCsv } from './csv.ts'
import { daysBetween, dayOf, isDay } from './days.ts'
import { buildReport, isMedia, sumReports, type TitleOf } from './report.ts'

/** At most a year and a day per report: one Query per shard and month, 13 months at most. */
const maxDays = 366
const periodSchema = z
  .object({ from: z.string().refine(isDay, 'from is a day, yyyy-mm-dd').optional(), to: z.string().refine(isDay, 'to is a day, yyyy-mm-dd').optional() })
  .transform(({ from, to }, ctx) => {
    const end = to ?? dayOf(new Date())
    const start = from ?? daysBetween(new Date(Date.parse(`${end}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10), end)[0]!
    if (start > end) ctx.addIssue({ code: 'custom', message: 'from is after to', path: ['from'] })
    else if (daysBetween(start, end).length > maxDays) ctx.addIssue({ code: 'custom', message: `A period is at most ${maxDays} days`, path: ['from'] })
    return { from: start, to: end }
  })

/** How the workspace and the CSV name a subject's kind, in bokmål. */
export const kindText = (kind: string) => (isMedia(kind) ? 'Lyd eller film' : (typeText[kind as keyof typeof typeText]?.one ?? kind))

/**
 * The statistics page's data (issue 15): `GET /api/editor/tenants/{t}/statistics[.csv]?from=&to=` behind the tenant
 * guard (an edition's editors see only their edition; admins any), and `GET /api/editor/statistics` for admins: every
 * edition's totals and the national sum. Page views are counted in the edition they were read in, downloads in the
 * edition that owns the file.
 */
export function analyticsEditorRoutes(services: Pick<Services, 'analytics' | 'content' | 'catalog' | 'db'>) {
  const media = createMediaStore(services.db)
  const titleOf: TitleOf = async ({ kind, owner, id }) => {
    if (isMedia(kind)) {
      const file = await media.get(owner, id)
      return { title: file ? (file.title ?? file.filename) : '(slettet fil)' }
    }
    const item = await services.content.getItem(owner, id)
    if (!item) return { title: '(slettet innhold)' }
    return { title: item.title, ...(item.status === 'published' ? { path: itemPath(item) } : {}) }
  }
  const reportOf = async (edition: string, period: { from: string; to: string }, titles = true) =>
    buildReport(edition, period.from, period.to, await services.analytics.read(edition, period.from, period.to), titles ? titleOf : async () => ({ title: '' }))

  const tenant = new Hono<EditorEnv>()
    .get('/statistics', validate('query', periodSchema), async (c) => c.json(await reportOf(c.get('tenant'), c.req.valid('query'))))
    .get('/statistics.csv', validate('query', periodSchema), async (c) => {
      const report = await reportOf(c.get('tenant'), c.req.valid('query'))
      return c.body(reportCsv(report, kindText), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="statistikk-${report.edition}-${report.from}-${report.to}.csv"`,
      })
    })

  const national = new Hono<EditorEnv>().get('/', validate('query', periodSchema), async (c) => {
    assertAdmin(c)
    const period = c.req.valid('query')
    const editions = (await services.catalog.get()).allTenants.map((edition) => edition.id)
    const reports = await Promise.all(editions.map((edition) => reportOf(edition, period, false)))
    return c.json({
      national: sumReports('alle', reports),
      editions: reports.map((report) => ({ edition: report.edition, totals: report.totals })),
    })
  })
  return { tenant, national }
}

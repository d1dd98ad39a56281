import type { DayCount } from './counts.ts'
import { daysBetween } from './days.ts'
import { mediaKind } from './keys.ts'

/*
 * What the statistics page shows for a period (issue 15): totals, every day's views and downloads (zeros included, so a
 * chart and its table have one row per day), and the subjects ranked by views and downloads together.
 */

export interface SubjectTotal {
  /** A content type for an item, `media` for an audio or video file. */
  kind: string
  owner: string
  id: string
  title: string
  /** Where readers find it, when it is an item that is still published. */
  path?: string
  views: number
  downloads: number
}

export interface Report {
  edition: string
  from: string
  to: string
  totals: { views: number; downloads: number }
  days: Array<{ day: string; views: number; downloads: number }>
  top: SubjectTotal[]
}

/** How many subjects a report names (by views and downloads together); the rest are in the totals. */
export const maxSubjects = 200

export type TitleOf = (subject: { kind: string; owner: string; id: string }) => Promise<{ title: string; path?: string }>

export async function buildReport(edition: string, from: string, to: string, rows: DayCount[], titleOf: TitleOf): Promise<Report> {
  const perDay = new Map(daysBetween(from, to).map((day) => [day, { day, views: 0, downloads: 0 }]))
  const perSubject = new Map<string, Omit<SubjectTotal, 'title' | 'path'>>()
  for (const row of rows) {
    const day = perDay.get(row.day)
    if (day) {
      day.views += row.views
      day.downloads += row.downloads
    }
    const key = `${row.kind}#${row.owner}#${row.id}`
    const subject = perSubject.get(key) ?? { kind: row.kind, owner: row.owner, id: row.id, views: 0, downloads: 0 }
    subject.views += row.views
    subject.downloads += row.downloads
    perSubject.set(key, subject)
  }
  const days = [...perDay.values()]
  const ranked = [...perSubject.values()].sort((a, b) => b.views + b.downloads - (a.views + a.downloads) || a.id.localeCompare(b.id)).slice(0, maxSubjects)
  const top = await Promise.all(ranked.map(async (subject) => ({ ...subject, ...(await titleOf(subject)) })))
  const totals = { views: days.reduce((sum, day) => sum + day.views, 0), downloads: days.reduce((sum, day) => sum + day.downloads, 0) }
  return { edition, from, to, totals, days, top }
}

/** Several editions' reports as one: the national totals an administrator sees. */
export function sumReports(edition: string, reports: Report[]): Omit<Report, 'top'> {
  const first = reports[0]!
  const days = first.days.map((day, index) => ({
    day: day.day,
    views: reports.reduce((sum, report) => sum + report.days[index]!.views, 0),
    downloads: reports.reduce((sum, report) => sum + report.days[index]!.downloads, 0),
  }))
  const totals = { views: days.reduce((sum, day) => sum + day.views, 0), downloads: days.reduce((sum, day) => sum + day.downloads, 0) }
  return { edition, from: first.from, to: first.to, totals, days }
}

export const isMedia = (kind: string) => kind === mediaKind

import { countersTable } from '../../infra/definitions.ts'
import { Db } from '../shared/db.ts'
import type { DynamoClients } from '../shared/dynamo-clients.ts'
import type { RuntimeConfig } from '../shared/config.ts'
import { courseStatPk, courseStatSk } from './keys.ts'

/*
 * Anonymous statistics per course (issue 11), in the counters table: how many browsers started and finished it
 * (the progress island's one-off beacons), and how many exam attempts were scored and passed (counted by the exams
 * function when it scores). Counts only: no attempt id, no address, no time finer than the month. A popular
 * course's counts are spread over `shards` partitions, each written with an atomic ADD, so no one partition takes
 * every write; the editors' read sums them.
 */

/** What is counted, per course per month (Europe/Oslo). */
export const courseStatNames = ['started', 'finished', 'attempts', 'passes'] as const
export type CourseStatName = (typeof courseStatNames)[number]
export type CourseStatCounts = Record<CourseStatName, number>
export interface CourseStats {
  /** Months with any count, oldest first (`yyyy-mm`). */
  months: Array<{ month: string } & CourseStatCounts>
  total: CourseStatCounts
}

export { courseStatPrefix } from './keys.ts'
export const defaultShards = 8

const osloMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit' })
/** `yyyy-mm` in Norway: a count made just after midnight on the 1st belongs to the new month. */
export const monthOf = (date: Date) => osloMonth.format(date).slice(0, 7)

const zero = (): CourseStatCounts => ({ started: 0, finished: 0, attempts: 0, passes: 0 })

export function createCourseStats(db: Db, options: { now?: () => Date; shards?: number; random?: () => number } = {}) {
  const now = options.now ?? (() => new Date())
  const shards = options.shards ?? defaultShards
  const random = options.random ?? Math.random
  return {
    /** Adds to this month's counts of one course, on one shard chosen at random. */
    async count(tenant: string, courseId: string, amounts: Partial<CourseStatCounts>): Promise<void> {
      const shard = Math.floor(random() * shards)
      await db.add({ PK: courseStatPk(tenant, courseId, shard), SK: courseStatSk(monthOf(now())) }, amounts)
    },

    /** Every month's counts and the total, summed over the shards: one Query per shard, in parallel. */
    async read(tenant: string, courseId: string): Promise<CourseStats> {
      const pages = await Promise.all(
        Array.from({ length: shards }, (_, shard) =>
          // A course counted for 100 years has 1 200 months: one page each.
          db.query<Record<string, unknown>>({ partitionKey: { name: 'PK', value: courseStatPk(tenant, courseId, shard) }, limit: 1200 }),
        ),
      )
      const byMonth = new Map<string, CourseStatCounts>()
      const total = zero()
      for (const record of pages.flatMap((page) => page.items)) {
        const month = String(record.SK).slice(courseStatSk('').length)
        const counts = byMonth.get(month) ?? zero()
        for (const name of courseStatNames) {
          const value = Number(record[name] ?? 0)
          counts[name] += value
          total[name] += value
        }
        byMonth.set(month, counts)
      }
      const months = [...byMonth].sort(([a], [b]) => a.localeCompare(b)).map(([month, counts]) => ({ month, ...counts }))
      return { months, total }
    },
  }
}
export type CourseStatsStore = ReturnType<typeof createCourseStats>

/** The counters table's course statistics, for a function's services. */
export const courseStatsFor = (config: RuntimeConfig, clients: DynamoClients, options: { now?: () => Date } = {}) =>
  createCourseStats(new Db(clients.dynamo, config.tables.counters, countersTable), options)

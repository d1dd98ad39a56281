import { countersTable } from '../../infra/definitions.ts'
import { Db } from '../shared/db.ts'
import { createShardedCounter, type ShardedCounterOptions } from '../shared/sharded-counter.ts'
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
export { defaultShards } from '../shared/sharded-counter.ts'

const osloMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit' })
/** `yyyy-mm` in Norway: a count made just after midnight on the 1st belongs to the new month. */
export const monthOf = (date: Date) => osloMonth.format(date).slice(0, 7)

const zero = (): CourseStatCounts => ({ started: 0, finished: 0, attempts: 0, passes: 0 })

export function createCourseStats(db: Db, options: { now?: () => Date } & ShardedCounterOptions = {}) {
  const now = options.now ?? (() => new Date())
  const counter = createShardedCounter(db, options)
  const pkOf = (tenant: string, courseId: string) => (shard: number) => courseStatPk(tenant, courseId, shard)
  return {
    /** Adds to this month's counts of one course, on one shard chosen at random. */
    async count(tenant: string, courseId: string, amounts: Partial<CourseStatCounts>): Promise<void> {
      await counter.add(pkOf(tenant, courseId), courseStatSk(monthOf(now())), amounts as Record<string, number>)
    },

    /** Every month's counts and the total, summed over the shards: one Query per shard, in parallel. */
    async read(tenant: string, courseId: string): Promise<CourseStats> {
      const sums = await counter.sum(pkOf(tenant, courseId), courseStatNames)
      const total = zero()
      for (const counts of sums.values()) for (const name of courseStatNames) total[name] += counts[name]
      const months = [...sums]
        .map(([sk, counts]) => ({ month: sk.slice(courseStatSk('').length), ...counts }))
        .sort((a, b) => a.month.localeCompare(b.month))
      return { months, total }
    },
  }
}
export type CourseStatsStore = ReturnType<typeof createCourseStats>

/** The counters table's course statistics, for a function's services. */
export const courseStatsFor = (config: RuntimeConfig, clients: DynamoClients, options: { now?: () => Date } = {}) =>
  createCourseStats(new Db(clients.dynamo, config.tables.counters, countersTable), options)

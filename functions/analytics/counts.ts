import { countersTable } from '../../infra/definitions.ts'
import { Db } from '../shared/db.ts'
import type { DynamoClients } from '../shared/dynamo-clients.ts'
import type { RuntimeConfig } from '../shared/config.ts'
import { createShardedCounter, type ShardedCounterOptions } from '../shared/sharded-counter.ts'
import { dayOf, monthOfDay, monthsBetween } from './days.ts'
import { mediaKind, parseStatSk, statPk, statSk } from './keys.ts'

/*
 * Page views and downloads per subject, edition and day (issue 15), as sharded counters in the counters table. A
 * record holds numbers and the subject's address only: no IP, no user agent, no time finer than the day.
 */

export const countNames = ['views', 'downloads'] as const
export type CountName = (typeof countNames)[number]

/** One subject's counts on one day in one edition. */
export interface DayCount {
  day: string
  /** A content type for page views, `media` for downloads. */
  kind: string
  owner: string
  id: string
  views: number
  downloads: number
}

export function createAnalyticsCounts(db: Db, options: { now?: () => Date } & ShardedCounterOptions = {}) {
  const now = options.now ?? (() => new Date())
  const counter = createShardedCounter(db, options)
  const pkOf = (edition: string, month: string) => (shard: number) => statPk(edition, month, shard)
  return {
    /** One page view of an item (`owner`'s `id` of `type`) read on `edition`'s site, today. */
    async countView(edition: string, item: { owner: string; type: string; id: string }): Promise<void> {
      const day = dayOf(now())
      await counter.add(pkOf(edition, monthOfDay(day)), statSk(day, item.type, item.owner, item.id), { views: 1 })
    },

    /** `downloads` IAB downloads of `owner`'s media file `mediaId` on `day`, counted in the owner's edition. */
    async countDownloads(owner: string, mediaId: string, day: string, downloads: number): Promise<void> {
      if (downloads > 0) await counter.add(pkOf(owner, monthOfDay(day)), statSk(day, mediaKind, owner, mediaId), { downloads })
    },

    /** Every subject's counts per day in `edition` from `from` to `to` (days, both included), summed over the shards. */
    async read(edition: string, from: string, to: string): Promise<DayCount[]> {
      const months = await Promise.all(monthsBetween(from, to).map((month) => counter.sum(pkOf(edition, month), countNames)))
      return months
        .flatMap((sums) => [...sums])
        .map(([sk, counts]) => ({ ...parseStatSk(sk), ...counts }))
        .filter((row) => row.day >= from && row.day <= to)
        .sort((a, b) => a.day.localeCompare(b.day))
    },
  }
}
export type AnalyticsCounts = ReturnType<typeof createAnalyticsCounts>

/** The counters table's analytics, for a function's services. */
export const analyticsCountsFor = (config: RuntimeConfig, clients: DynamoClients, options: { now?: () => Date } = {}) =>
  createAnalyticsCounts(new Db(clients.dynamo, config.tables.counters, countersTable), options)

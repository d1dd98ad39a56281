import type { RuntimeConfig } from '../shared/config.ts'
import type { Db } from '../shared/db.ts'
import { defaultFetchLimits, type FetchLimits } from './partner-feed-fetch.ts'
import { importPartnerFeed, type FeedImportContext } from './partner-feed-import.ts'
import type { FeedRun } from './partner-feed-model.ts'
import { createPartnerFeeds } from './partner-feeds.ts'

/** Feeds read per scheduler run at most: each may take its whole fetch time limit. */
export const maxFeedsPerRun = 3

export type ScheduledFeedRun = FeedRun & { tenant: string; feedId: string; partner: string }

/**
 * The scheduler's part (functions/scheduler-run.ts): the subscriptions that are due (hourly each), edition by edition
 * with one Query each, a few per run, and none started that could not finish its fetch before `deadline` (the run's
 * own time limit inside the Lambda's).
 */
export function scheduledPartnerFeeds(context: FeedImportContext & { tenants: () => Promise<string[]> }) {
  const now = context.now ?? (() => new Date())
  const fetchMs = (context.fetchLimits ?? defaultFetchLimits).timeoutMs
  return async (options: { deadline?: number } = {}): Promise<ScheduledFeedRun[]> => {
    const runs: ScheduledFeedRun[] = []
    for (const tenant of await context.tenants()) {
      for (const feed of await context.feeds.list(tenant)) {
        if (feed.nextFetchAt > now().toISOString()) continue
        if (runs.length >= maxFeedsPerRun) return runs
        // Room for the fetch and the writes after it; the rest waits for the next minute.
        if (options.deadline && Date.now() + fetchMs + 5_000 > options.deadline) return runs
        runs.push({ tenant, feedId: feed.id, partner: feed.partner, ...(await importPartnerFeed(context, feed)) })
      }
    }
    return runs
  }
}

/** What importing needs, from a function's own services; the loopback exception only where configuration allows it. */
export function partnerFeedContext(
  db: Db,
  content: FeedImportContext['content'],
  config: Pick<RuntimeConfig, 'partnerFeeds'>,
  options: { now?: () => Date } = {},
): FeedImportContext & { fetchLimits: FetchLimits } {
  return { feeds: createPartnerFeeds(db, options), content, fetchLimits: { ...defaultFetchLimits, allowLoopback: config.partnerFeeds?.allowLoopback }, now: options.now }
}

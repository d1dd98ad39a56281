import * as z from 'zod'
import { lineText } from '../content/text.ts'
import type { FetchProblem } from './partner-feed-fetch.ts'

/*
 * Partners' calendars in (issue 13): what an edition subscribes to, and what each import found. Types the workspace
 * imports (web/editor/views/partner-feeds.tsx), so they have one source.
 */

/** An edition subscribes to at most this many feeds: the scheduler reads a few an hour, each within its limits. */
export const maxFeedsPerTenant = 20

/** What an editor sends to subscribe: the partner to credit, and the calendar's address. */
export const partnerFeedInputSchema = z.object({
  partner: lineText(200, { min: 1, trim: true }),
  url: z.url({ protocol: /^https?$/, message: 'The calendar address must be a web address (https://…)' }).max(2000),
})
export type PartnerFeedInput = z.infer<typeof partnerFeedInputSchema>

/** Why an import did not happen; a fetch problem, a file that is not iCalendar, or anything else. */
export type FeedProblemCode = FetchProblem | 'not-icalendar' | 'failed'

export interface FeedRun {
  at: string
  ok: boolean
  /** The code, and its bokmål wording for the workspace (partner-feed-problems.ts). */
  problem?: { code: FeedProblemCode; message: string }
  created: number
  updated: number
  removed: number
  unchanged: number
  /** Recurring series, events without UID or time, and events a draft could not be made of. */
  skipped: number
  /** The run stopped at its write budget; the rest follows on the next run (in a minute). */
  incomplete?: boolean
}

export interface PartnerFeed {
  id: string
  tenant: string
  partner: string
  url: string
  createdAt: string
  createdBy: string
  /** When the scheduler fetches it next (hourly; at once while an import is incomplete). */
  nextFetchAt: string
  lastRun?: FeedRun
}

/** One event of a partner's feed as imported: which draft it became, and its content's hash at the last import. */
export interface SourceRecord {
  feedId: string
  uid: string
  itemId: string
  hash: string
  title: string
  startsAt: string
  endsAt: string
  importedAt: string
  /** Claimed, its draft not yet made (a run stopped in between): the next run makes it under `itemId`. */
  draftPending?: boolean
  /** The event left the feed (its draft carries the same flag). */
  removedAt?: string
  /** The event changed at the partner after an editor published it; their copy is left as it is. */
  changedAfterPublishAt?: string
  /** The event changed at the partner after an editor saved its draft; their work is left as it is. */
  changedAfterEditAt?: string
}

/** What the workspace lists of imported events: the source record and the item's state now. */
export type ImportedEvent = SourceRecord & { partner: string; status?: string }

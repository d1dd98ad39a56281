import { ulid } from 'ulid'
import { editableFields } from '../content/editing.ts'
import type { ContentFields } from '../content/schema.ts'
import { slugify } from '../content/slug.ts'
import type { StoredItem } from '../content/store.ts'
import { ApiError } from '../shared/errors.ts'
import { createLogger, type Logger } from '../shared/logger.ts'
import { StaleVersionError } from '../shared/versioned.ts'
import { defaultFetchLimits, fetchPartnerFeed, FeedFetchError, type FetchLimits } from './partner-feed-fetch.ts'
import { importedFields, newDraft, sourceHash } from './partner-feed-draft.ts'
import type { FeedProblemCode, FeedRun, PartnerFeed, SourceRecord } from './partner-feed-model.ts'
import { MAX_SOURCE_EVENTS, parsePartnerFeed, type SourceEvent } from './partner-feed-parse.ts'
import { feedProblemText } from './partner-feed-problems.ts'
import type { PartnerFeedStore } from './partner-feeds.ts'

/** The next fetch of a subscription after a finished run (a minute after one that ran out of budget). */
export const fetchIntervalMs = 60 * 60_000
/** Drafts made, updated or flagged per run of one feed; DynamoDB work stays small and the rest follows a minute later. */
export const defaultMaxWrites = 40

export interface FeedImportContext {
  feeds: PartnerFeedStore
  /** The content store's own create and save: drafts get its validation, slug claims, revisions and tenant partition. */
  content: {
    getItem(tenant: string, id: string): Promise<StoredItem | undefined>
    create(fields: ContentFields, by?: string): Promise<StoredItem>
    save(tenant: string, id: string, expectedVersion: number, fields: ContentFields, by?: string): Promise<StoredItem>
  }
  fetchLimits?: FetchLimits
  maxWrites?: number
  now?: () => Date
  log?: Logger
}

/** Who saved an imported draft, in its revisions. */
const importer = (feed: PartnerFeed) => `kalender:${feed.partner}`.slice(0, 200)

/**
 * One import of a partner's feed into the edition's drafts: each upcoming source event becomes a draft credited to the
 * partner (claimed first, so two runs never make two); a changed one updates its draft while it is still a draft, and
 * is marked on the workspace's list once published (the editor's copy is theirs); one that left the feed is flagged
 * "Fjernet fra kilden" on its item, never deleted. Nothing is ever published here. The outcome is recorded on the
 * subscription, with a problem worded in bokmål when there was one.
 */
export async function importPartnerFeed(context: FeedImportContext, feed: PartnerFeed): Promise<FeedRun> {
  const now = context.now ?? (() => new Date())
  const at = now()
  const run: FeedRun = { at: at.toISOString(), ok: true, created: 0, updated: 0, removed: 0, unchanged: 0, skipped: 0 }
  const fail = (code: FeedProblemCode) => Object.assign(run, { ok: false, problem: { code, message: feedProblemText[code] } })
  try {
    const parsed = readFeed(await fetchPartnerFeed(feed.url, context.fetchLimits ?? defaultFetchLimits))
    if (parsed) await apply(context, feed, parsed, run, at)
    else fail('not-icalendar')
  } catch (error) {
    // The partner's side is the editors' to see; anything else is ours, so the operators' log has it too.
    if (!(error instanceof FeedFetchError)) (context.log ?? createLogger()).error('Partner feed import failed', { tenant: feed.tenant, feedId: feed.id, error })
    fail(error instanceof FeedFetchError ? error.problem : 'failed')
  }
  const next = run.incomplete ? new Date(at.getTime() + 60_000) : new Date(at.getTime() + fetchIntervalMs)
  await context.feeds.recordRun(feed.tenant, feed.id, run, next.toISOString())
  return run
}

function readFeed(text: string) {
  try {
    return parsePartnerFeed(text)
  } catch {
    return undefined
  }
}

async function apply(context: FeedImportContext, feed: PartnerFeed, parsed: ReturnType<typeof parsePartnerFeed>, run: FeedRun, at: Date) {
  const budget = { left: context.maxWrites ?? defaultMaxWrites }
  const sources = new Map((await context.feeds.sources(feed.tenant, feed.id)).map((source) => [source.uid, source]))
  run.skipped = parsed.skipped.length
  // Past events are the partner's archive: not worth a draft.
  const upcoming = parsed.events.filter((event) => Date.parse(event.endsAt) > at.getTime()).sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  for (const event of upcoming) {
    if (budget.left <= 0) return void (run.incomplete = true)
    const source = sources.get(event.uid)
    const hash = sourceHash(event)
    if (source && source.hash === hash && !source.removedAt && !source.draftPending) {
      run.unchanged++
      continue
    }
    budget.left--
    try {
      const outcome = source ? await follow(context, feed, event, source, hash, at) : await create(context, feed, event, hash, at)
      if (outcome) run[outcome]++
    } catch (error) {
      // One event a draft cannot be made of (text our schema refuses) must not stop the others.
      if (error instanceof StaleVersionError) continue
      run.skipped++
    }
  }
  // Only a feed read whole can say an event is gone; a cut-off one (MAX_SOURCE_EVENTS) cannot.
  if (parsed.events.length + parsed.skipped.length >= MAX_SOURCE_EVENTS) return
  const present = new Set([...parsed.events.map((event) => event.uid), ...parsed.skipped.map((skip) => skip.uid)])
  for (const source of sources.values()) {
    if (present.has(source.uid) || source.removedAt || Date.parse(source.endsAt) <= at.getTime()) continue
    if (budget.left-- <= 0) return void (run.incomplete = true)
    await flagRemoved(context, feed, source, at)
    run.removed++
  }
}

async function create(context: FeedImportContext, feed: PartnerFeed, event: SourceEvent, hash: string, at: Date): Promise<'created' | undefined> {
  const source: SourceRecord = { feedId: feed.id, uid: event.uid, itemId: ulid(at.getTime()), hash, title: event.title, startsAt: event.startsAt, endsAt: event.endsAt, importedAt: at.toISOString(), draftPending: true }
  // Another run claimed it first: that run makes the draft.
  if (!(await context.feeds.claim(feed.tenant, source))) return undefined
  await createDraft(context, feed, event, source.itemId)
  await context.feeds.update(feed.tenant, { ...source, draftPending: undefined })
  return 'created'
}

/** A new draft at the title's address, or beside it when an item has it already. */
async function createDraft(context: FeedImportContext, feed: PartnerFeed, event: SourceEvent, itemId: string) {
  const slug = slugify(event.title)
  try {
    await context.content.create(newDraft(event, feed, itemId, slug), importer(feed))
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'slug_taken')) throw error
    await context.content.create(newDraft(event, feed, itemId, `${slug.slice(0, 70)}-${itemId.slice(-6).toLowerCase()}`), importer(feed))
  }
}

/** A changed (or returned) source event: its draft follows; an edited draft or a published item is left to its editors and marked. */
async function follow(context: FeedImportContext, feed: PartnerFeed, event: SourceEvent, source: SourceRecord, hash: string, at: Date): Promise<'created' | 'updated'> {
  const item = await context.content.getItem(feed.tenant, source.itemId)
  const next: SourceRecord = { ...source, hash, title: event.title, startsAt: event.startsAt, endsAt: event.endsAt, importedAt: at.toISOString(), removedAt: undefined, draftPending: undefined }
  if (!item) {
    // A run stopped between its claim and its draft: the draft is made now, under the id claimed.
    await createDraft(context, feed, event, source.itemId)
    await context.feeds.update(feed.tenant, next)
    return 'created'
  }
  // A draft follows the partner only while the import wrote its last version: an editor's save makes it theirs.
  if (item.status === 'draft' && item.savedBy === importer(feed)) {
    await context.content.save(feed.tenant, item.id, item.version, { ...editableFields(item), ...importedFields(event, feed) } as ContentFields, importer(feed))
  } else if (item.status === 'draft') {
    next.changedAfterEditAt = at.toISOString()
    if (source.removedAt) await setRemoved(context, feed, item, undefined)
  } else {
    next.changedAfterPublishAt = at.toISOString()
    if (source.removedAt) await setRemoved(context, feed, item, undefined)
  }
  await context.feeds.update(feed.tenant, next)
  return 'updated'
}

async function flagRemoved(context: FeedImportContext, feed: PartnerFeed, source: SourceRecord, at: Date) {
  const item = await context.content.getItem(feed.tenant, source.itemId)
  if (item) await setRemoved(context, feed, item, at.toISOString())
  await context.feeds.update(feed.tenant, { ...source, removedAt: at.toISOString() })
}

/** The flag on the item's working copy: readers' page (if published) is unchanged until an editor publishes. */
async function setRemoved(context: FeedImportContext, feed: PartnerFeed, item: StoredItem, removedAt: string | undefined) {
  const fields = editableFields(item) as ContentFields & { importedFrom?: Record<string, unknown> }
  if (!fields.importedFrom) return
  await context.content.save(feed.tenant, item.id, item.version, { ...fields, importedFrom: { ...fields.importedFrom, removedAt } } as ContentFields, importer(feed))
}

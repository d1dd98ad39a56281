import type { Db } from '../shared/db.ts'
import type { PublishedFacets } from './counts.ts'
import { createEditing, type SaveHook } from './editing.ts'
import { binnedRefusal } from './item-check.ts'
import { createFollowing, type FollowHook } from './following.ts'
import * as keys from './keys.ts'
import { createPublishing, type ContentChange, type PublishHook } from './publishing.ts'
import { createReading, stripKeys } from './reading.ts'
import { createScheduling, type ScheduleFailure } from './scheduling.ts'
import type { ContentFields, ContentType, Status } from './schema.ts'

/** The editor's working copy of an item, with its life-cycle state. */
export type StoredItem = ContentFields & {
  status: Status
  version: number
  createdAt: string
  updatedAt: string
  publishedAt?: string
  /** Before followers had their own record (followers.ts): editions that followed. Publishing moves it there. */
  followedBy?: string[]
  /** Keys of the owner's listing entries written at the last publish, so the next publish or unpublish removes them. */
  publishedEntries?: Array<{ PK: string; SK: string }>
  publishedPath?: { type: ContentType; slug: string }
  /** Editions that feature this item on their home page, with when they chose it. */
  featuredIn?: Record<string, string>
  /** What the last publish counted in the owner's editions' listing counts, so the next change can adjust them. */
  publishedFacets?: PublishedFacets
  /** Who saved this version (the token's username). */
  savedBy?: string
  /** Lower-cased title, for the editors' title search. */
  titleSearch?: string
  /** Pending schedule, as ISO instants. */
  scheduledPublishAt?: string
  scheduledUnpublishAt?: string
  /** A scheduled action the scheduler gave up on, and why; a new schedule or a publish clears it. */
  scheduleFailure?: ScheduleFailure
}

export function createContentStore(
  db: Db,
  options: {
    nationalTenant: string
    now?: () => Date
    onSave?: SaveHook
    /** Writes other capabilities add to every publish and withdraw (publishing.ts PublishHook). */
    onPublish?: PublishHook[]
    /** Writes other capabilities add to every follow and unfollow that changes where an item is listed. */
    onFollow?: FollowHook[]
    unknownTopics?: (topics: string[]) => Promise<string[]>
    /** The editions hidden from readers, whose cards leave other editions' listings (reading.ts). */
    hiddenOwners?: () => Promise<ReadonlySet<string>>
  },
) {
  const now = () => (options.now?.() ?? new Date()).toISOString()

  async function getItem(tenant: string, id: string): Promise<StoredItem | undefined> {
    const record = await db.get<Record<string, unknown>>({ PK: keys.tenantPk(tenant), SK: keys.itemSk(id) }, { consistent: true })
    return record ? (stripKeys(record) as unknown as StoredItem) : undefined
  }

  const publishing = createPublishing(db, { ...options, now, hooks: options.onPublish }, getItem)
  const reading = createReading(db, { hiddenOwners: options.hiddenOwners })
  const following = createFollowing(db, {
    nationalTenant: options.nationalTenant,
    now,
    getItem,
    hooks: options.onFollow,
    getSnapshot: (tenant, item) => {
      const path = item.publishedPath ?? item
      return reading.getPublished(tenant, path.type, path.slug)
    },
  })
  // The bin itself (bin.ts) is the editor API's alone (services.ts); a save only needs to know an item went there.
  const editing = createEditing(db, { now, getItem, onSave: options.onSave, unknownTopics: options.unknownTopics, refuseIfBinned: binnedRefusal(db) })
  const itemOf = async (change: Promise<ContentChange>) => (await change).item

  return {
    getItem,

    ...editing,

    /** Changes readers can see, each with the CDN paths it affected (written to the CDN's outbox in its transaction). */
    changes: { ...publishing, ...following },
    publish: (...args: Parameters<typeof publishing.publish>) => itemOf(publishing.publish(...args)),
    withdraw: (...args: Parameters<typeof publishing.withdraw>) => itemOf(publishing.withdraw(...args)),
    setFeatured: (...args: Parameters<typeof publishing.setFeatured>) => itemOf(publishing.setFeatured(...args)),
    follow: (...args: Parameters<typeof following.follow>) => itemOf(following.follow(...args)),
    unfollow: (...args: Parameters<typeof following.unfollow>) => itemOf(following.unfollow(...args)),

    ...createScheduling(db, { now, getItem, publish: publishing.publish, withdraw: publishing.withdraw }),

    ...reading,
  }
}
export type ContentStore = ReturnType<typeof createContentStore>

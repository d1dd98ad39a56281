import type { Db } from '../shared/db.ts'
import type { PublishedFacets } from './counts.ts'
import { createEditing, type SaveHook } from './editing.ts'
import { createFollowing } from './following.ts'
import * as keys from './keys.ts'
import { createPublishing } from './publishing.ts'
import { createReading, stripKeys } from './reading.ts'
import { createScheduling } from './scheduling.ts'
import type { ContentFields, ContentType, Status } from './schema.ts'

/** The editor's working copy of an item, with its life-cycle state. */
export type StoredItem = ContentFields & {
  status: Status
  version: number
  createdAt: string
  updatedAt: string
  publishedAt?: string
  /** Editions (tenant ids) that follow this item and show it beside their own content. */
  followedBy?: string[]
  /** Keys of the listing entries written at the last publish, so the next publish or unpublish removes them. */
  publishedEntries?: Array<{ PK: string; SK: string }>
  publishedPath?: { type: ContentType; slug: string }
  /** Editions that feature this item on their home page, with when they chose it. */
  featuredIn?: Record<string, string>
  /** What the last publish counted in the editions' listing counts, so the next change can adjust them. */
  publishedFacets?: PublishedFacets
  /** Who saved this version (the token's username). */
  savedBy?: string
  /** Lower-cased title, for the editors' title search. */
  titleSearch?: string
  /** Pending schedule, as ISO instants. */
  scheduledPublishAt?: string
  scheduledUnpublishAt?: string
}

export function createContentStore(db: Db, options: { nationalTenant: string; now?: () => Date; onSave?: SaveHook }) {
  const now = () => (options.now?.() ?? new Date()).toISOString()

  async function getItem(tenant: string, id: string): Promise<StoredItem | undefined> {
    const record = await db.get<Record<string, unknown>>({ PK: keys.tenantPk(tenant), SK: keys.itemSk(id) }, { consistent: true })
    return record ? (stripKeys(record) as unknown as StoredItem) : undefined
  }

  const publishing = createPublishing(db, { ...options, now }, getItem)
  const reading = createReading(db)

  return {
    getItem,

    ...createEditing(db, { now, getItem, onSave: options.onSave }),

    ...publishing,
    ...createScheduling(db, { now, getItem, publish: publishing.publish, withdraw: publishing.withdraw }),
    ...createFollowing(db, {
      nationalTenant: options.nationalTenant,
      now,
      getItem,
      getSnapshot: (tenant, item) => {
        const path = item.publishedPath ?? item
        return reading.getPublished(tenant, path.type, path.slug)
      },
    }),

    ...reading,
  }
}
export type ContentStore = ReturnType<typeof createContentStore>

import type { Db, Page, TransactItem } from '../shared/db.ts'
import { badRequest, conflict, notFound } from '../shared/errors.ts'
import { StaleVersionError, type FailedCondition } from '../shared/versioned.ts'
import * as keys from './keys.ts'
import { contentFieldsSchema, type ContentFields, type ContentType, type Status } from './schema.ts'
import type { StoredItem } from './store.ts'
import { itemPath } from './paths.ts'

/**
 * What another capability adds to a save (media usage records and their checks), given the item before and
 * after, and how it explains its own failed conditions.
 */
export interface SaveHook {
  /** Corrects the editor's fields with what the server knows better (measured media facts). */
  prepare?(fields: ContentFields): Promise<ContentFields>
  writes(before: StoredItem | undefined, after: StoredItem): TransactItem[]
  explainFailure?(error: unknown, transaction: TransactItem[]): Error | undefined
}

export interface RevisionSummary {
  revision: number
  savedAt: string
  savedBy?: string
  /** The saver's display name, added by the editor API when one is known (content/saver-names.ts). */
  savedByName?: string
  title: string
  status: Status
}

/** Whether a failed condition was a slug claim (the address belongs to another item). */
const isSlugClaim = (failed: FailedCondition) => 'Put' in failed.write && String(failed.write.Put.Item?.SK).startsWith('SLUG#')

/**
 * The editor's side of content: drafts, saves with revisions, history and restore. Readers' view changes
 * only through publishing.ts.
 */
export function createEditing(
  db: Db,
  options: {
    now: () => string
    getItem: (tenant: string, id: string) => Promise<StoredItem | undefined>
    onSave?: SaveHook
    /** The topic slugs that are not in the catalog (topics come from there, so counts stay bounded). */
    unknownTopics?: (topics: string[]) => Promise<string[]>
    /** Throws 409 item_binned for an item in the bin (bin.ts), so a save that lost to a delete says so, not 404. */
    refuseIfBinned?: (tenant: string, id: string) => Promise<undefined>
  },
) {
  const { now, getItem } = options
  const hook = (before: StoredItem | undefined, after: StoredItem) => options.onSave?.writes(before, after) ?? []
  const explained = (cancelled: { error: unknown; transaction: TransactItem[] }) => options.onSave?.explainFailure?.(cancelled.error, cancelled.transaction)
  const checkTopics = async (topics: string[]) => {
    const unknown = topics.length ? ((await options.unknownTopics?.(topics)) ?? []) : []
    if (unknown.length)
      throw badRequest(
        `${unknown.length === 1 ? 'The topic' : 'The topics'} ${unknown.map((slug) => `'${slug}'`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in the catalog. Choose topics from the list (GET /api/v1/topics), or ask an administrator to add it.`,
        'unknown_topic',
      )
  }
  const prepare = async (fields: ContentFields) => (options.onSave?.prepare ? contentFieldsSchema.parse(await options.onSave.prepare(fields)) : fields)
  const slugTaken = (item: { tenant: string; type: ContentType; slug: string }) =>
    conflict(`The address ${itemPath(item)} is already taken. Choose another slug.`, 'slug_taken')

  const revisionRecord = (item: StoredItem) => ({ PK: keys.tenantPk(item.tenant), SK: keys.revisionSk(item.id, item.version), ...item })

  return {
    /** Creates a draft and claims its slug in one transaction; a taken slug answers 409 and writes nothing. */
    async create(fields: ContentFields, by?: string): Promise<StoredItem> {
      const parsed = await prepare(contentFieldsSchema.parse(fields))
      await checkTopics(parsed.topics)
      const at = now()
      const item: StoredItem = { ...parsed, status: 'draft', version: 1, createdAt: at, updatedAt: at, savedBy: by, titleSearch: parsed.title.toLowerCase() }
      const pk = keys.tenantPk(item.tenant)
      return db.writeVersioned({
        missing: `No item ${item.id} in ${item.tenant}.`,
        current: () => getItem(item.tenant, item.id),
        explain: (failed, cancelled) => (failed.some(isSlugClaim) ? slugTaken(item) : explained(cancelled)),
        build: () => ({
          write: { Put: { Item: { PK: pk, SK: keys.itemSk(item.id), ...item } } },
          expectedVersion: undefined,
          writes: [
            { Put: { Item: { PK: pk, SK: keys.slugSk(item.type, item.slug), itemId: item.id }, ConditionExpression: 'attribute_not_exists(PK)' } },
            { Put: { Item: revisionRecord(item) } },
            ...hook(undefined, item),
          ],
          result: item,
        }),
      })
    },

    /**
     * Saves the editor's fields over the version they started from. A stale version is a 409 that carries the
     * current item, so the editor can compare and keep their work. A changed slug is claimed in the same
     * transaction (and the old claim released); every save adds a revision.
     */
    async save(tenant: string, id: string, expectedVersion: number, fields: ContentFields, by?: string): Promise<StoredItem> {
      const current = await getItem(tenant, id)
      if (!current) throw (await options.refuseIfBinned?.(tenant, id)) ?? notFound(`No item ${id} in ${tenant}.`)
      if (current.version !== expectedVersion) throw new StaleVersionError(current, expectedVersion)
      const parsed = await prepare(contentFieldsSchema.parse({ ...fields, id, tenant }))
      if (parsed.type !== current.type) throw conflict('The type of an item cannot change. Create a new item instead.')
      await checkTopics(parsed.topics)
      const next: StoredItem = {
        // The life-cycle state from the stored item, every field from the editor: a field they cleared is gone.
        ...lifecycleOf(current),
        ...parsed,
        // A published item stays published (its reader view is unchanged until it is published again).
        version: current.version + 1,
        updatedAt: now(),
        savedBy: by,
        titleSearch: parsed.title.toLowerCase(),
      }
      const pk = keys.tenantPk(tenant)
      const slugChanged = parsed.slug !== current.slug
      return db.writeVersioned({
        missing: `No item ${id} in ${tenant}.`,
        current: async () => (await getItem(tenant, id)) ?? options.refuseIfBinned?.(tenant, id),
        explain: (failed, cancelled) => (failed.some(isSlugClaim) ? slugTaken(next) : explained(cancelled)),
        build: () => ({
          write: { Put: { Item: { PK: pk, SK: keys.itemSk(id), ...next } } },
          expectedVersion,
          writes: [
            ...(slugChanged
              ? [
                  { Put: { Item: { PK: pk, SK: keys.slugSk(next.type, next.slug), itemId: id }, ConditionExpression: 'attribute_not_exists(PK)' } },
                  { Delete: { Key: { PK: pk, SK: keys.slugSk(current.type, current.slug) } } },
                ]
              : []),
            { Put: { Item: revisionRecord(next) } },
            ...hook(current, next),
          ],
          result: next,
        }),
      })
    },

    /** The tenant's working copies, newest first by id, filtered by status, type, topic and title text. */
    async list(
      tenant: string,
      query: { status?: Status; type?: ContentType; topic?: string; q?: string; limit: number; cursor?: string },
    ): Promise<Page<StoredItem>> {
      const conditions: string[] = []
      const names: Record<string, string> = {}
      const values: Record<string, unknown> = {}
      if (query.status) (conditions.push('#status = :status'), (names['#status'] = 'status'), (values[':status'] = query.status))
      if (query.type) (conditions.push('#type = :type'), (names['#type'] = 'type'), (values[':type'] = query.type))
      if (query.topic) (conditions.push('contains(topics, :topic)'), (values[':topic'] = query.topic))
      if (query.q) (conditions.push('contains(titleSearch, :q)'), (values[':q'] = query.q.toLowerCase()))
      const page = await db.query<Record<string, unknown>>({
        partitionKey: { name: 'PK', value: keys.tenantPk(tenant) },
        sortKeyPrefix: { name: 'SK', value: 'ITEM#' },
        limit: query.limit,
        cursor: query.cursor,
        ascending: false,
        filter: conditions.length ? { expression: conditions.join(' AND '), names, values } : undefined,
      })
      return { ...page, items: page.items.map(({ PK, SK, ...item }) => item as unknown as StoredItem) }
    },

    async revisions(tenant: string, id: string): Promise<RevisionSummary[]> {
      const summaries: RevisionSummary[] = []
      let cursor: string | undefined
      do {
        const page = await db.query<StoredItem & { SK: string }>({
          partitionKey: { name: 'PK', value: keys.tenantPk(tenant) },
          sortKeyPrefix: { name: 'SK', value: `REV#${id}#` },
          limit: 200,
          cursor,
          ascending: false,
        })
        summaries.push(...page.items.map((item) => ({ revision: item.version, savedAt: item.updatedAt, savedBy: item.savedBy, title: item.title, status: item.status })))
        cursor = page.nextCursor
      } while (cursor)
      return summaries
    },

    async revision(tenant: string, id: string, revision: number): Promise<StoredItem | undefined> {
      const record = await db.get<Record<string, unknown>>({ PK: keys.tenantPk(tenant), SK: keys.revisionSk(id, revision) })
      if (!record) return undefined
      const { PK, SK, ...item } = record
      return item as unknown as StoredItem
    },

    /** Saves an old revision's fields as the newest version; history itself is never rewritten. */
    async restore(tenant: string, id: string, revision: number, expectedVersion: number, by?: string): Promise<StoredItem> {
      const old = await this.revision(tenant, id, revision)
      if (!old) throw notFound(`Item ${id} has no revision ${revision}.`)
      return this.save(tenant, id, expectedVersion, editableFields(old), by)
    },
  }
}

/** Everything about a stored item that is not the editor's fields. */
function lifecycleOf(item: StoredItem) {
  const { status, version, createdAt, updatedAt, publishedAt, followedBy, publishedEntries, publishedPath, featuredIn, publishedFacets, savedBy, titleSearch, scheduledPublishAt, scheduledUnpublishAt, scheduleFailure } = item
  return { status, version, createdAt, updatedAt, publishedAt, followedBy, publishedEntries, publishedPath, featuredIn, publishedFacets, savedBy, titleSearch, scheduledPublishAt, scheduledUnpublishAt, scheduleFailure }
}

/** The fields an editor owns, out of a stored item. */
export function editableFields(item: StoredItem): ContentFields {
  const parsed = contentFieldsSchema.safeParse(item)
  if (!parsed.success) throw new Error(`Stored item ${item.id} does not match its schema`)
  return parsed.data
}

/** 409 with the item as it is now; kept here for the capability's callers. */
export { StaleVersionError } from '../shared/versioned.ts'

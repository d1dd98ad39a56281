import { isDeepStrictEqual } from 'node:util'
import * as z from 'zod'
import { editableFields, StaleVersionError } from '../content/editing.ts'
import type { StoredItem } from '../content/store.ts'
import type { Services } from '../services.ts'
import { badRequest } from '../shared/errors.ts'

/** Where a merge goes on: the edition whose items are being moved, and the page of its item list. */
const positionSchema = z.object({ tenant: z.string().max(40), page: z.string().max(2000).optional() })
type Position = z.infer<typeof positionSchema>

const encode = (position: Position) => Buffer.from(JSON.stringify(position)).toString('base64url')
function decode(cursor: string, tenants: string[]): Position {
  try {
    const position = positionSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')))
    if (tenants.includes(position.tenant)) return position
  } catch {
    // Falls through to the refusal below: a cursor this route did not hand out.
  }
  throw badRequest('The merge cursor is not one this route handed out. Start the merge again without it.', 'invalid_cursor')
}

/**
 * One bounded step of merging topic `from` into `into` (issue 17): one page (at most `pageSize`) of one edition's
 * items tagged `from`, read by Query on that edition's partition (never a Scan), each saved through the content
 * store's own save, conditioned on its version, with `from` replaced by `into`. A save that loses to an editor is
 * tried once more on what they saved; if it loses again the item is counted as skipped and keeps `from`. Answers
 * the next cursor, or none when every edition is done. A published item whose working copy is what readers see is
 * published again with the new topic, so its pages and the topic listings follow the merge; one with unpublished
 * changes is only saved (publishing it would publish the editor's unfinished work), and reaches readers when its
 * editor publishes it — counted as `waiting`.
 */
export async function mergeTopicStep(services: Pick<Services, 'catalog' | 'content'>, from: string, into: string, options: { cursor?: string; by?: string; pageSize?: number }) {
  const tenants = (await services.catalog.get()).allTenants.map((tenant) => tenant.id)
  const position = options.cursor ? decode(options.cursor, tenants) : { tenant: tenants[0]! }
  const page = await services.content.list(position.tenant, { topic: from, limit: options.pageSize ?? 25, cursor: position.page })
  let moved = 0
  let skipped = 0
  let waiting = 0
  const retag = (item: StoredItem) => ({ ...editableFields(item), topics: [...new Set(item.topics.map((topic) => (topic === from ? into : topic)))] })
  /** Saves the retagged item, and publishes it again when readers saw exactly its working copy before. */
  const move = async (item: StoredItem) => {
    const republish = await readersSeeWorkingCopy(services, item)
    const saved = await services.content.save(item.tenant, item.id, item.version, retag(item), options.by)
    if (republish) await services.content.publish(saved.tenant, saved.id, saved.version)
    else if (item.status === 'published') waiting++
  }
  for (const item of page.items) {
    try {
      await move(item)
      moved++
    } catch (error) {
      if (!(error instanceof StaleVersionError)) throw error
      const current = error.current as unknown as StoredItem
      const again = current.topics.includes(from) ? await move(current).then(() => true, () => false) : true
      if (again) moved++
      else skipped++
    }
  }
  const nextTenant = tenants[tenants.indexOf(position.tenant) + 1]
  const next: Position | undefined = page.nextCursor ? { tenant: position.tenant, page: page.nextCursor } : nextTenant ? { tenant: nextTenant } : undefined
  return { moved, skipped, waiting, cursor: next ? encode(next) : null }
}

/** Whether a published item has no unpublished changes: its editable fields are the snapshot readers get. */
async function readersSeeWorkingCopy(services: Pick<Services, 'content'>, item: StoredItem): Promise<boolean> {
  if (item.status !== 'published' || !item.publishedPath) return false
  const published = await services.content.getPublished(item.tenant, item.publishedPath.type, item.publishedPath.slug)
  return Boolean(published) && isDeepStrictEqual(editableFields(published as unknown as StoredItem), editableFields(item))
}

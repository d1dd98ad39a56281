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
 * the next cursor, or none when every edition is done. Published items' reader pages change when next published:
 * a save never changes what readers see.
 */
export async function mergeTopicStep(services: Pick<Services, 'catalog' | 'content'>, from: string, into: string, options: { cursor?: string; by?: string; pageSize?: number }) {
  const tenants = (await services.catalog.get()).allTenants.map((tenant) => tenant.id)
  const position = options.cursor ? decode(options.cursor, tenants) : { tenant: tenants[0]! }
  const page = await services.content.list(position.tenant, { topic: from, limit: options.pageSize ?? 25, cursor: position.page })
  let moved = 0
  let skipped = 0
  const retag = (item: StoredItem) => ({ ...editableFields(item), topics: [...new Set(item.topics.map((topic) => (topic === from ? into : topic)))] })
  for (const item of page.items) {
    try {
      await services.content.save(item.tenant, item.id, item.version, retag(item), options.by)
      moved++
    } catch (error) {
      if (!(error instanceof StaleVersionError)) throw error
      const current = error.current as unknown as StoredItem
      const again = current.topics.includes(from) ? await services.content.save(item.tenant, item.id, current.version, retag(current), options.by).then(() => true, () => false) : true
      if (again) moved++
      else skipped++
    }
  }
  const nextTenant = tenants[tenants.indexOf(position.tenant) + 1]
  const next: Position | undefined = page.nextCursor ? { tenant: position.tenant, page: page.nextCursor } : nextTenant ? { tenant: nextTenant } : undefined
  return { moved, skipped, cursor: next ? encode(next) : null }
}

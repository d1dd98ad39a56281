import type { HTTPException } from 'hono/http-exception'
import type { TransactItem } from '../shared/db.ts'
import { badRequest } from '../shared/errors.ts'
import * as keys from './keys.ts'
import { parseMediaPath } from './paths.ts'

/**
 * Which items use which media, kept by the content capability's save transaction: it calls `mediaPathsIn`
 * on the fields before and after, adds `usageWrites(…)` to the same transaction, and on a cancelled
 * transaction asks `explainUsageFailure` for the sentence to answer with.
 */

/** Every uploaded-media path in an item's fields, wherever it sits (image, video, episodes, rich text). */
export function mediaPathsIn(value: unknown): string[] {
  const found = new Set<string>()
  const walk = (node: unknown): void => {
    if (typeof node === 'string') {
      if (parseMediaPath(node)) found.add(node)
    } else if (Array.isArray(node)) node.forEach(walk)
    // An embedded film's poster or episode's sound file is the embedded item's use (content/embeds.ts copies it).
    else if (node && typeof node === 'object' && (node as { type?: unknown }).type !== 'embed') Object.values(node).forEach(walk)
  }
  walk(value)
  return [...found].sort()
}

function mediaRefs(paths: string[]) {
  const refs = new Map<string, { tenant: string; mediaId: string }>()
  for (const path of paths) {
    const ref = parseMediaPath(path)
    if (ref) refs.set(`${ref.tenant}/${ref.mediaId}`, ref)
  }
  return refs
}

/** A new use needs the media ready, not being deleted and, for an image, described. */
const usableCondition = '#status = :ready AND attribute_not_exists(#deleting) AND (#kind <> :image OR attribute_exists(#alt))'

/**
 * The writes that bring the use records of one item (`itemTenant`/`itemId`) from the media paths it had to the
 * ones it has: a Put and a ConditionCheck on the media for each new use, a Delete for each dropped one.
 * An item may use only its own tenant's files: another edition's file is refused before anything is written
 * (and the answer names nothing of it), since a use record in that edition's partition would block its
 * delete. Shared items reach other editions by following, never by path.
 */
export function usageWrites(itemTenant: string, itemId: string, before: string[], after: string[]): TransactItem[] {
  const [had, has] = [mediaRefs(before), mediaRefs(after)]
  if ([...has.values()].some((ref) => ref.tenant !== itemTenant))
    throw badRequest(
      `An item can use only files from its own edition's media library (${itemTenant}). Upload the file to ${itemTenant}'s library or choose one from it, then save again.`,
      'invalid_media',
    )
  const writes: TransactItem[] = []
  for (const [id, { tenant, mediaId }] of has) {
    if (had.has(id)) continue
    const pk = keys.tenantPk(tenant)
    writes.push(
      {
        ConditionCheck: {
          Key: { PK: pk, SK: keys.mediaSk(mediaId) },
          ConditionExpression: usableCondition,
          ExpressionAttributeNames: { '#status': 'status', '#deleting': 'deleting', '#kind': 'kind', '#alt': 'alt' },
          ExpressionAttributeValues: { ':ready': 'ready', ':image': 'image' },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      { Put: { Item: { PK: pk, SK: keys.useSk(mediaId, itemId), mediaId, itemId, itemTenant } } },
    )
  }
  for (const [id, { tenant, mediaId }] of had)
    if (!has.has(id)) writes.push({ Delete: { Key: { PK: keys.tenantPk(tenant), SK: keys.useSk(mediaId, itemId) } } })
  return writes
}

/** An attribute as the cancellation reason carries it: marshalled (`{ S: … }`) or plain. */
const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'object' && value && 'S' in value ? String(value.S) : undefined

/**
 * For a transaction cancelled because a media file may not be used: a 400 saying which file and what to do.
 * `transaction` is the list given to Db.transact, in order; anything else gives undefined (rethrow it).
 */
export function explainUsageFailure(error: unknown, transaction: TransactItem[]): HTTPException | undefined {
  if ((error as Error).name !== 'TransactionCanceledException') return undefined
  const reasons = (error as { CancellationReasons?: Array<{ Code?: string; Item?: Record<string, unknown> }> }).CancellationReasons ?? []
  for (const [index, reason] of reasons.entries()) {
    const write = transaction[index]
    const sk = write && 'ConditionCheck' in write ? text(write.ConditionCheck.Key?.SK) : undefined
    if (reason.Code !== 'ConditionalCheckFailed' || !sk?.startsWith(keys.mediaSkPrefix)) continue
    const media = reason.Item
    if (!media) return badRequest(`Media ${sk.slice(keys.mediaSkPrefix.length)} is not in the media library. Upload the file or choose one from the library.`, 'media_not_usable')
    const name = `'${text(media.title) ?? text(media.filename)}'`
    if (media.deleting) return badRequest(`The file ${name} is being deleted. Choose another file.`, 'media_not_usable')
    if (text(media.status) !== 'ready') return badRequest(`The file ${name} has not finished uploading. Finish the upload, then save again.`, 'media_not_usable')
    return badRequest(`The image ${name} has no alt text. Describe it in the media library, then save again.`, 'media_not_usable')
  }
  return undefined
}

import { ApiError } from '../api/client.ts'
import type { TenantApi } from '../api/endpoints.ts'
import type { Media } from '../api/types.ts'
import { describeError } from '../components/common.tsx'
import { t } from '../text.ts'
import { usedInTitles } from './in-use.ts'

export interface DeleteResult {
  deleted: Media[]
  /** Files the server kept, each with why in bokmål (the items using it by title, or what went wrong). */
  kept: Array<{ media: Media; reason: string }>
}

/**
 * Deletes files one DELETE each, a few at a time: the single delete route is the one code path, so every file
 * gets its own conditional delete and in-use check on the server (no batch route to keep in step with it), and
 * one refusal does not stop the rest. Used for one file and for «Slett valgte» alike.
 */
export async function deleteFiles(tenantApi: Pick<TenantApi, 'tenant' | 'deleteMedia' | 'getMedia' | 'getItem'>, files: Media[], atOnce = 4): Promise<DeleteResult> {
  const result: DeleteResult = { deleted: [], kept: [] }
  const queue = [...files]
  const worker = async () => {
    for (let media = queue.shift(); media; media = queue.shift()) {
      try {
        await tenantApi.deleteMedia(media.id)
        result.deleted.push(media)
      } catch (caught) {
        result.kept.push({ media, reason: await whyKept(tenantApi, media, caught) })
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(atOnce, files.length) }, worker))
  // In the order the editor saw them, not the order the answers came in.
  const order = (media: Media) => files.indexOf(media)
  result.deleted.sort((a, b) => order(a) - order(b))
  result.kept.sort((a, b) => order(a.media) - order(b.media))
  return result
}

async function whyKept(tenantApi: Parameters<typeof deleteFiles>[0], media: Media, caught: unknown): Promise<string> {
  const name = media.title ?? media.filename
  if (!(caught instanceof ApiError && caught.code === 'media_in_use')) return `${name}: ${describeError(caught)}`
  const users = await usedInTitles(tenantApi, media.id).catch(() => ({ titles: [], others: 0 }))
  return t.mediaInUse(name, users.titles, users.others)
}

import { mediaKinds } from '../../../functions/media/kinds.ts'
import { mediaSorts, mediaStatusFilters, mediaUsageFilters } from '../../../functions/media/listing.ts'
import type { MediaQuery } from '../api/endpoints.ts'

/**
 * The library's search in the address (`?q=&type=&status=&usage=&sort=`), so reload, back and a shared link keep it. The
 * names are the workspace's (`type`, as the items list has), the values the API's; anything unknown is dropped.
 */
export function readLibraryQuery(search: string): MediaQuery {
  const params = new URLSearchParams(search)
  const pick = <T extends string>(name: string, allowed: readonly T[]) => {
    const value = params.get(name)
    return allowed.includes(value as T) ? (value as T) : undefined
  }
  const q = params.get('q')?.trim()
  const sort = pick('sort', mediaSorts)
  return {
    ...(q ? { q: q.slice(0, 100) } : {}),
    ...(pick('type', mediaKinds) ? { kind: pick('type', mediaKinds) } : {}),
    ...(pick('status', mediaStatusFilters) ? { status: pick('status', mediaStatusFilters) } : {}),
    ...(pick('usage', mediaUsageFilters) ? { usage: pick('usage', mediaUsageFilters) } : {}),
    ...(sort && sort !== 'newest' ? { sort } : {}),
  }
}

/** `?q=hånd&type=image`: only what is set, newest (the default order) left out. */
export function libraryQueryString(query: MediaQuery): string {
  const entries: Array<[string, string | undefined]> = [
    ['q', query.q?.trim()],
    ['type', query.kind],
    ['status', query.status],
    ['usage', query.usage],
    ['sort', query.sort === 'newest' ? undefined : query.sort],
  ]
  const search = new URLSearchParams(entries.filter((entry): entry is [string, string] => Boolean(entry[1]))).toString()
  return search ? `?${search}` : ''
}

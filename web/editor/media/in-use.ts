import type { TenantApi } from '../api/endpoints.ts'

type Api = Pick<TenantApi, 'tenant' | 'getMedia' | 'getItem'>

/** A use record names an item by its ULID, or a part of one after it (a course's lessons): the same item to an editor. */
const itemOf = (itemId: string) => itemId.slice(0, 26)

/**
 * Who uses a file (issue 17), for «Vis hvor» and a refused delete: the API names items by id, which tells an editor
 * nothing. This edition's items with their titles (at most `limit` read); items of another edition only counted,
 * since their drafts are theirs (never read here); `more`: this edition's items beyond `limit` or unreadable.
 */
export async function usersOf(tenantApi: Api, mediaId: string, limit = 20): Promise<{ items: Array<{ id: string; title: string }>; otherEditions: number; more: number }> {
  const { usedBy } = await tenantApi.getMedia(mediaId)
  const distinct = (uses: typeof usedBy) => [...new Set(uses.map((use) => `${use.tenant}/${itemOf(use.itemId)}`))]
  const own = distinct(usedBy.filter((use) => use.tenant === tenantApi.tenant)).map((key) => key.slice(key.indexOf('/') + 1))
  const otherEditions = distinct(usedBy.filter((use) => use.tenant !== tenantApi.tenant)).length
  const read = own.slice(0, limit)
  const titles = await Promise.all(read.map((id) => tenantApi.getItem(id).then((item) => item.title, () => undefined)))
  const items = read.flatMap((id, index) => (titles[index] ? [{ id, title: titles[index] }] : []))
  return { items, otherEditions, more: own.length - items.length }
}

/** The titles of the items a file is used in, for a refused delete: at most `limit` named, the rest counted. */
export async function usedInTitles(tenantApi: Api, mediaId: string, limit = 5): Promise<{ titles: string[]; others: number }> {
  const users = await usersOf(tenantApi, mediaId, limit)
  return { titles: users.items.map((item) => item.title), others: users.otherEditions + users.more }
}

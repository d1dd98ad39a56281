import type { TenantApi } from '../api/endpoints.ts'

/**
 * The titles of the items a file is used in, for a refused delete (issue 17): the API names them by id, which tells
 * an editor nothing. Items of another edition cannot be read here, and at most `limit` are named; the rest are counted.
 */
export async function usedInTitles(tenantApi: Pick<TenantApi, 'tenant' | 'getMedia' | 'getItem'>, mediaId: string, limit = 5): Promise<{ titles: string[]; others: number }> {
  const { usedBy } = await tenantApi.getMedia(mediaId)
  const own = usedBy.filter((use) => use.tenant === tenantApi.tenant).slice(0, limit)
  const titles = await Promise.all(own.map((use) => tenantApi.getItem(use.itemId).then((item) => item.title, () => undefined)))
  const named = titles.filter((title): title is string => Boolean(title))
  return { titles: named, others: usedBy.length - named.length }
}

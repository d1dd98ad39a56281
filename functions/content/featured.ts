import type { Db, TransactItem } from '../shared/db.ts'
import { ApiError } from '../shared/errors.ts'
import type { FailedCondition } from '../shared/versioned.ts'
import * as keys from './keys.ts'

/** Editors may feature at most this many items per edition: its home page shows exactly these. */
export const HOME_FEATURED = 4

/**
 * Which items an edition features is one string set on `TENANT#{edition}` / `FEATURED`, changed in the same
 * transaction as the item's `featuredIn`; the ADD is conditioned on the set's size, so two editors featuring
 * a fifth item at the same moment cannot both succeed.
 */
const key = (edition: string) => ({ PK: keys.tenantPk(edition), SK: keys.featuredSetSk })
const ref = (owner: string, id: string) => `${owner}#${id}`

export function featuredSetWrite(edition: string, owner: string, id: string, featured: boolean): TransactItem {
  if (!featured)
    return { Update: { Key: key(edition), UpdateExpression: 'DELETE #items :ref', ExpressionAttributeNames: { '#items': 'items' }, ExpressionAttributeValues: { ':ref': new Set([ref(owner, id)]) } } }
  return {
    Update: {
      Key: key(edition),
      UpdateExpression: 'ADD #items :ref',
      ConditionExpression: 'attribute_not_exists(#items) OR size(#items) < :max OR contains(#items, :one)',
      ExpressionAttributeNames: { '#items': 'items' },
      ExpressionAttributeValues: { ':ref': new Set([ref(owner, id)]), ':max': HOME_FEATURED, ':one': ref(owner, id) },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  }
}

/** The refs in a set as the cancellation reason carries it: marshalled (`{ SS: [...] }`) or plain. */
function refsIn(value: unknown): string[] {
  if (value instanceof Set) return [...value].map(String)
  if (value && typeof value === 'object' && 'SS' in value && Array.isArray(value.SS)) return value.SS.map(String)
  return []
}

/** For a refused feature: 409 'featured_limit' naming the items the edition features now, by title. */
export async function explainFeaturedLimit(db: Db, edition: string, failed: FailedCondition[]): Promise<ApiError | undefined> {
  const refused = failed.find((condition) => {
    const operation = Object.values(condition.write)[0] as { Key?: { SK?: unknown } }
    return operation.Key?.SK === keys.featuredSetSk
  })
  if (!refused) return undefined
  const refs = refsIn(refused.item?.items)
  const itemKeys = refs.map((value) => {
    const [owner, id] = value.split('#') as [string, string]
    return { PK: keys.tenantPk(owner), SK: keys.itemSk(id) }
  })
  const items = itemKeys.length ? await db.batchGet<{ title?: string; id: string }>(itemKeys) : []
  const titles = items.map((item) => `“${item.title ?? item.id}”`).sort()
  return new ApiError(
    409,
    `The home page of ${edition} already features ${HOME_FEATURED} items (${titles.join(', ')}). Stop featuring one of them first.`,
    'featured_limit',
    { featured: refs },
  )
}

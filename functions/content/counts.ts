import type { TransactItem } from '../shared/db.ts'
import * as keys from './keys.ts'
import type { ContentType } from './schema.ts'

/**
 * Listing counts ("23 e-kurs") are kept on each edition's STATS record and changed in the same transaction
 * as the publish that changes them, so a listing page reads its count with one GetItem instead of counting.
 */
export interface PublishedFacets {
  editions: string[]
  type: ContentType
  topics: string[]
  audiences: string[]
}

/** Count names an item adds to each edition's STATS record while it is published. */
function countNames(facets: PublishedFacets | undefined): Map<string, Set<string>> {
  const byEdition = new Map<string, Set<string>>()
  if (!facets) return byEdition
  const names = [
    keys.countName(facets.type),
    ...facets.topics.map((topic) => keys.countName(facets.type, { topic })),
    ...facets.audiences.map((audience) => keys.countName(facets.type, { audience })),
  ]
  for (const edition of facets.editions) byEdition.set(edition, new Set(names))
  return byEdition
}

/** One ADD per edition whose counts change between two publishes (either side may be nothing). */
export function countUpdates(before: PublishedFacets | undefined, after: PublishedFacets | undefined): TransactItem[] {
  const old = countNames(before)
  const next = countNames(after)
  const updates: TransactItem[] = []
  for (const edition of new Set([...old.keys(), ...next.keys()])) {
    const oldNames = old.get(edition) ?? new Set<string>()
    const newNames = next.get(edition) ?? new Set<string>()
    const deltas = [
      ...[...newNames].filter((name) => !oldNames.has(name)).map((name) => [name, 1] as const),
      ...[...oldNames].filter((name) => !newNames.has(name)).map((name) => [name, -1] as const),
    ]
    if (deltas.length === 0) continue
    updates.push({
      Update: {
        Key: { PK: keys.tenantPk(edition), SK: keys.statsSk },
        UpdateExpression: `ADD ${deltas.map((_, index) => `#n${index} :d${index}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(deltas.map(([name], index) => [`#n${index}`, name])),
        ExpressionAttributeValues: Object.fromEntries(deltas.map(([, delta], index) => [`:d${index}`, delta])),
      },
    })
  }
  return updates
}

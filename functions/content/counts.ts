import type { Db, TransactItem } from '../shared/db.ts'
import type { FailedCondition } from '../shared/versioned.ts'
import * as keys from './keys.ts'
import type { ContentType } from './schema.ts'

/**
 * Listing counts ("23 e-kurs") live on one small record per edition and type (`STATS#{type}`: `n`,
 * `tema:{topic}`, `aud:{audience}`), changed in the same transaction as the publish that changes them, so a
 * listing page reads its count with the same single request whatever the filter. Topics come from the catalog
 * and a count that reaches zero is removed in that same transaction, so a record holds at most one attribute
 * per catalog topic and audience and can never grow towards DynamoDB's item limit.
 */
export interface PublishedFacets {
  editions: string[]
  type: ContentType
  topics: string[]
  audiences: string[]
}

/** The counts one published item adds, per count record (`edition|type`). */
function countsOf(facets: PublishedFacets | undefined): Map<string, Set<string>> {
  const byRecord = new Map<string, Set<string>>()
  if (!facets) return byRecord
  const names = [keys.countName(), ...facets.topics.map((topic) => keys.countName({ topic })), ...facets.audiences.map((audience) => keys.countName({ audience }))]
  for (const edition of facets.editions) byRecord.set(`${edition}|${facets.type}`, new Set(names))
  return byRecord
}

const recordKey = (record: string) => {
  const [edition, type] = record.split('|') as [string, ContentType]
  return { PK: keys.tenantPk(edition), SK: keys.statsSk(type) }
}

/**
 * The writes that bring every affected count record from what `before` counted to what `after` counts. An
 * increment is a plain ADD; a decrement reads the record first and is conditioned on what it read (above one:
 * ADD −1; exactly one: REMOVE, or Delete when nothing else is left), because ADD then REMOVE of zeros in two
 * steps would not be atomic. A failed condition means another publish changed the record meanwhile:
 * `isCountRace` tells the caller to build its transaction again.
 */
export async function countWrites(db: Db, before: PublishedFacets | undefined, after: PublishedFacets | undefined): Promise<TransactItem[]> {
  const [old, next] = [countsOf(before), countsOf(after)]
  const writes: TransactItem[] = []
  await Promise.all(
    [...new Set([...old.keys(), ...next.keys()])].map(async (record) => {
      const had = old.get(record) ?? new Set<string>()
      const has = next.get(record) ?? new Set<string>()
      const added = [...has].filter((name) => !had.has(name))
      const removed = [...had].filter((name) => !has.has(name))
      if (!added.length && !removed.length) return
      const Key = recordKey(record)
      const stored = removed.length ? ((await db.get<Record<string, unknown>>(Key, { consistent: true })) ?? {}) : {}
      writes.push(...recordWrites(Key, stored, added, removed))
    }),
  )
  return writes
}

function recordWrites(Key: { PK: string; SK: string }, stored: Record<string, unknown>, added: string[], removed: string[]): TransactItem[] {
  const names: Record<string, string> = {}
  const values: Record<string, unknown> = {}
  const adds: string[] = []
  const removes: string[] = []
  const conditions: string[] = []
  const name = (attribute: string) => {
    const placeholder = `#c${Object.keys(names).length}`
    names[placeholder] = attribute
    return placeholder
  }
  for (const attribute of added) {
    adds.push(`${name(attribute)} :plus`)
    values[':plus'] = 1
  }
  for (const attribute of removed) {
    const placeholder = name(attribute)
    const count = typeof stored[attribute] === 'number' ? (stored[attribute] as number) : undefined
    if (count === undefined) {
      // Nothing counted (data from before counts were kept this way): nothing to take away.
      conditions.push(`attribute_not_exists(${placeholder})`)
    } else if (count > 1) {
      adds.push(`${placeholder} :minus`)
      values[':minus'] = -1
      values[':one'] = 1
      conditions.push(`${placeholder} > :one`)
    } else {
      removes.push(placeholder)
      values[`:was${removes.length}`] = count
      conditions.push(`${placeholder} = :was${removes.length}`)
    }
  }
  const condition = conditions.length ? { ConditionExpression: conditions.join(' AND ') } : {}
  const leftOver = Object.keys(stored).filter((attribute) => attribute !== 'PK' && attribute !== 'SK')
  const removedAll = adds.length === 0 && leftOver.every((attribute) => removed.includes(attribute) && (stored[attribute] as number) <= 1)
  if (removedAll && leftOver.length) return [{ Delete: { Key, ...condition, ExpressionAttributeNames: names, ExpressionAttributeValues: values } }]
  const actions = [...(adds.length ? [`ADD ${adds.join(', ')}`] : []), ...(removes.length ? [`REMOVE ${removes.join(', ')}`] : [])]
  if (!actions.length)
    return conditions.length ? [{ ConditionCheck: { Key, ConditionExpression: conditions.join(' AND '), ExpressionAttributeNames: names, ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}) } }] : []
  return [
    {
      Update: {
        Key,
        UpdateExpression: actions.join(' '),
        ...condition,
        ExpressionAttributeNames: names,
        ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
      },
    },
  ]
}

/** Whether a failed condition guarded a count record (another publish moved it meanwhile: build again). */
export const isCountRace = (failed: FailedCondition) => {
  const operation = Object.values(failed.write)[0] as { Key?: { SK?: unknown } }
  return typeof operation.Key?.SK === 'string' && operation.Key.SK.startsWith(keys.statsPrefix)
}

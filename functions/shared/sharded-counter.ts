import type { Db } from './db.ts'

/*
 * Counters that a popular subject cannot throttle (issues 11 and 15): each count goes to one of `shards` partitions
 * chosen at random, written with an atomic ADD, so no single partition takes every write; a read queries every
 * shard in parallel and sums. Used by course statistics and the analytics capability, which each build their own
 * keys and may read only their own partitions.
 */

export const defaultShards = 8

export interface ShardedCounterOptions {
  shards?: number
  random?: () => number
}

export function createShardedCounter(db: Db, options: ShardedCounterOptions = {}) {
  const shards = options.shards ?? defaultShards
  const random = options.random ?? Math.random
  return {
    shards,
    /** Adds `amounts` to the record `sk` of one shard of the partition `pkOf(shard)`. */
    async add(pkOf: (shard: number) => string, sk: string, amounts: Record<string, number>): Promise<void> {
      await db.add({ PK: pkOf(Math.floor(random() * shards)), SK: sk }, amounts)
    },

    /**
     * Every record of every shard of `pkOf` (optionally only those whose sort key starts with `skPrefix`), summed per
     * sort key over the shards: numeric attributes named in `names` only. Pages through each shard to its end.
     */
    async sum<Name extends string>(pkOf: (shard: number) => string, names: readonly Name[], skPrefix?: string): Promise<Map<string, Record<Name, number>>> {
      const perShard = await Promise.all(
        Array.from({ length: shards }, async (_, shard) => {
          const records: Record<string, unknown>[] = []
          let cursor: string | undefined
          do {
            const page = await db.query<Record<string, unknown>>({
              partitionKey: { name: 'PK', value: pkOf(shard) },
              ...(skPrefix ? { sortKeyPrefix: { name: 'SK', value: skPrefix } } : {}),
              limit: 1000,
              cursor,
            })
            records.push(...page.items)
            cursor = page.nextCursor
          } while (cursor)
          return records
        }),
      )
      const sums = new Map<string, Record<Name, number>>()
      for (const record of perShard.flat()) {
        const sk = String(record.SK)
        const counts = sums.get(sk) ?? (Object.fromEntries(names.map((name) => [name, 0])) as Record<Name, number>)
        for (const name of names) counts[name] += Number(record[name] ?? 0)
        sums.set(sk, counts)
      }
      return sums
    },
  }
}
export type ShardedCounter = ReturnType<typeof createShardedCounter>

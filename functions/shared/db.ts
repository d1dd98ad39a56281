import {
  BatchGetCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb'
import type { TableDefinition } from '../../infra/definitions.ts'
import { decodeCursor, encodeCursor, type CursorShape } from './cursor.ts'
import { ApiError } from './errors.ts'
import { assertItemFits } from './item-size.ts'
import { writeVersioned, type VersionedWriteOptions } from './versioned.ts'

export { decodeCursor, encodeCursor } from './cursor.ts'

export type Key = Record<string, string>
export type Record_ = Record<string, unknown>
type RawTransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number]
type Operation<K extends keyof RawTransactItem> = Omit<NonNullable<RawTransactItem[K]>, 'TableName'>
/** One write of a transaction; the table is filled in by Db. */
export type TransactItem =
  | { Put: Operation<'Put'> }
  | { Delete: Operation<'Delete'> }
  | { Update: Operation<'Update'> }
  | { ConditionCheck: Operation<'ConditionCheck'> }

export interface QueryOptions {
  /** Global secondary index name; the table itself when absent. */
  index?: string
  partitionKey: { name: string; value: string }
  sortKeyPrefix?: { name: string; value: string }
  limit: number
  /** Opaque cursor from a previous page. */
  cursor?: string
  /** Oldest/lowest first when true; DynamoDB's default. */
  ascending?: boolean
  /** Sort key lower bound (inclusive), e.g. "now" for upcoming events. */
  sortKeyFrom?: { name: string; value: string }
  /** Sort key upper bound (inclusive), e.g. "due by now" for schedules. */
  sortKeyTo?: { name: string; value: string }
  /**
   * Keeps only items matching a FilterExpression. DynamoDB filters after reading, so pages are refilled
   * with further reads (at most `maxReads`) until `limit` items match.
   */
  filter?: { expression: string; names?: Record<string, string>; values: Record<string, unknown>; maxReads?: number }
  /** A strongly consistent read (the table only, not an index): what a write just before it changed is seen. */
  consistent?: boolean
  /**
   * Only these attributes of each item (ProjectionExpression), for reads that need a key and not the record: names
   * as they are, so none may be a DynamoDB reserved word (PK and SK are not; this costs every bundle the fewest
   * bytes). Never with `filter`: a page cut inside a read takes its cursor from the last item's key attributes.
   */
  projection?: string[]
}

/** DynamoDB's limit on the writes (and checks) of one transaction. */
export const maxTransactionWrites = 100

/** How many reads a filtered page may take before it is returned short (with a cursor to go on). */
const DEFAULT_MAX_FILTERED_READS = 5

export interface Page<T> {
  items: T[]
  /** Present while there may be more; pass back as `cursor`. */
  nextCursor?: string
}

/**
 * The one DynamoDB access layer. Capabilities build their own keys and call these few operations, so every
 * request path is a Get, a Query or a transaction, never a Scan.
 */
export class Db {
  constructor(
    readonly client: DynamoDBDocumentClient,
    readonly table: string,
    readonly definition: TableDefinition,
  ) {}

  /** The attributes that make up a LastEvaluatedKey on the table or one of its indexes. */
  private keyAttributes(index?: string): string[] {
    const table = [this.definition.partitionKey.name, this.definition.sortKey.name]
    const found = index ? this.definition.indexes.find((candidate) => candidate.name === index) : undefined
    return found ? [...table, found.partitionKey.name, found.sortKey.name] : table
  }

  /** What a cursor for this query must be: its key attributes, its partition, its sort key range. */
  private cursorShape(options: QueryOptions): CursorShape {
    const index = options.index ? this.definition.indexes.find((candidate) => candidate.name === options.index) : undefined
    const sortKeyName = (index ?? this.definition).sortKey.name
    return {
      attributes: this.keyAttributes(options.index),
      partitionKey: options.partitionKey,
      // Only one bound is ever put in the key condition (see query), so only that one is checked.
      sortKey: options.sortKeyPrefix
        ? { name: sortKeyName, prefix: options.sortKeyPrefix.value }
        : options.sortKeyFrom
          ? { name: sortKeyName, from: options.sortKeyFrom.value }
          : options.sortKeyTo
            ? { name: sortKeyName, to: options.sortKeyTo.value }
            : { name: sortKeyName },
    }
  }

  async get<T = Record_>(key: Key, options: { consistent?: boolean } = {}): Promise<T | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.table, Key: key, ConsistentRead: options.consistent }),
    )
    return Item as T | undefined
  }

  /** Up to 100 keys in one request; unprocessed keys are retried so callers see every item. */
  async batchGet<T = Record_>(keys: Key[]): Promise<T[]> {
    const found: T[] = []
    let pending: Key[] = keys
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt))
      const { Responses, UnprocessedKeys } = await this.client.send(
        new BatchGetCommand({ RequestItems: { [this.table]: { Keys: pending } } }),
      )
      found.push(...((Responses?.[this.table] ?? []) as T[]))
      pending = (UnprocessedKeys?.[this.table]?.Keys ?? []) as Key[]
      if (attempt > 5 && pending.length) throw new Error('DynamoDB left keys unprocessed after retries')
    }
    return found
  }

  async query<T = Record_>(options: QueryOptions): Promise<Page<T>> {
    const names: Record<string, string> = { '#pk': options.partitionKey.name }
    const values: Record<string, unknown> = { ':pk': options.partitionKey.value }
    let condition = '#pk = :pk'
    if (options.sortKeyPrefix) {
      names['#sk'] = options.sortKeyPrefix.name
      values[':prefix'] = options.sortKeyPrefix.value
      condition += ' AND begins_with(#sk, :prefix)'
    } else if (options.sortKeyFrom) {
      names['#sk'] = options.sortKeyFrom.name
      values[':from'] = options.sortKeyFrom.value
      condition += ' AND #sk >= :from'
    } else if (options.sortKeyTo) {
      names['#sk'] = options.sortKeyTo.name
      values[':to'] = options.sortKeyTo.value
      condition += ' AND #sk <= :to'
    }
    const filter = options.filter
    if (filter) {
      Object.assign(names, filter.names)
      Object.assign(values, filter.values)
    }
    const items: T[] = []
    let startKey: Key | undefined = options.cursor ? decodeCursor(options.cursor, this.cursorShape(options)) : undefined
    let reads = 0
    do {
      const { Items, LastEvaluatedKey }: { Items?: Record<string, unknown>[]; LastEvaluatedKey?: Record<string, unknown> } =
        await this.client.send(
          new QueryCommand({
            TableName: this.table,
            IndexName: options.index,
            KeyConditionExpression: condition,
            FilterExpression: filter?.expression,
            ProjectionExpression: options.projection?.join(),
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            // A filtered read discards items, so read more per request to fill a page in fewer round trips.
            Limit: filter ? Math.max(options.limit * 3, 60) : options.limit,
            ScanIndexForward: options.ascending ?? true,
            ExclusiveStartKey: startKey,
            ConsistentRead: options.consistent,
          }),
        )
      items.push(...((Items ?? []) as T[]))
      startKey = LastEvaluatedKey as Key | undefined
      reads++
    } while (filter && startKey && items.length < options.limit && reads < (filter.maxReads ?? DEFAULT_MAX_FILTERED_READS))

    if (items.length > options.limit) {
      // The page ends inside what DynamoDB read: the cursor is the last item we return, not DynamoDB's.
      items.length = options.limit
      const last = items[items.length - 1] as Record<string, unknown>
      startKey = Object.fromEntries(this.keyAttributes(options.index).map((name) => [name, String(last[name])]))
    }
    return { items, nextCursor: startKey ? encodeCursor(startKey) : undefined }
  }

  async put(item: Record_, options: { ifNotExists?: string } = {}): Promise<void> {
    assertItemFits(item)
    await this.client.send(
      new PutCommand({
        TableName: this.table,
        Item: item,
        ...(options.ifNotExists
          ? { ConditionExpression: 'attribute_not_exists(#k)', ExpressionAttributeNames: { '#k': options.ifNotExists } }
          : {}),
      }),
    )
  }

  /**
   * Adds to numeric attributes of one item, which DynamoDB creates at zero (UpdateItem ADD): atomic under any
   * concurrency, for counters, never for content.
   */
  async add(key: Key, amounts: Record<string, number>): Promise<void> {
    const entries = Object.entries(amounts)
    await this.client.send(
      new UpdateCommand({
        TableName: this.table,
        Key: key,
        UpdateExpression: `ADD ${entries.map((_, index) => `#a${index} :a${index}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(entries.map(([name], index) => [`#a${index}`, name])),
        ExpressionAttributeValues: Object.fromEntries(entries.map(([, amount], index) => [`:a${index}`, amount])),
      }),
    )
  }

  /**
   * One item's conditional UpdateItem or DeleteItem, where nothing else must change with it (half the write cost of
   * a transaction): false when its condition failed.
   */
  async writeOne(operation: { Update: Operation<'Update'> } | { Delete: Operation<'Delete'> }): Promise<boolean> {
    try {
      if ('Update' in operation) await this.client.send(new UpdateCommand({ TableName: this.table, ...operation.Update }))
      else await this.client.send(new DeleteCommand({ TableName: this.table, ...operation.Delete }))
      return true
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false
      throw error
    }
  }

  /**
   * The optimistic write every versioned item goes through (functions/shared/versioned.ts): the item's write
   * conditioned on its version first, then the rest; a cancellation is answered by its reasons.
   */
  writeVersioned<T>(options: VersionedWriteOptions<T>): Promise<T> {
    return writeVersioned((items) => this.transact(items), this.definition.partitionKey.name, options)
  }

  /** All or nothing: up to 100 writes with their conditions. */
  async transact(items: TransactItem[]): Promise<void> {
    if (items.length > maxTransactionWrites)
      throw new ApiError(
        400,
        `This change would write ${items.length} records at once, more than the ${maxTransactionWrites} that can change together. ` +
          'An item with many topics shown in many editions reaches it: remove some topics (or stop sharing it with some editions), publish, then add them back.',
        'too_many_changes',
      )
    for (const item of items) if ('Put' in item && item.Put.Item) assertItemFits(item.Put.Item)
    const withTable = items.map((item) => {
      const [kind, operation] = Object.entries(item)[0] as [string, object]
      return { [kind]: { TableName: this.table, ...operation } } as RawTransactItem
    })
    await this.client.send(new TransactWriteCommand({ TransactItems: withTable }))
  }
}

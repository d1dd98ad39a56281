import { ApiError, conflict, notFound, payloadTooLarge } from './errors.ts'
import type { Key, Record_, TransactItem } from './db.ts'

/** A condition of a cancelled transaction that failed: its write, by position among the caller's `writes`. */
export interface FailedCondition {
  index: number
  write: TransactItem
  /** The item as the condition saw it, when the write asked for it (`ReturnValuesOnConditionCheckFailure`). */
  item?: Record<string, unknown>
}

type Expression = { ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, unknown> }

/** One attempt's transaction: the versioned item's write first, then everything that goes with it. */
export interface VersionedTransaction<T> {
  /**
   * The item's new state (a whole Put) or an Update of some of its attributes; the version condition is added.
   * Undefined when there is nothing to change: nothing is written and `result` is returned.
   */
  write?: { Put: { Item: Record_ } } | { Update: Expression & { Key: Key; UpdateExpression: string } } | { Delete: { Key: Key } }
  /** The version the writer started from; `undefined` when the item must not exist yet (a create). */
  expectedVersion: number | undefined
  writes?: TransactItem[]
  /** What the caller gets back once the transaction is written. */
  result: T
}

export interface VersionedWriteOptions<T> {
  /** Builds the transaction from what is stored now; built again after a race the caller asks to retry. */
  build: () => Promise<VersionedTransaction<T>> | VersionedTransaction<T>
  /** The item as it is now, for the 409's `current`; undefined when it no longer exists. */
  current: () => Promise<Record<string, unknown> | undefined>
  /** The 404's sentence when the item does not exist. */
  missing: string
  /**
   * Names failed conditions among `writes`: the error to answer with, or 'retry' when the condition guarded a
   * record another writer may change at the same moment (counts, followers). Undefined: a condition nobody
   * named failed, which is a bug, so the original error is rethrown.
   */
  explain?: (
    failed: FailedCondition[],
    /** The cancelled transaction as sent (the versioned write first) and its error, for explainers that read them whole. */
    cancelled: { error: unknown; transaction: TransactItem[] },
  ) => Error | 'retry' | undefined | Promise<Error | 'retry' | undefined>
  /**
   * A writer that holds no version of its own (the scheduler, following) rebuilds on a stale version rather
   * than answering 409.
   */
  onStale?: 'conflict' | 'retry'
}

interface Reason {
  Code?: string
  Message?: string
  Item?: Record<string, unknown>
}

const MAX_ATTEMPTS = 4
const RACE_LOST = 'Someone else changed the same content at the same moment. Try again.'
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt + Math.random() * 20))

/** 409 with the item as it is now, so the editor sees both versions and loses nothing. */
export class StaleVersionError extends ApiError {
  constructor(
    readonly current: Record<string, unknown> & { version: number },
    expected: number,
  ) {
    super(409, `The item was changed by someone else (version ${current.version}, you had ${expected}). Compare and save again.`, 'stale_version', { current })
  }
}

/** The version condition the first write carries: the version the writer saw, or no item at all. */
function withVersionCondition(write: NonNullable<VersionedTransaction<unknown>['write']>, expectedVersion: number | undefined, partitionKey: string): TransactItem {
  const condition: { ConditionExpression: string; names: Record<string, string>; values: Record<string, unknown> } =
    expectedVersion === undefined
      ? { ConditionExpression: 'attribute_not_exists(#versionedKey)', names: { '#versionedKey': partitionKey }, values: {} }
      : { ConditionExpression: '#versionedVersion = :versionedExpected', names: { '#versionedVersion': 'version' }, values: { ':versionedExpected': expectedVersion } }
  const merge = (operation: Expression) => {
    const values = { ...operation.ExpressionAttributeValues, ...condition.values }
    return {
      ConditionExpression: condition.ConditionExpression,
      ExpressionAttributeNames: { ...operation.ExpressionAttributeNames, ...condition.names },
      ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
    }
  }
  if ('Put' in write) return { Put: { ...write.Put, ...merge({}) } }
  // An item moved elsewhere in the same transaction (content's bin): deleted only as the version the writer saw.
  if ('Delete' in write) return { Delete: { ...write.Delete, ...merge({}) } }
  return { Update: { ...write.Update, ...merge(write.Update) } }
}

/**
 * The one optimistic write: a transaction whose first write is conditioned on the item's version. A cancelled
 * transaction is read by its CancellationReasons, never guessed: the version condition → 404 or 409
 * 'stale_version' with the current item; another condition → what the caller names it; a write DynamoDB
 * refuses for its size → 413; races on records several writers share (TransactionConflict) → built again a
 * few times; anything else (throttling, a malformed request) is a server problem and is rethrown.
 */
export async function writeVersioned<T>(
  transact: (items: TransactItem[]) => Promise<void>,
  partitionKey: string,
  options: VersionedWriteOptions<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const built = await options.build()
    const rest = built.writes ?? []
    if (!built.write) return built.result
    const transaction = [withVersionCondition(built.write, built.expectedVersion, partitionKey), ...rest]
    try {
      await transact(transaction)
      return built.result
    } catch (error) {
      if ((error as Error).name !== 'TransactionCanceledException') throw error
      const reasons = ((error as { CancellationReasons?: Reason[] }).CancellationReasons ?? []) as Reason[]
      const last = attempt >= MAX_ATTEMPTS
      if (reasons[0]?.Code === 'ConditionalCheckFailed') {
        if (options.onStale === 'retry') {
          if (last) throw conflict(RACE_LOST)
          await pause(attempt)
          continue
        }
        // A create's id is a fresh ULID: finding it taken is a retry by the client, not someone else's edit.
        if (built.expectedVersion === undefined) throw conflict('This item exists already; it was created by an earlier request.')
        const current = await options.current()
        if (!current) throw notFound(options.missing)
        throw new StaleVersionError(current as Record<string, unknown> & { version: number }, built.expectedVersion)
      }
      const failed = reasons.flatMap((reason, index) =>
        index > 0 && reason.Code === 'ConditionalCheckFailed' ? [{ index: index - 1, write: rest[index - 1]!, item: reason.Item }] : [],
      )
      if (failed.length) {
        const explained = await options.explain?.(failed, { error, transaction })
        if (!explained) throw error
        if (explained !== 'retry') throw explained
        if (last) throw conflict(RACE_LOST)
        await pause(attempt)
        continue
      }
      if (reasons.some((reason) => reason.Code === 'ValidationError' && /size/i.test(reason.Message ?? '')))
        throw payloadTooLarge('The item is larger than DynamoDB can store (400 KB). Shorten the text or split it into several items.')
      if (reasons.some((reason) => reason.Code === 'TransactionConflict') && !last) {
        await pause(attempt)
        continue
      }
      throw error
    }
  }
}

import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record } from '@aws-sdk/client-dynamodb-streams'
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda'
import { emulatorCredentials, quietLogger } from '../../functions/shared/sdk-options.ts'

/** A Lambda event filter pattern (FilterCriteria), as far as this project uses it: values, value lists, `prefix`. */
export type EventPattern = { [field: string]: EventPattern | PatternRule[] }
type PatternRule = string | number | boolean | null | { prefix: string }

/** What an event source mapping would invoke in AWS: a handler, and the filter its mapping carries. */
export interface StreamConsumer {
  name: string
  filter?: EventPattern
  handle(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse | void>
}

function matchesRule(rule: PatternRule, actual: unknown): boolean {
  if (Array.isArray(actual)) return actual.some((value) => matchesRule(rule, value))
  if (rule === null || typeof rule !== 'object') return actual === rule
  if (Object.keys(rule).length === 1 && typeof rule.prefix === 'string') return typeof actual === 'string' && actual.startsWith(rule.prefix)
  // Lambda knows more operators (anything-but, numeric, exists…); fail loudly rather than match differently from it.
  throw new Error(`The local stream poller does not know the filter rule ${JSON.stringify(rule)}; add it as Lambda defines it`)
}

/** Whether a record passes a filter as Lambda's event filtering decides it: every field, one of its values. */
export function matchesPattern(pattern: EventPattern, value: unknown): boolean {
  return Object.entries(pattern).every(([field, rule]) => {
    const actual = (value as Record<string, unknown> | undefined)?.[field]
    if (Array.isArray(rule)) return rule.some((entry) => matchesRule(entry, actual))
    return typeof actual === 'object' && actual !== null && matchesPattern(rule, actual)
  })
}

/** A record as GetRecords returns it → as Lambda hands it over: binaries base64, the time in epoch seconds. */
export function lambdaRecord(record: _Record, eventSourceARN: string): DynamoDBRecord {
  const { ApproximateCreationDateTime, ...stream } = record.dynamodb ?? {}
  const json = JSON.parse(
    JSON.stringify(stream, function (this: Record<string, unknown>, key, value) {
      const original = this[key]
      return original instanceof Uint8Array ? Buffer.from(original).toString('base64') : value
    }),
  )
  const seconds = ApproximateCreationDateTime ? Math.floor(ApproximateCreationDateTime.getTime() / 1000) : undefined
  return { ...(record as DynamoDBRecord), dynamodb: { ...json, ApproximateCreationDateTime: seconds }, eventSourceARN }
}

export interface StreamPoller {
  /** Reads what the stream has now and hands it to the consumers; resolves when they are done. */
  poll(): Promise<number>
  stop(): Promise<void>
}

/**
 * Plays Lambda's DynamoDB stream event source locally, as media-events.ts plays S3's notifications: DynamoDB Local's
 * stream of one table, read with the Streams API from the time the poller starts, each batch filtered per consumer
 * by the same pattern its mapping has in AWS, and handed to the consumer's own handler. A consumer's failure is
 * logged and the poller moves on (Lambda would retry; no local consumer needs that yet).
 */
export async function startStreamPoller(options: {
  endpoint: string
  region: string
  table: string
  consumers: StreamConsumer[]
  /** Between polls; 0 polls only when asked (tests). */
  intervalMs?: number
  log?: (line: string) => void
}): Promise<StreamPoller> {
  const log = options.log ?? (() => {})
  const clientOptions = { region: options.region, endpoint: options.endpoint, credentials: emulatorCredentials, logger: quietLogger }
  const streams = new DynamoDBStreamsClient(clientOptions)
  const dynamo = new DynamoDBClient(clientOptions)
  const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: options.table }))
  dynamo.destroy()
  const streamArn = Table?.LatestStreamArn
  if (!streamArn) throw new Error(`Table ${options.table} has no stream (infra/definitions.ts says which tables have one)`)

  // Shard id → iterator; null once the shard is closed and read to its end.
  const shards = new Map<string, string | null>()
  const iterator = async (ShardId: string, ShardIteratorType: 'LATEST' | 'TRIM_HORIZON') =>
    (await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId, ShardIteratorType }))).ShardIterator ?? null
  /** Shards seen at the start are read from now on; those that appear later (a closed shard's children) from their start. */
  async function discover(position: 'LATEST' | 'TRIM_HORIZON') {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }))
    for (const shard of StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || shards.has(shard.ShardId)) continue
      const closed = Boolean(shard.SequenceNumberRange?.EndingSequenceNumber)
      shards.set(shard.ShardId, position === 'LATEST' && closed ? null : await iterator(shard.ShardId, position))
    }
  }
  await discover('LATEST')

  async function deliver(records: DynamoDBRecord[]) {
    for (const consumer of options.consumers) {
      const Records = consumer.filter ? records.filter((record) => matchesPattern(consumer.filter!, record)) : records
      if (!Records.length) continue
      try {
        const response = await consumer.handle({ Records })
        if (response?.batchItemFailures.length) log(`Stream consumer ${consumer.name} reported ${response.batchItemFailures.length} failed record(s)`)
      } catch (error) {
        log(`Stream consumer ${consumer.name} failed: ${(error as Error).message}`)
      }
    }
  }

  async function cycle(): Promise<number> {
    let delivered = 0
    let anyClosed = false
    for (const [shardId, current] of shards) {
      if (!current) continue
      const { Records = [], NextShardIterator } = await streams.send(new GetRecordsCommand({ ShardIterator: current, Limit: 100 }))
      shards.set(shardId, NextShardIterator ?? null)
      anyClosed ||= !NextShardIterator
      if (Records.length) await deliver(Records.map((record) => lambdaRecord(record, streamArn!)))
      delivered += Records.length
    }
    if (anyClosed || ![...shards.values()].some(Boolean)) await discover('TRIM_HORIZON')
    return delivered
  }

  // One cycle at a time, whether the timer or a test asks.
  let running: Promise<number> = Promise.resolve(0)
  const poll = () => (running = running.catch(() => 0).then(cycle))
  let stopped = false
  let busy = false
  const interval = options.intervalMs ?? 1000
  const timer = interval
    ? setInterval(() => {
        if (stopped || busy) return
        busy = true
        poll()
          .catch((error: Error) => log(`Reading the ${options.table} stream failed: ${error.message}`))
          .finally(() => (busy = false))
      }, interval)
    : undefined
  // Never what keeps a process alive: whoever started the poller stops it.
  timer?.unref()
  return {
    poll,
    async stop() {
      stopped = true
      clearInterval(timer)
      await running.catch(() => 0)
      streams.destroy()
    },
  }
}

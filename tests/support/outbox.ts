import type { DynamoDBRecord } from 'aws-lambda'
import { invalidationFromStream, invalidationStreamFilter, type InvalidationRequest } from '../../functions/content/invalidation-outbox.ts'
import type { RuntimeConfig } from '../../functions/shared/config.ts'
import { startStreamPoller, type StreamConsumer } from '../../infra/local/stream-events.ts'

/**
 * Reads the CDN's outbox as the invalidator gets it: the test table's real stream in DynamoDB Local, through the
 * local poller with the mapping's own filter. `take()` polls once and returns what arrived since the last take.
 */
export async function watchOutbox(config: RuntimeConfig, extra: StreamConsumer[] = []) {
  const records: DynamoDBRecord[] = []
  const poller = await startStreamPoller({
    endpoint: config.endpoints!.dynamodb!,
    region: config.region,
    table: config.tables.content,
    intervalMs: 0,
    consumers: [{ name: 'outbox', filter: invalidationStreamFilter, handle: async (event) => void records.push(...event.Records) }, ...extra],
  })
  return {
    poller,
    /** The outbox records new since the last call, whole (as Lambda would hand them over). */
    async takeRecords(): Promise<DynamoDBRecord[]> {
      await poller.poll()
      return records.splice(0)
    },
    async take(): Promise<InvalidationRequest[]> {
      return (await this.takeRecords()).map((record) => invalidationFromStream(record)!)
    },
    stop: () => poller.stop(),
  }
}

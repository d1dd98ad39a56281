import { invalidationStreamFilter } from '../../functions/content/invalidation-outbox.ts'
import { createInvalidationHandler } from '../../functions/content/invalidator.ts'
import type { RuntimeConfig } from '../../functions/shared/config.ts'
import { startStreamPoller, type StreamConsumer } from './stream-events.ts'

/**
 * What consumes the content table's stream, as the event source mappings in infra/stacks/functions.ts do in AWS.
 * Today the invalidator; there is no CDN on a developer's machine, so its sender only says what it would refresh.
 */
export function contentStreamConsumers(log: (line: string) => void): StreamConsumer[] {
  return [
    {
      name: 'invalidator',
      filter: invalidationStreamFilter,
      handle: createInvalidationHandler({ send: async ({ paths }) => log(`CDN (none locally) would refresh ${paths.join(' ')}`), log: () => {} }),
    },
  ]
}

/** Polls the content table's stream for the local runner (infra/local/system.ts). */
export const startContentStream = (config: RuntimeConfig, log: (line: string) => void) =>
  startStreamPoller({ endpoint: config.endpoints!.dynamodb!, region: config.region, table: config.tables.content, consumers: contentStreamConsumers(log), log })

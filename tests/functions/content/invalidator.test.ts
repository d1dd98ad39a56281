import type { DynamoDBRecord } from 'aws-lambda'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cloudFrontInvalidations } from '../../../functions/content/cloudfront.ts'
import { invalidationStreamFilter } from '../../../functions/content/invalidation-outbox.ts'
import { createInvalidationHandler } from '../../../functions/content/invalidator.ts'
import { matchesPattern } from '../../../infra/local/stream-events.ts'
import { startCloudFrontStub } from '../../support/cloudfront-stub.ts'
import { createEditorEnvironment } from '../../support/editors.ts'
import { publishNew, testArticle } from '../../support/fixtures.ts'
import { watchOutbox } from '../../support/outbox.ts'

/**
 * The invalidator function's handler, fed DynamoDB Local's own stream records of real publishes, sending real SDK
 * requests to a CloudFront stub on loopback.
 */
describe('the invalidator', () => {
  let env: Awaited<ReturnType<typeof createEditorEnvironment>>
  let outbox: Awaited<ReturnType<typeof watchOutbox>>
  let cloudfront: Awaited<ReturnType<typeof startCloudFrontStub>>
  const everything: DynamoDBRecord[] = []
  const logged: Array<Record<string, unknown>> = []
  let handler: ReturnType<typeof createInvalidationHandler>
  beforeAll(async () => {
    env = await createEditorEnvironment('invalidator')
    // Beside the filtered outbox, every record of the table, to hold the filter against.
    outbox = await watchOutbox(env.config, [{ name: 'all', handle: async (event) => void everything.push(...event.Records) }])
    cloudfront = await startCloudFrontStub()
    const send = cloudFrontInvalidations({
      distributionId: 'E2KOMPETANSE',
      client: { endpoint: cloudfront.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } },
    })
    handler = createInvalidationHandler({ send, log: (entry) => void logged.push(entry) })
  })
  afterAll(async () => {
    await outbox?.stop()
    await cloudfront?.stop()
  })

  it('lets through the mapping’s filter only new outbox records, none of the item’s own', async () => {
    everything.length = 0
    await publishNew(env.services, testArticle('ostfold', 'filtrert'))
    const records = await outbox.takeRecords()
    expect(records).toHaveLength(1)
    // The create, its revision and slug, the publish's snapshot, entries and counts: all in the stream, none passes.
    expect(everything.length).toBeGreaterThan(5)
    expect(everything.filter((record) => matchesPattern(invalidationStreamFilter, record))).toEqual(records)
  })

  it('sends a batch of publishes as one invalidation of their merged paths, and the same batch again as the same one', async () => {
    await publishNew(env.services, testArticle('ostfold', 'forste-i-batch'))
    await publishNew(env.services, testArticle('vestfold', 'andre-i-batch'))
    const records = await outbox.takeRecords()
    expect(records).toHaveLength(2)
    cloudfront.received.length = 0

    expect(await handler({ Records: records })).toEqual({ batchItemFailures: [] })
    expect(cloudfront.received).toEqual([{ distributionId: 'E2KOMPETANSE', paths: ['/ostfold*', '/vestfold*'], callerReference: expect.stringMatching(/^batch-[0-9a-f]{40}$/) }])
    // Lambda delivers a batch again after a timeout: CloudFront sees the same reference and makes no second one.
    await handler({ Records: [...records].reverse() })
    expect(cloudfront.received[1]).toEqual(cloudfront.received[0])
  })

  it('names a single change’s invalidation by its record', async () => {
    await publishNew(env.services, testArticle('innlandet', 'alene'))
    const records = await outbox.takeRecords()
    cloudfront.received.length = 0
    await handler({ Records: records })
    expect(cloudfront.received).toEqual([{ distributionId: 'E2KOMPETANSE', paths: ['/innlandet*'], callerReference: records[0]!.dynamodb!.Keys!.PK!.S!.replace('INVALIDATION#', '') }])
  })

  it('reports the batch failed from its first record when CloudFront refuses, so Lambda retries it', async () => {
    await publishNew(env.services, testArticle('ostfold', 'avvist-forst'))
    const records = await outbox.takeRecords()
    cloudfront.received.length = 0
    cloudfront.refuse(1)
    expect(await handler({ Records: records })).toEqual({ batchItemFailures: [{ itemIdentifier: records[0]!.dynamodb!.SequenceNumber }] })
    expect(logged.at(-1)).toMatchObject({ invalidationFailed: 'TooManyInvalidationsInProgress' })
    expect(cloudfront.received).toEqual([])
    expect(await handler({ Records: records })).toEqual({ batchItemFailures: [] })
    expect(cloudfront.received.map((invalidation) => invalidation.paths)).toEqual([['/ostfold*']])
  })

  it('sends nothing for a batch without outbox records (a TTL removal, say)', async () => {
    const removal: DynamoDBRecord = { eventName: 'REMOVE', dynamodb: { Keys: { PK: { S: 'INVALIDATION#01J' }, SK: { S: 'PATHS' } }, SequenceNumber: '1' } }
    expect(matchesPattern(invalidationStreamFilter, removal)).toBe(false)
    cloudfront.received.length = 0
    expect(await handler({ Records: [removal] })).toEqual({ batchItemFailures: [] })
    expect(cloudfront.received).toEqual([])
  })
})

import { beforeAll, describe, expect, it } from 'vitest'
import type { Services } from '../../../functions/services.ts'
import { conflict } from '../../../functions/shared/errors.ts'
import type { VersionedWriteOptions } from '../../../functions/shared/versioned.ts'
import { createTestEnvironment } from '../../support/environment.ts'

describe('the optimistic write (Db.writeVersioned) reads a cancelled transaction by its reasons', () => {
  let services: Services
  const key = { PK: 'TENANT#versjon', SK: 'ITEM#one' }
  const current = async () => services.db.get<Record<string, unknown>>(key, { consistent: true })
  const write = (options: Partial<VersionedWriteOptions<string>> & Pick<VersionedWriteOptions<string>, 'build'>) =>
    services.db.writeVersioned<string>({ missing: 'No item one in versjon.', current, ...options })
  beforeAll(async () => {
    ;({ services } = await createTestEnvironment('versioned'))
    await services.db.put({ ...key, title: 'Første', version: 3 })
  })

  it('writes when the version is the one the writer saw', async () => {
    await expect(write({ build: () => ({ write: { Put: { Item: { ...key, title: 'Andre', version: 4 } } }, expectedVersion: 3, result: 'ok' }) })).resolves.toBe('ok')
    expect(await current()).toMatchObject({ title: 'Andre', version: 4 })
  })

  it('answers a stale version with 409 stale_version carrying the current item', async () => {
    const stale = write({ build: () => ({ write: { Put: { Item: { ...key, title: 'Gammel', version: 4 } } }, expectedVersion: 3, result: 'ok' }) })
    await expect(stale).rejects.toMatchObject({ status: 409, code: 'stale_version', details: { current: expect.objectContaining({ title: 'Andre', version: 4 }) } })
  })

  it('answers a missing item with 404', async () => {
    const missing = services.db.writeVersioned({
      missing: 'No item two in versjon.',
      current: async () => undefined,
      build: () => ({ write: { Put: { Item: { PK: 'TENANT#versjon', SK: 'ITEM#two', version: 2 } } }, expectedVersion: 1, result: 'ok' }),
    })
    await expect(missing).rejects.toMatchObject({ status: 404, message: 'No item two in versjon.' })
  })

  it('answers a named condition the way its caller names it, and writes nothing', async () => {
    await services.db.put({ PK: 'TENANT#versjon', SK: 'SLUG#taken', itemId: 'other' })
    const taken = write({
      build: () => ({
        write: { Put: { Item: { ...key, title: 'Tredje', version: 5 } } },
        expectedVersion: 4,
        writes: [{ Put: { Item: { PK: 'TENANT#versjon', SK: 'SLUG#taken', itemId: 'one' }, ConditionExpression: 'attribute_not_exists(PK)' } }],
        result: 'ok',
      }),
      explain: (failed) => (failed[0]?.index === 0 ? conflict('The address is taken.', 'slug_taken') : undefined),
    })
    await expect(taken).rejects.toMatchObject({ status: 409, code: 'slug_taken' })
    expect(await current()).toMatchObject({ title: 'Andre', version: 4 })
  })

  it('never reports a failed condition nobody named as a conflict: the original error goes up', async () => {
    const unnamed = write({
      build: () => ({
        write: { Put: { Item: { ...key, title: 'Fjerde', version: 5 } } },
        expectedVersion: 4,
        writes: [{ ConditionCheck: { Key: { PK: 'TENANT#versjon', SK: 'NOTHING' }, ConditionExpression: 'attribute_exists(PK)' } }],
        result: 'ok',
      }),
    })
    const error = await unnamed.catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'TransactionCanceledException' })
    expect(error).not.toHaveProperty('status')
  })

  it('answers a record grown past DynamoDB’s item limit with 413, not a 409 “changed by someone else”', async () => {
    // The incident: an edition's STATS record near 400 KB, and every publish into it answered 409 for ever.
    const stats = { PK: 'TENANT#versjon', SK: 'STATS' }
    await services.db.put({ ...stats, ...Object.fromEntries(Array.from({ length: 43 }, (_, index) => [`n:${'x'.repeat(9_000)}:${index}`, 1])) })
    const tooLarge = write({
      build: () => ({
        write: { Put: { Item: { ...key, title: 'Femte', version: 5 } } },
        expectedVersion: 4,
        writes: [{ Update: { Key: stats, UpdateExpression: 'ADD #n :one', ExpressionAttributeNames: { '#n': `n:${'y'.repeat(30_000)}` }, ExpressionAttributeValues: { ':one': 1 } } }],
        result: 'ok',
      }),
    })
    const error = await tooLarge.catch((caught: unknown) => caught)
    expect(error).not.toMatchObject({ status: 409 })
    expect(error).toMatchObject({ status: 413, code: 'payload_too_large' })
    expect(await current()).toMatchObject({ title: 'Andre', version: 4 })
  })

  it('builds again when the caller names a race on a shared record, and gives up with a conflict after a few tries', async () => {
    let builds = 0
    const racing = write({
      build: () => {
        builds++
        return {
          write: { Put: { Item: { ...key, title: 'Sjette', version: 5 } } },
          expectedVersion: 4,
          writes: [{ ConditionCheck: { Key: { PK: 'TENANT#versjon', SK: 'NOTHING' }, ConditionExpression: 'attribute_exists(PK)' } }],
          result: 'ok',
        }
      },
      explain: () => 'retry',
    })
    await expect(racing).rejects.toMatchObject({ status: 409, code: 'conflict' })
    expect(builds).toBe(4)
  })
})

import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb'
import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import { MAX_SCHEDULE_ATTEMPTS, RUN_LIMITS } from '../../../functions/content/scheduling.ts'
import { createServices, type Services } from '../../../functions/services.ts'
import { createAwsClients } from '../../../functions/shared/aws.ts'
import { createTestEnvironment } from '../../support/environment.ts'
import { seedCatalog, testArticle } from '../../support/fixtures.ts'

/**
 * An item whose stored fields no longer pass their schema (summary is a number): every scheduled publish of it
 * fails, as a record that keeps failing for any reason would. Written straight to the table with its
 * schedule record, as the editor API would have left them.
 */
async function failingSchedule(services: Services, tenant: string, at: string) {
  const id = ulid()
  const item = { ...testArticle(tenant, `odelagt-${id.toLowerCase()}`), id, summary: 42, status: 'scheduled', version: 1, createdAt: at, updatedAt: at, scheduledPublishAt: at }
  await services.db.put({ PK: `TENANT#${tenant}`, SK: `ITEM#${id}`, ...item })
  await services.db.put({ PK: 'SCHEDULE', SK: `${at}#${tenant}#${id}#publish`, tenant, id })
  return id
}

const scheduleRecords = async (services: Services) =>
  (await services.db.query<{ SK: string; id: string }>({ partitionKey: { name: 'PK', value: 'SCHEDULE' }, limit: 1000 })).items

describe('the scheduler serves every tenant, and gives up on what keeps failing', () => {
  let services: Services
  let clock = new Date('2027-01-04T08:00:00.000Z')
  beforeAll(async () => {
    const { config } = await createTestEnvironment('scheduler-failures')
    services = createServices(config, createAwsClients(config), { now: () => clock })
    await seedCatalog(services, ['nasjonal', 'innlandet', 'vestfold', 'akershus'])
  })

  it('publishes a due item in one region although 150 records of another region fail before it', async () => {
    clock = new Date('2027-01-04T08:00:00.000Z')
    const draft = await services.content.create(testArticle('innlandet', 'kommer-likevel'))
    await services.content.schedule('innlandet', draft.id, 1, { publishAt: '2027-01-04T09:00:01Z' })
    // Due a second earlier, so every one of them sorts before the innlandet record.
    for (let batch = 0; batch < 150; batch += 25) await Promise.all(Array.from({ length: 25 }, () => failingSchedule(services, 'vestfold', '2027-01-04T09:00:00.000Z')))

    clock = new Date('2027-01-04T09:01:00.000Z')
    // The run's record limit, not its time limit: 151 records on a loaded DynamoDB Local may take longer than the
    // 40 s a Lambda run stops at, and what is claimed here is the order, not the speed.
    const results = await services.content.runDue({ ...RUN_LIMITS, millis: Number.POSITIVE_INFINITY })
    expect(results.filter((result) => result.tenant === 'vestfold' && result.outcome === 'retrying')).toHaveLength(150)
    expect(results.find((result) => result.tenant === 'innlandet')).toEqual({ tenant: 'innlandet', id: draft.id, action: 'publish', outcome: 'done' })
    expect(await services.content.getPublished('innlandet', 'artikler', 'kommer-likevel')).toBeDefined()

    // The failing records moved later, out of the way: the next minute has nothing due.
    clock = new Date('2027-01-04T09:01:30.000Z')
    expect(await services.runSchedules()).toEqual([])

    // Planted for this case only: left, all 150 would fall due again in the next cases' later months and be retried
    // first in every run there (five times each, a few minutes on a loaded machine), crowding out what they test.
    const planted = (await scheduleRecords(services)).filter((record) => record.SK.includes('#vestfold#'))
    expect(planted).toHaveLength(150)
    for (let start = 0; start < planted.length; start += 25)
      await services.db.client.send(
        new BatchWriteCommand({ RequestItems: { [services.config.tables.content]: planted.slice(start, start + 25).map(({ SK }) => ({ DeleteRequest: { Key: { PK: 'SCHEDULE', SK } } })) } }),
      )
  })

  it('gives up on a record after a bounded number of tries, and the item says why', async () => {
    clock = new Date('2027-02-01T08:00:00.000Z')
    const id = await failingSchedule(services, 'akershus', '2027-02-01T08:00:00.000Z')
    const outcomes: string[] = []
    for (let minute = 1; outcomes.length < MAX_SCHEDULE_ATTEMPTS; minute++) {
      clock = new Date(Date.parse('2027-02-01T08:00:00.000Z') + minute * 60_000)
      for (const result of await services.runSchedules()) if (result.id === id) outcomes.push(result.outcome)
      expect(minute).toBeLessThan(30)
    }
    expect(outcomes).toEqual(['retrying', 'retrying', 'retrying', 'retrying', 'failed'])
    const item = await services.content.getItem('akershus', id)
    expect(item).toMatchObject({
      status: 'draft',
      version: 2,
      scheduleFailure: { action: 'publish', attempts: MAX_SCHEDULE_ATTEMPTS, reason: expect.stringMatching(/does not match its schema|summary/i), at: clock.toISOString() },
    })
    expect(item?.scheduledPublishAt).toBeUndefined()
    expect((await scheduleRecords(services)).filter((record) => record.id === id)).toEqual([])

    // Once the item is right again, a new plan clears the failure.
    await services.db.put({ PK: 'TENANT#akershus', SK: `ITEM#${id}`, ...item!, summary: 'Rettet ingress.' })
    const rescheduled = await services.content.schedule('akershus', id, 2, { publishAt: '2027-02-02T08:00:00Z' })
    expect(rescheduled.scheduleFailure).toBeUndefined()
    expect((await services.content.getItem('akershus', id))?.scheduleFailure).toBeUndefined()
  })

  it('tells the editor at once when a scheduled publish is refused by the publish rules, and a publish clears it', async () => {
    clock = new Date('2027-03-01T08:00:00.000Z')
    const draft = await services.content.create(testArticle('akershus', 'mangler-alt'))
    const scheduled = await services.content.schedule('akershus', draft.id, 1, { publishAt: '2027-03-01T09:00:00Z' })
    // The image lost its description after the plan was made (written directly: a save would check the file too).
    await services.db.put({ PK: 'TENANT#akershus', SK: `ITEM#${draft.id}`, ...scheduled, image: { src: `/media/tenants/akershus/media/${ulid()}/bilde.png`, alt: '' } })
    clock = new Date('2027-03-01T09:00:30.000Z')
    const results = (await services.runSchedules()).filter((result) => result.id === draft.id)
    expect(results).toMatchObject([{ outcome: 'refused', detail: expect.stringContaining('alt text') }])
    const refused = await services.content.getItem('akershus', draft.id)
    expect(refused).toMatchObject({ status: 'draft', scheduleFailure: { action: 'publish', reason: expect.stringContaining('alt text'), attempts: 1 } })

    await services.db.put({ PK: 'TENANT#akershus', SK: `ITEM#${draft.id}`, ...refused!, image: undefined })
    const published = await services.content.publish('akershus', draft.id, refused!.version)
    expect(published.scheduleFailure).toBeUndefined()
  })

  it('answers a schedule for an unknown item with 404, as every other write does', async () => {
    await expect(services.content.schedule('akershus', ulid(), 1, { publishAt: '2030-01-01T00:00:00Z' })).rejects.toMatchObject({ status: 404, code: 'not_found' })
  })
})

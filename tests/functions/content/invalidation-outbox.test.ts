import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invalidationLimits, invalidationWrite, mergePaths } from '../../../functions/content/invalidation-outbox.ts'
import { createServices } from '../../../functions/services.ts'
import { createAwsClients } from '../../../functions/shared/aws.ts'
import { itemSize } from '../../../functions/shared/item-size.ts'
import { StaleVersionError } from '../../../functions/shared/versioned.ts'
import { createEditorEnvironment } from '../../support/editors.ts'
import { publishNew, testArticle } from '../../support/fixtures.ts'
import { watchOutbox } from '../../support/outbox.ts'
import { bank, publishCourse } from '../courses/exam-support.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>

describe('merging paths within CloudFront’s limits', () => {
  it('keeps a regional change exact, dropping what a wildcard already covers', () => {
    expect(mergePaths(['/ostfold*', '/ostfold/artikler/ny*', '/ostfold/artikler/gammel*', '/innlandet*'])).toEqual(['/innlandet*', '/ostfold*'])
    expect(mergePaths(['/ostfold/e-kurs/kurs/eksamen', '/ostfold/e-kurs/kurs/eksamen'])).toEqual(['/ostfold/e-kurs/kurs/eksamen'])
  })

  it('takes whole editions when single pages would pass the wildcard limit, and everything when editions would', () => {
    const pages = ['a', 'b', 'c', 'd', 'e', 'f'].map((slug) => `/vestfold/artikler/${slug}*`)
    expect(mergePaths(pages)).toEqual(['/vestfold*'])
    const editions = ['akershus', 'innlandet', 'nasjonal', 'ostfold', 'vestfold', 'fagtema'].map((edition) => `/${edition}*`)
    expect(mergePaths(editions)).toEqual(['/*'])
  })

  it('fits any number of paths into one invalidation and one small outbox record', () => {
    const many = Array.from({ length: 5000 }, (_, index) => `/vestfold/artikler/side-${index}`)
    expect(mergePaths(many)).toEqual(['/vestfold*'])
    const everywhere = many.map((path, index) => path.replace('vestfold', `region-${index}`))
    const [write] = invalidationWrite(everywhere, 'test', new Date())
    expect((write as { Put: { Item: { paths: string[] } } }).Put.Item.paths).toEqual(['/*'])
    expect(itemSize((write as { Put: { Item: Record<string, unknown> } }).Put.Item)).toBeLessThan(300)
    for (const paths of [mergePaths(many), mergePaths(everywhere)]) {
      expect(paths.length).toBeLessThanOrEqual(invalidationLimits.paths)
      expect(paths.filter((path) => path.endsWith('*')).length).toBeLessThanOrEqual(invalidationLimits.wildcards)
    }
  })
})

/** Every change readers see leaves one outbox record in its own transaction, read here from the table's real stream. */
describe('the CDN’s outbox', () => {
  let env: Env
  let outbox: Awaited<ReturnType<typeof watchOutbox>>
  beforeAll(async () => {
    env = await createEditorEnvironment('outbox')
    outbox = await watchOutbox(env.config)
  })
  afterAll(() => outbox?.stop())

  it('a publish writes exactly one record, with the pages it changed and a TTL a day ahead', async () => {
    const draft = await env.services.content.create(testArticle('ostfold', 'i-utboksen'))
    const before = Math.floor(Date.now() / 1000)
    const response = await env.call('POST', `/api/editor/tenants/ostfold/items/${draft.id}/publish`, env.tokens.admin, { version: draft.version })
    expect(response.status).toBe(200)
    const records = await outbox.takeRecords()
    expect(records).toHaveLength(1)
    const image = records[0]!.dynamodb!.NewImage!
    expect(image.paths!.L!.map((value) => value.S)).toEqual(['/ostfold*'])
    expect(image.reference!.S).toBe(`publish ostfold/${draft.id} v2`)
    expect(Number(image.expiresAt!.N) - before).toBeGreaterThanOrEqual(24 * 60 * 60 - 5)
    expect(Number(image.expiresAt!.N) - before).toBeLessThanOrEqual(24 * 60 * 60 + 5)
  })

  it('a publish that fails its version condition writes none', async () => {
    const item = await publishNew(env.services, testArticle('ostfold', 'utdatert'))
    await outbox.take()
    await expect(env.services.content.publish('ostfold', item.id, item.version - 1)).rejects.toBeInstanceOf(StaleVersionError)
    const refused = await env.call('POST', `/api/editor/tenants/ostfold/items/${item.id}/unpublish`, env.tokens.admin, { version: item.version - 1 })
    expect(refused.status).toBe(409)
    expect(await outbox.take()).toEqual([])
  })

  it('withdrawing a shared item merges the national edition’s many sections into one path', async () => {
    const item = await publishNew(env.services, testArticle('akershus', 'delt-og-trukket', { sharedNationally: true }))
    await outbox.take()
    const change = await env.services.content.changes.withdraw('akershus', item.id, item.version, 'archived')
    expect(change.paths).toContain('/nasjonal*')
    expect(await outbox.take()).toEqual([{ id: expect.any(String), paths: ['/*'], reference: `archived akershus/${item.id} v${item.version + 1}` }])
  })

  it('follow, unfollow and featuring each write one; a follow that changes nothing writes none', async () => {
    const item = await publishNew(env.services, testArticle('akershus', 'folges', { sharedNationally: true }))
    await outbox.take()
    expect((await env.call('POST', `/api/editor/tenants/innlandet/follows/akershus/${item.id}`, env.tokens.innlandet)).status).toBe(204)
    expect((await env.call('POST', `/api/editor/tenants/innlandet/follows/akershus/${item.id}`, env.tokens.innlandet)).status).toBe(204)
    expect((await env.call('DELETE', `/api/editor/tenants/innlandet/follows/akershus/${item.id}`, env.tokens.innlandet)).status).toBe(204)
    const featured = await env.call('POST', `/api/editor/tenants/akershus/items/${item.id}/featured`, env.tokens.akershus, { version: item.version, featured: true })
    expect(featured.status).toBe(200)
    expect((await outbox.take()).map(({ paths, reference }) => [paths, reference])).toEqual([
      [['/innlandet*'], `follow akershus/${item.id} in innlandet`],
      [['/innlandet*'], `unfollow akershus/${item.id} in innlandet`],
      [['/akershus*'], `feature in akershus akershus/${item.id} v${item.version + 1}`],
    ])
  })

  it('a scheduled publish writes one, in the transaction that removes its schedule', async () => {
    let clock = new Date(Date.now() + 60_000)
    const scheduler = createServices(env.config, createAwsClients(env.config), { now: () => clock })
    const draft = await scheduler.content.create(testArticle('vestfold', 'planlagt-utboks'))
    await scheduler.content.schedule('vestfold', draft.id, draft.version, { publishAt: new Date(clock.getTime() + 60_000).toISOString() })
    await outbox.take()
    clock = new Date(clock.getTime() + 120_000)
    expect(await scheduler.runSchedules()).toEqual([{ tenant: 'vestfold', id: draft.id, action: 'publish', outcome: 'done' }])
    expect(await outbox.take()).toEqual([{ id: expect.any(String), paths: ['/vestfold*'], reference: `publish vestfold/${draft.id} v3` }])
    expect(await scheduler.runSchedules()).toEqual([])
    expect(await outbox.take()).toEqual([])
  })

  it('an exam’s publish writes one for its intro page', async () => {
    const course = await publishCourse(env.services, 'akershus', 'utboks-kurs')
    const exam = `/api/editor/tenants/akershus/courses/${course.id}/exam`
    expect((await env.call('PUT', exam, env.tokens.akershus, { version: 0, ...bank('u') })).status).toBe(200)
    await outbox.take()
    expect((await env.call('POST', `${exam}/publish`, env.tokens.akershus, { version: 1 })).status).toBe(200)
    expect((await outbox.take()).map((request) => request.paths)).toEqual([['/akershus/e-kurs/utboks-kurs/eksamen']])
  })
})

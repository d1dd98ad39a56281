import { beforeAll, describe, expect, it } from 'vitest'
import { createServices, type Services } from '../../../functions/services.ts'
import { createAwsClients } from '../../../functions/shared/aws.ts'
import { createTestEnvironment } from '../../support/environment.ts'
import { seedCatalog, testArticle } from '../../support/fixtures.ts'

describe('scheduled publishing and unpublishing', () => {
  let services: Services
  let clock = new Date('2026-12-01T08:00:00.000Z')
  beforeAll(async () => {
    const { config } = await createTestEnvironment('scheduling')
    services = createServices(config, createAwsClients(config), { now: () => clock })
    await seedCatalog(services, ['nasjonal', 'innlandet'])
  })
  const at = (iso: string) => (clock = new Date(iso))

  it('publishes at the chosen time (given in Oslo time) and unpublishes later, each exactly once', async () => {
    at('2026-12-01T08:00:00.000Z')
    const draft = await services.content.create(testArticle('innlandet', 'planlagt'))
    // 10:00 in Oslo in December is 09:00 UTC.
    const scheduled = await services.content.schedule('innlandet', draft.id, 1, { publishAt: '2026-12-01T10:00:00+01:00', unpublishAt: '2026-12-02T10:00:00+01:00' })
    expect(scheduled).toMatchObject({ status: 'scheduled', scheduledPublishAt: '2026-12-01T09:00:00.000Z' })

    at('2026-12-01T08:59:00.000Z')
    expect(await services.runSchedules()).toEqual([])
    expect(await services.content.getPublished('innlandet', 'artikler', 'planlagt')).toBeUndefined()

    at('2026-12-01T09:00:30.000Z')
    expect(await services.runSchedules()).toEqual([{ tenant: 'innlandet', id: draft.id, action: 'publish', outcome: 'done' }])
    expect(await services.content.getPublished('innlandet', 'artikler', 'planlagt')).toBeDefined()
    expect(await services.content.getItem('innlandet', draft.id)).toMatchObject({ status: 'published', scheduledUnpublishAt: '2026-12-02T09:00:00.000Z' })
    expect(await services.runSchedules()).toEqual([])

    at('2026-12-02T09:01:00.000Z')
    expect(await services.runSchedules()).toMatchObject([{ action: 'unpublish', outcome: 'done' }])
    expect(await services.content.readerView('innlandet', 'artikler', 'planlagt')).toBe('gone')
  })

  it('forgets a schedule the editor moved, and acts on the new time', async () => {
    at('2026-12-03T08:00:00.000Z')
    const draft = await services.content.create(testArticle('innlandet', 'flyttet'))
    const first = await services.content.schedule('innlandet', draft.id, 1, { publishAt: '2026-12-03T09:00:00Z' })
    await services.content.schedule('innlandet', draft.id, first.version, { publishAt: '2026-12-03T12:00:00Z' })
    at('2026-12-03T10:00:00.000Z')
    expect(await services.runSchedules()).toEqual([])
    at('2026-12-03T12:00:01.000Z')
    expect(await services.runSchedules()).toMatchObject([{ id: draft.id, outcome: 'done' }])
  })

  it('cancels: a schedule cleared by the editor never fires', async () => {
    at('2026-12-04T08:00:00.000Z')
    const draft = await services.content.create(testArticle('innlandet', 'avlyst'))
    const scheduled = await services.content.schedule('innlandet', draft.id, 1, { publishAt: '2026-12-04T09:00:00Z' })
    const cleared = await services.content.schedule('innlandet', draft.id, scheduled.version, {})
    expect(cleared.status).toBe('draft')
    at('2026-12-04T10:00:00.000Z')
    expect(await services.runSchedules()).toEqual([])
    expect(await services.content.getPublished('innlandet', 'artikler', 'avlyst')).toBeUndefined()
  })

  it.each([
    [{ publishAt: '2026-12-05T07:00:00Z' }, /must be in the future/],
    [{ publishAt: '2026-12-05T12:00:00Z', unpublishAt: '2026-12-05T11:00:00Z' }, /must come after publishAt/],
    [{ unpublishAt: '2026-12-06T12:00:00Z' }, /Only a published item/],
  ])('refuses an impossible schedule %j with a clear 400', async (times, message) => {
    at('2026-12-05T08:00:00.000Z')
    const draft = await services.content.create(testArticle('innlandet', `umulig-${Math.random().toString(36).slice(2, 8)}`))
    await expect(services.content.schedule('innlandet', draft.id, 1, times)).rejects.toMatchObject({ status: 400, message: expect.stringMatching(message) })
    expect(await services.content.getItem('innlandet', draft.id)).toMatchObject({ version: 1, status: 'draft' })
  })
})

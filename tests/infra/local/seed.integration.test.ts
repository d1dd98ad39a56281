import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3'
import { beforeAll, describe, expect, it } from 'vitest'
import { initialTenantIds } from '../../../infra/definitions.ts'
import { demoItems, seedCatalog, seedDemoContent } from '../../../infra/local/seed/index.ts'
import { loadFixtures } from '../../../infra/local/seed/fixtures.ts'
import { contentTypes } from '../../../functions/content/schema.ts'
import type { Services } from '../../../functions/services.ts'
import { copyDemoContent } from '../../support/demo-template.ts'
import { createTestEnvironment } from '../../support/environment.ts'

const expected = demoItems({ now: new Date(), fixtures: loadFixtures() }).length

describe('seedDemoContent against the emulators', () => {
  let services: Services
  let first: { created: number; skipped: number }
  let second: { created: number; skipped: number }
  let now: Date

  beforeAll(async () => {
    ;({ services } = await createTestEnvironment('seed'))
    // The first seed is the run's demo template (tests/support/demo-template.ts: seedDemoContent into empty tables),
    // copied here as it was left; the second runs over that copy, as a restart of npm start runs over .data/.
    const template = await copyDemoContent(services)
    now = new Date(template.now)
    first = template.result
    second = await seedDemoContent(services, { now })
  })

  it('creates everything once, and nothing the second time', () => {
    expect(first).toEqual({ created: expected, skipped: 0 })
    expect(second).toEqual({ created: 0, skipped: expected })
  })

  it('stores the tenants and topics', async () => {
    const catalog = await services.catalog.get()
    expect(catalog.tenants.map((tenant) => tenant.id).sort()).toEqual([...initialTenantIds].sort())
    expect(catalog.topics).toHaveLength(18)
    expect(catalog.nationalTenant?.id).toBe('nasjonal')
  })

  it.each(initialTenantIds)('publishes every type in the %s edition', async (edition) => {
    for (const type of contentTypes) {
      const page = await services.content.listEdition(edition, { type, limit: 50 })
      expect(page.items.length, type).toBeGreaterThanOrEqual(2)
    }
    const upcoming = await services.content.upcomingEvents(edition, { from: now, limit: 10 })
    expect(upcoming.items.length).toBeGreaterThanOrEqual(2)
  })

  it('shows content from every region in the national edition', async () => {
    const page = await services.content.listEdition('nasjonal', { limit: 200 })
    expect(new Set(page.items.map((card) => card.tenant))).toEqual(new Set(initialTenantIds))
  })

  it('uploads the media a published podcast points at, with its real size and cache headers', async () => {
    const podcast = (await services.content.listEdition('innlandet', { type: 'podkast', limit: 1 })).items[0]!
    const item = await services.content.getPublished('innlandet', 'podkast', podcast.slug)
    if (item?.type !== 'podkast') throw new Error('expected a podcast')
    const key = (path: string) => path.replace(/^\/media\//, '')
    const bucket = services.config.mediaBucket
    const audio = await services.clients.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key(item.episodes[0]!.audio.src) }))
    expect(audio.ContentLength).toBe(item.episodes[0]!.audio.bytes)
    expect(audio.ContentType).toBe('audio/mpeg')
    expect(audio.CacheControl).toBe('public, max-age=31536000, immutable')
    const artwork = await services.clients.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key(item.image!.src) }))
    expect(artwork.ContentType).toBe('image/png')
    const transcript = await services.clients.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key(item.episodes[0]!.transcript!) }))
    expect(await transcript.Body!.transformToString()).toMatch(/^WEBVTT\n/)
  })

  it("keeps what an admin changed in a demo edition or topic when the demo is seeded again (the next npm start)", async () => {
    const catalog = await services.catalog.get()
    const edition = catalog.tenant('innlandet')!
    const topic = catalog.topics[0]!
    await services.catalog.putTenant({ ...edition, description: 'Skrevet om av en administrator.' })
    await services.catalog.putTopic({ ...topic, name: `${topic.name} (nytt navn)` })
    try {
      await seedCatalog(services)
      services.catalog.invalidate()
      const after = await services.catalog.get()
      expect(after.tenant('innlandet')?.description).toBe('Skrevet om av en administrator.')
      expect(after.topic(topic.slug)?.name).toBe(`${topic.name} (nytt navn)`)
    } finally {
      await services.catalog.putTenant(edition)
      await services.catalog.putTopic(topic)
    }
  })
})

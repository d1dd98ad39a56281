import { HeadObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3'
import Parser from 'rss-parser'
import { imageSize } from 'image-size'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ContentOf } from '../../../functions/content/schema.ts'
import { podcastCategories } from '../../../functions/podcasts/categories.ts'
import type { Services } from '../../../functions/services.ts'
import { copyDemoContent } from '../../support/demo-template.ts'
import { createSiteApp } from '../../../web/site/app.tsx'
import { createTestEnvironment } from '../../support/environment.ts'

type Feed = Awaited<ReturnType<Parser['parseString']>>

/** Apple's published requirements (https://podcasters.apple.com/support/823-podcast-requirements), checked with an independent RSS parser. */
const parser = new Parser({
  customFields: {
    feed: ['itunes:explicit', 'language'],
    item: [['podcast:transcript', 'transcript'], ['itunes:duration', 'duration']],
  },
})

describe('podcast RSS feeds', () => {
  let services: Services
  let app: ReturnType<typeof createSiteApp>
  let series: ContentOf<'podkast'>
  let feedXml: string
  let feed: Feed & Record<string, any>
  const key = (url: string) => decodeURIComponent(new URL(url).pathname.replace(/^\/media\//, ''))

  beforeAll(async () => {
    ;({ services } = await createTestEnvironment('podcast-feed', { siteOrigin: 'https://kompetansebroen.example' }))
    await copyDemoContent(services)
    const card = (await services.content.listEdition('innlandet', { type: 'podkast', limit: 1 })).items[0]!
    series = (await services.content.getPublished('innlandet', 'podkast', card.slug)) as ContentOf<'podkast'>
    app = createSiteApp(services, { assets: () => ({}) })
    const response = await app.request(`/innlandet/podkast/${series.slug}/feed.xml`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    feedXml = await response.text()
    feed = (await parser.parseString(feedXml)) as Feed & Record<string, any>
  })

  it('has every channel tag Apple requires, with valid values', () => {
    expect(feedXml).toContain('xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"')
    expect(feed.title).toBe(series.title)
    expect(feed.description).toContain(series.summary)
    expect(['no', 'nb', 'nn']).toContain(feed.language)
    expect(['true', 'false']).toContain(feed['itunes:explicit'])
    expect(feed.itunes?.categories?.length).toBeGreaterThan(0)
    expect(podcastCategories as readonly string[]).toContain(feed.itunes!.categories![0])
    expect(feed.itunes?.owner?.email).toBe(series.owner.email)
    expect(feed.link).toBe(`https://kompetansebroen.example/innlandet/podkast/${series.slug}`)
  })

  it('points at square RGB artwork of 1400–3000 px that the server answers HEAD for', async () => {
    const url = feed.itunes!.image as string
    expect(url).toMatch(/^https:\/\/kompetansebroen\.example\/media\/.+\.(png|jpe?g)$/)
    const object = await services.clients.s3.send(new GetObjectCommand({ Bucket: services.config.mediaBucket, Key: key(url) }))
    const bytes = Buffer.from(await object.Body!.transformToByteArray())
    const { width, height, type } = imageSize(bytes)
    expect(['png', 'jpg']).toContain(type)
    expect(width).toBe(height)
    expect(width).toBeGreaterThanOrEqual(1400)
    expect(width).toBeLessThanOrEqual(3000)
    // PNG colour type 2 (RGB) or 6 (RGBA is refused by Apple, so must not appear): byte 25 of the IHDR.
    if (type === 'png') expect(bytes[25]).toBe(2)
  })

  it('lists each episode with a stable guid, a valid date, a duration, a transcript and an enclosure whose length is the object’s size', async () => {
    expect(feed.items.length).toBe(series.episodes.length)
    for (const item of feed.items as Array<Record<string, any>>) {
      const episode = series.episodes.find((candidate) => candidate.guid === item.guid)!
      expect(episode, item.title).toBeDefined()
      expect(new Date(item.pubDate).toISOString()).toBe(new Date(episode.publishedAt).toISOString())
      expect(item.pubDate).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/)
      expect(['audio/mpeg', 'audio/x-m4a']).toContain(item.enclosure.type)
      const head = await services.clients.s3.send(new HeadObjectCommand({ Bucket: services.config.mediaBucket, Key: key(item.enclosure.url) }))
      expect(Number(item.enclosure.length)).toBe(head.ContentLength)
      expect(Number(item.duration)).toBe(episode.audio.durationSeconds)
      expect(item.transcript.$).toMatchObject({ type: 'text/vtt', rel: 'captions', url: expect.stringMatching(/\.vtt$/) })
    }
  })

  it('leaves out an episode scheduled for later, and answers 410 once the series is withdrawn', async () => {
    const item = (await services.content.getItem('innlandet', (series as { id: string }).id))!
    const later = { ...series.episodes[0]!, guid: 'framtidig-episode', slug: 'framtidig', title: 'Kommer senere', publishedAt: '2099-01-01T09:00:00.000Z' }
    const { id, tenant, ...fields } = series as ContentOf<'podkast'> & { id: string; tenant: string }
    const saved = await services.content.save('innlandet', id, item.version, { ...fields, id, tenant, episodes: [...series.episodes, later] } as never)
    const published = await services.content.publish('innlandet', id, saved.version)
    const xml = await (await app.request(`/innlandet/podkast/${series.slug}/feed.xml`)).text()
    expect(xml).not.toContain('framtidig-episode')
    expect((await app.request(`/innlandet/podkast/${series.slug}/framtidig`)).status).toBe(404)
    await services.content.withdraw('innlandet', id, published.version)
    expect((await app.request(`/innlandet/podkast/${series.slug}/feed.xml`)).status).toBe(410)
  })
})

describe('the episode page', () => {
  it('shows the transcript as text with the speakers, and links the feed', async () => {
    const { services } = await createTestEnvironment('episode-page')
    await copyDemoContent(services)
    const card = (await services.content.listEdition('vestfold', { type: 'podkast', limit: 1 })).items[0]!
    const series = (await services.content.getPublished('vestfold', 'podkast', card.slug)) as ContentOf<'podkast'>
    const app = createSiteApp(services, { assets: () => ({}) })
    await services.catalog.get()
    const operations: string[] = []
    const stop = services.clients.onDynamoRequest((operation) => operations.push(operation))
    const html = await (await app.request(`/vestfold/podkast/${series.slug}/${series.episodes[0]!.slug}`)).text()
    stop()
    // The series and the transcript's turns: two GetItems, and nothing from S3 (the site has no S3 access).
    expect(operations).toEqual(['GetItem', 'GetItem'])
    expect(html).toContain('<h2 id="transkripsjon">Transkripsjon</h2>')
    expect(html).toMatch(/<dt>[^<]+ <span class="muted">\(0:0\d\)<\/span><\/dt><dd>[^<]{10,}<\/dd>/)
    expect(html).toContain(`href="/vestfold/podkast/${series.slug}/feed.xml"`)
  }, 600_000)
})

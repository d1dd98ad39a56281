import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ContentCard, ContentFields, ContentOf } from '../../functions/content/schema.ts'
import { podcastCategories } from '../../functions/podcasts/categories.ts'
import { podcastFeedXml, type PublishedSeries } from '../../functions/podcasts/feed.ts'
import { initialTenantIds } from '../../infra/definitions.ts'
import { regions } from '../../infra/local/seed/index.ts'
import { copyDemoContent } from '../support/demo-template.ts'
import { createSiteApp } from '../../web/site/app.tsx'
import { editionFeedXml } from '../../web/site/feeds.ts'
import { createEditorEnvironment } from '../support/editors.ts'
import { testArticle, testTenant } from '../support/fixtures.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>

/** Everything XML escapes, plus astral characters (two UTF-16 units each) and typographic quotes. */
const spicy = `Dosering: 1 < 2 > 0 & «mer» "sitat" 'enkel' 😀 𝄞 – ferdig`

/**
 * Well-formed XML 1.0. fast-xml-parser's validator checks the structure but not the Char production (XML
 * 1.0 §2.2), which is where a stored `\u0001` broke /feed.xml; that is checked here. With the `u` flag a
 * lone surrogate is a character outside every allowed range.
 */
function expectWellFormed(xml: string, where: string) {
  expect(XMLValidator.validate(xml), where).toBe(true)
  const bad = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.exec(xml)
  expect(bad && `U+${bad[0].codePointAt(0)!.toString(16).toUpperCase()} at ${bad.index}`, where).toBeNull()
}
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' || name === 'url' || name === 'sitemap' })

describe('every feed and sitemap is well-formed XML over demo content with awkward text', () => {
  let env: Env
  let app: ReturnType<typeof createSiteApp>
  let spicyArticle: ContentFields
  const podcastFeeds: string[] = []

  beforeAll(async () => {
    env = await createEditorEnvironment('feeds-xml')
    await copyDemoContent(env.services)
    const innlandet = regions.find((region) => region.tenant.id === 'innlandet')!.tenant
    await env.services.catalog.putTenant({ ...innlandet, name: `Innlandet ${spicy}`.slice(0, 120), description: `${spicy}\nAndre linje & mer.` })

    spicyArticle = testArticle('innlandet', 'krydret', { title: spicy, summary: `${spicy} ${spicy}`, sharedNationally: true, topics: [] })
    await env.services.content.publish('innlandet', (await env.services.content.create(spicyArticle)).id, 1)

    // A podcast series like the demo's, with awkward text in the series and in every episode.
    for (const tenant of initialTenantIds) {
      const cards = (await env.services.content.listEdition(tenant, { type: 'podkast', limit: 100 })).items.filter((card) => card.tenant === tenant)
      for (const card of cards) podcastFeeds.push(`/${card.tenant}/podkast/${card.slug}/feed.xml`)
    }
    const card = (await env.services.content.listEdition('innlandet', { type: 'podkast', limit: 1 })).items[0]!
    const demo = (await env.services.content.getPublished('innlandet', 'podkast', card.slug)) as ContentOf<'podkast'> & { publishedAt: string; updatedAt: string }
    const { publishedAt: _publishedAt, updatedAt: _updatedAt, ...fields } = demo
    const series: ContentOf<'podkast'> = {
      ...fields,
      id: ulid(),
      slug: 'krydret-podkast',
      title: spicy,
      summary: spicy,
      owner: { ...fields.owner, name: spicy },
      episodes: fields.episodes.map((episode, index) => ({ ...episode, guid: `krydret-${index}`, slug: `krydret-${index}`, title: `${index}: ${spicy}`, summary: `${spicy}\n\n${spicy}` })),
    }
    await env.services.content.publish('innlandet', (await env.services.content.create(series)).id, 1)
    podcastFeeds.push('/innlandet/podkast/krydret-podkast/feed.xml')
    app = createSiteApp(env.services, { assets: () => ({}) })
  })

  const read = async (path: string) => {
    const response = await app.request(path)
    expect(response.status, path).toBe(200)
    return response.text()
  }

  it('the national feed and every edition feed, with the text exactly as written', async () => {
    for (const path of ['/feed.xml', ...initialTenantIds.map((tenant) => `/${tenant}/feed.xml`)]) {
      const xml = await read(path)
      expectWellFormed(xml, path)
      expect(parser.parse(xml).rss.channel.item.length, path).toBeGreaterThan(0)
    }
    for (const path of ['/feed.xml', '/innlandet/feed.xml']) {
      const channel = parser.parse(await read(path)).rss.channel
      const item = channel.item.find((entry: { link: string }) => entry.link.endsWith('/innlandet/artikler/krydret'))
      expect(item, path).toMatchObject({ title: spicy, description: spicyArticle.summary })
    }
    expect(parser.parse(await read('/innlandet/feed.xml')).rss.channel.description).toBe(`${spicy}\nAndre linje & mer.`)
  })

  it('every podcast feed, with awkward series and episode text', async () => {
    expect(podcastFeeds.length).toBeGreaterThan(1)
    for (const path of podcastFeeds) expectWellFormed(await read(path), path)
    const channel = parser.parse(await read('/innlandet/podkast/krydret-podkast/feed.xml')).rss.channel
    expect(channel.title).toBe(spicy)
    expect(channel['itunes:owner']['itunes:name']).toBe(spicy)
    expect(channel.item.length).toBeGreaterThan(0)
    for (const item of channel.item) expect(item.title).toMatch(/^\d+: Dosering: 1 < 2 > 0 & «mer» "sitat" 'enkel' 😀 𝄞 – ferdig$/)
  })

  it('the sitemap index and every edition sitemap', async () => {
    const index = await read('/sitemap.xml')
    expectWellFormed(index, '/sitemap.xml')
    const sitemaps: string[] = parser.parse(index).sitemapindex.sitemap.map((entry: { loc: string }) => new URL(entry.loc).pathname)
    expect(sitemaps.length).toBe(initialTenantIds.length)
    for (const path of sitemaps) {
      const xml = await read(path)
      expectWellFormed(xml, path)
      expect(parser.parse(xml).urlset.url.length, path).toBeGreaterThan(0)
    }
  })

  it('refuses a hostile control character in a shared title with a 400 naming the field, and the national feed stays well-formed', async () => {
    const shared = await env.services.content.create(testArticle('akershus', 'delt-sak', { sharedNationally: true, topics: [] }))
    const published = await env.services.content.publish('akershus', shared.id, shared.version)
    const { id: _id, tenant: _tenant, ...fields } = testArticle('akershus', 'delt-sak', { sharedNationally: true, topics: [] })
    for (const title of ['Delt\u0001tittel', 'Delt\ud800tittel', 'Delt\uffff', 'Delt\u0085tittel']) {
      const response = await env.call('PUT', `/api/editor/tenants/akershus/items/${shared.id}`, env.tokens.akershus, { version: published.version, fields: { ...fields, title } })
      expect(response.status, JSON.stringify(title)).toBe(400)
      expect((await response.json()).error).toMatch(/title: .*U\+/)
    }
    expect(await env.services.content.getItem('akershus', shared.id)).toMatchObject({ version: published.version, title: published.title })
    expectWellFormed(await read('/feed.xml'), '/feed.xml')
  })

  it('refuses a control character in an edition description from the admin API, and the catalog keeps the old one', async () => {
    const { id: _id, ...vestfold } = regions.find((region) => region.tenant.id === 'vestfold')!.tenant
    const response = await env.call('PUT', '/api/editor/admin/tenants/vestfold', env.tokens.admin, { ...vestfold, description: 'Ny\u0007beskrivelse' })
    expect(response.status).toBe(400)
    expect((await response.json()).error).toMatch(/description: .*U\+0007/)
    expect(parser.parse(await read('/vestfold/feed.xml')).rss.channel.description).toBe(vestfold.description)
  })
})

describe('feeds over text stored before it was checked', () => {
  const legacy = 'Gammel\u0001tittel\ud800 med \uffff og \u0085 & <ting>'
  const legacyShown = 'Gammel\ufffdtittel\ufffd med \ufffd og \u0085 & <ting>'

  it('an edition feed replaces what XML cannot carry, and keeps the rest', () => {
    const card: ContentCard = { id: ulid(), tenant: 'innlandet', type: 'artikler', slug: 'gammel', title: legacy, summary: legacy, topics: [], audiences: [], sharedNationally: true, publishedAt: '2026-01-01T09:00:00+01:00' }
    const xml = editionFeedXml('https://kompetansebroen.example', testTenant('nasjonal', { description: legacy }), [card], '/feed.xml')
    expectWellFormed(xml, 'edition feed')
    const channel = parser.parse(xml).rss.channel
    expect(channel.description).toBe(legacyShown)
    expect(channel.item[0].title).toBe(legacyShown)
  })

  it('a podcast feed too', () => {
    const media = (file: string) => `/media/tenants/innlandet/media/01JBZ3NDEKTSV4RRFFQ69G5FAV/${file}`
    const series = {
      ...testArticle('innlandet', 'gammel-podkast', { title: legacy, summary: legacy }),
      type: 'podkast',
      category: podcastCategories[0],
      language: 'nb',
      explicit: false,
      owner: { name: legacy, email: 'post@example.no' },
      episodes: [{ guid: 'g-1', slug: 'e-1', title: legacy, summary: legacy, publishedAt: '2026-01-01T09:00:00+01:00', audio: { src: media('lyd.mp3'), bytes: 10, mimeType: 'audio/mpeg', durationSeconds: 60 } }],
      publishedAt: '2026-01-01T09:00:00+01:00',
      updatedAt: '2026-01-01T09:00:00+01:00',
    } as unknown as PublishedSeries
    const xml = podcastFeedXml({ series, owner: testTenant('innlandet', { name: legacy }), origin: 'https://kompetansebroen.example', feedPath: '/innlandet/podkast/gammel-podkast/feed.xml', now: new Date('2026-06-01T00:00:00Z') })
    expectWellFormed(xml, 'podcast feed')
    expect(parser.parse(xml).rss.channel.item[0].title).toBe(legacyShown)
  })
})

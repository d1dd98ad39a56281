import { XMLParser } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Services } from '../../functions/services.ts'
import { createSiteApp } from '../../web/site/app.tsx'
import { createTestEnvironment } from '../support/environment.ts'
import { publishNew, seedCatalog, testArticle } from '../support/fixtures.ts'

const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'item', 'sitemap'].includes(name) }).parse(xml)

describe('robots, sitemaps and feeds', () => {
  let services: Services
  let app: ReturnType<typeof createSiteApp>
  beforeAll(async () => {
    ;({ services } = await createTestEnvironment('discovery', { siteOrigin: 'https://kompetansebroen.example' }))
    await seedCatalog(services, ['nasjonal', 'innlandet', 'vestfold'], ['demens'])
    await publishNew(services, testArticle('innlandet', 'egen-sak', { title: 'Egen sak & mer' }))
    await publishNew(services, testArticle('vestfold', 'delt-sak', { sharedNationally: true }))
    await services.content.create(testArticle('innlandet', 'utkast-sak'))
    app = createSiteApp(services, { assets: () => ({}) })
  })

  it('points crawlers at the sitemap and away from the API and editor workspace', async () => {
    const response = await app.request('/robots.txt')
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    const text = await response.text()
    expect(text).toContain('Sitemap: https://kompetansebroen.example/sitemap.xml')
    expect(text).toContain('Disallow: /api/')
    expect(text).toContain('Disallow: /redaktor')
  })

  it('lists one sitemap per edition in the index', async () => {
    const index = parse(await (await app.request('/sitemap.xml')).text())
    expect(index.sitemapindex.sitemap.map((entry: { loc: string }) => entry.loc).sort()).toEqual([
      'https://kompetansebroen.example/innlandet/sitemap.xml',
      'https://kompetansebroen.example/nasjonal/sitemap.xml',
      'https://kompetansebroen.example/vestfold/sitemap.xml',
    ])
  })

  it("lists an edition's own published items once, at their canonical URLs, and never drafts", async () => {
    const innlandet = parse(await (await app.request('/innlandet/sitemap.xml')).text())
    const locs: string[] = innlandet.urlset.url.map((entry: { loc: string }) => entry.loc)
    expect(locs).toContain('https://kompetansebroen.example/innlandet/artikler/egen-sak')
    expect(locs).toContain('https://kompetansebroen.example/innlandet/fagtema/demens')
    expect(locs.join()).not.toContain('utkast-sak')
    const national = parse(await (await app.request('/nasjonal/sitemap.xml')).text())
    // Shared items belong to their owner's sitemap, not the national one.
    expect(national.urlset.url.map((entry: { loc: string }) => entry.loc).join()).not.toContain('delt-sak')
    expect((await app.request('/atlantis/sitemap.xml')).status).toBe(404)
  })

  it('publishes an RSS 2.0 feed per edition with escaped titles and stable guids', async () => {
    const response = await app.request('/innlandet/feed.xml')
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    const feed = parse(await response.text())
    expect(feed.rss['@_version']).toBe('2.0')
    expect(feed.rss.channel['atom:link']['@_href']).toBe('https://kompetansebroen.example/innlandet/feed.xml')
    const [item] = feed.rss.channel.item
    expect(item.title).toBe('Egen sak & mer')
    expect(item.link).toBe('https://kompetansebroen.example/innlandet/artikler/egen-sak')
    expect(item.guid['@_isPermaLink']).toBe('false')
    expect(new Date(item.pubDate).toString()).not.toBe('Invalid Date')
    const national = parse(await (await app.request('/feed.xml')).text())
    expect(national.rss.channel.item.map((entry: { title: string }) => entry.title)).toEqual(['Artikkel delt-sak'])
  })
})

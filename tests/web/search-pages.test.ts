import * as esbuild from 'esbuild'
import { gzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { createSearchApp } from '../../functions/search-app.ts'
import type { Services } from '../../functions/services.ts'
import { entryPoints } from '../../web/build.ts'
import { createSiteApp } from '../../web/site/app.tsx'
import { createTestEnvironment } from '../support/environment.ts'
import { publishNew, seedCatalog, testArticle } from '../support/fixtures.ts'
import { attributesOf } from './markup.ts'

/** The search pages (served by the search function, in the site's layout) and the header field on every page. */
describe('search pages', () => {
  let services: Services
  let app: ReturnType<typeof createSearchApp>
  const assets = () => ({ 'site.css': '/assets/site-TEST.css', 'search-suggest.js': '/assets/search-suggest-TEST.js' })
  beforeAll(async () => {
    ;({ services } = await createTestEnvironment('search-pages'))
    await seedCatalog(services, ['nasjonal', 'innlandet', 'vestfold'], ['demens', 'palliasjon'])
    await publishNew(services, testArticle('innlandet', 'demens-lokal', { title: 'Demens i hjemmetjenesten', topics: ['demens'], audiences: ['kommune'] }))
    await publishNew(services, testArticle('vestfold', 'demens-delt', { title: 'Demens og musikk', summary: 'Musikk som miljøtiltak ved demens.', topics: ['demens'], audiences: ['sykehus'], sharedNationally: true }))
    await publishNew(services, testArticle('nasjonal', 'palliasjon', { title: 'Palliasjon i sykehjem', topics: ['palliasjon'] }))
    app = createSearchApp(services, { assets, refreshMs: 0 })
  })
  const page = async (path: string, status = 200) => {
    const response = await app.request(path)
    expect(response.status, path).toBe(status)
    return { response, html: await response.text() }
  }

  it('finds in the reader’s edition first, marks the words found, and keeps the page out of search engines', async () => {
    const { response, html } = await page('/innlandet/sok?q=demens')
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/)
    expect(html).toContain('<meta name="robots" content="noindex"/>')
    expect(html).toContain('2 treff for «demens»')
    const links = attributesOf(html, 'a').map((a) => a.href)
    expect(links.indexOf('/innlandet/artikler/demens-lokal')).toBeLessThan(links.indexOf('/vestfold/artikler/demens-delt?omrade=innlandet'))
    expect(html).toContain('<mark>Demens</mark> i hjemmetjenesten')
    // The national search has only what is shared.
    const national = (await page('/sok?q=demens')).html
    expect(national).toContain('1 treff for «demens»')
    expect(national).not.toContain('demens-lokal')
  })

  it('offers facet links with counts that filter the results, as plain links', async () => {
    const { html } = await page('/innlandet/sok?q=demens')
    expect(html).toContain('<a href="/innlandet/sok?q=demens&amp;malgruppe=sykehus">Spesialisthelsetjenesten (1)</a>')
    expect(html).toContain('<a href="/innlandet/sok?q=demens&amp;tema=demens">demens (2)</a>')
    const filtered = (await page('/innlandet/sok?q=demens&malgruppe=sykehus')).html
    expect(filtered).toContain('1 treff for «demens»')
    expect(filtered).toContain('aria-current="true">Spesialisthelsetjenesten (1)</a>')
  })

  it('escapes what the reader typed', async () => {
    const { html } = await page('/sok?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E')
    expect(html).not.toContain('<script>alert(1)')
    expect(html).toContain('&lt;script>alert(1)&lt;/script>')
  })

  it('offers "Mente du …?" with the word it holds when a typo finds little', async () => {
    const { html } = await page('/sok?q=palliasjno')
    expect(html).toContain('1 treff for «palliasjno»')
    expect(html).toContain('Mente du <a href="/sok?q=palliasjon">palliasjon</a>?')
  })

  it('helps when nothing is found: advice, every topic and the newest items', async () => {
    const { html } = await page('/sok?q=kvantefysikk')
    expect(html).toContain('Ingen treff for «kvantefysikk»')
    expect(html).toContain('Sjekk stavemåten')
    expect(html).toContain('<a href="/fagtema/demens">demens</a>')
    expect(html).toContain('Nytt innhold')
    expect(html).toContain('/nasjonal/artikler/palliasjon')
  })

  it('answers a bad filter or cursor with a 400 page in bokmål, an unknown edition 404, and /nasjonal/sok with a move to /sok', async () => {
    expect((await page('/sok?q=demens&tema=ukjent', 400)).html).toContain('Ukjent fagtema i filteret')
    expect((await page('/sok?q=demens&fra=tull', 400)).html).toContain('<html lang="nb"')
    await page('/oslo/sok?q=demens', 404)
    const moved = await app.request('/nasjonal/sok?q=demens')
    expect(moved.status).toBe(301)
    expect(moved.headers.get('location')).toBe('/sok?q=demens')
  })

  it('puts a labelled search field in every page header, with the suggestions island', async () => {
    const site = createSiteApp(services, { assets })
    for (const path of ['/', '/innlandet', '/innlandet/artikler']) {
      const html = await (await site.request(path)).text()
      const action = path.startsWith('/innlandet') ? '/innlandet/sok' : '/sok'
      expect(html, path).toContain(`<form class="header-search" role="search" aria-label="Søk på Kompetansebroen" action="${action}" method="get">`)
      expect(attributesOf(html, 'input').find((input) => input.id === 'sok')).toMatchObject({ type: 'search', name: 'q' })
      expect(html).toContain('<label for="sok" class="visually-hidden">Søk på Kompetansebroen</label>')
      expect(html).toContain('<script type="module" src="/assets/search-suggest-TEST.js"></script>')
    }
  })

  it('costs no DynamoDB request while the index is warm and fresh, and one Query when it looks for changes', async () => {
    const requests = async (search: ReturnType<typeof createSearchApp>, path: string) => {
      await services.catalog.get()
      const operations: string[] = []
      const stop = services.clients.onDynamoRequest((operation) => operations.push(operation))
      expect((await search.request(path)).status).toBe(200)
      stop()
      return operations
    }
    const warm = createSearchApp(services, { assets, refreshMs: 60_000 })
    await warm.request('/sok?q=demens')
    expect(await requests(warm, '/innlandet/sok?q=palliasjon')).toEqual([])
    expect(await requests(warm, '/api/v1/search?q=palliasjon')).toEqual([])
    // Looking on every request (as locally): one Query of the change log, nothing changed since.
    expect(await requests(app, '/innlandet/sok?q=palliasjon')).toEqual(['Query'])
  })

  it('keeps the suggestions island under 3 KB gzip', async () => {
    const result = await esbuild.build({ entryPoints: [entryPoints['search-suggest']!], bundle: true, minify: true, format: 'esm', target: 'es2020', write: false })
    expect(gzipSync(result.outputFiles[0]!.contents).length).toBeLessThanOrEqual(3 * 1024)
  })
})

import { S3Client } from '@aws-sdk/client-s3'
import { beforeAll, describe, expect, it } from 'vitest'
import { createPublicApiApp } from '../../functions/public-api.ts'
import type { Services } from '../../functions/services.ts'
import { createLocalRouter } from '../../infra/local/router.ts'
import { createSiteApp } from '../../web/site/app.tsx'
import { createTestEnvironment } from '../support/environment.ts'
import { publishNew, seedCatalog, testArticle } from '../support/fixtures.ts'

const origin = 'https://kompetansebroen.example'

/** The text of every `<tag>` in `html`, tags stripped and Preact's escapes read back. */
const texts = (html: string, tag: string) =>
  [...html.matchAll(new RegExp(`<${tag}[^>]*>(.*?)</${tag}>`, 'gs'))].map(([, inner]) =>
    inner!.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
  )

/**
 * Issue 18's embeds through the local router, as CloudFront serves them: the site's `/innebygd/…` pages with the
 * embeds' headers policy, and the public API's oEmbed endpoint (https://oembed.com).
 */
describe('embeddable pages and oEmbed', () => {
  let services: Services
  let router: ReturnType<typeof createLocalRouter>
  beforeAll(async () => {
    ;({ services } = await createTestEnvironment('embeds', { siteOrigin: origin }))
    await seedCatalog(services, ['nasjonal', 'innlandet', 'vestfold'], ['demens', 'diabetes'])
    await services.catalog.putTenant({ ...(await services.catalog.get()).tenant('innlandet')!, colour: '#7a1f5c' })
    for (const [n, topics] of [[1, ['demens']], [2, ['demens']], [3, ['diabetes']], [4, ['demens']]] as const) {
      await publishNew(services, testArticle('innlandet', `sak-${n}`, { title: `Sak ${n} om ting & "mer"`, topics: [...topics] }))
    }
    const withdrawn = await publishNew(services, testArticle('innlandet', 'trukket'))
    await services.content.withdraw('innlandet', withdrawn.id, withdrawn.version)
    await services.content.create(testArticle('innlandet', 'utkast'))
    const none = { fetch: () => new Response('unused', { status: 500 }) }
    router = createLocalRouter({
      site: createSiteApp(services, { assets: () => ({ 'embed.css': '/assets/embed-TEST.css', 'site.css': '/assets/site-TEST.css' }) }),
      publicApi: createPublicApiApp(services),
      search: none,
      exams: none,
      editorApi: none,
      s3: new S3Client({ region: 'eu-north-1' }),
      mediaBucket: 'unused',
      assetsDir: '/nonexistent',
    })
  })
  const get = (path: string) => router.request(`http://127.0.0.1${path}`)

  it('serves an item card any origin may frame: script-free, no cookie, themed, links out of the frame', async () => {
    const response = await get('/innebygd/innlandet/artikler/sak-2')
    expect(response.status).toBe(200)
    const csp = response.headers.get('content-security-policy')!
    expect(csp).toContain('frame-ancestors *')
    expect(csp).not.toContain('script-src')
    expect(csp).toContain("default-src 'none'")
    expect(response.headers.get('x-frame-options')).toBeNull()
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    const html = await response.text()
    expect(html).toMatch(/^<!doctype html><html lang="nb">/)
    expect(html).not.toMatch(/<script|<form|<iframe|kb-view/)
    expect(html).toContain('<link rel="stylesheet" href="/assets/embed-TEST.css"/>')
    expect(html).not.toContain('site-TEST.css')
    expect(html).toContain('style="--brand:#7a1f5c"')
    expect(texts(html, 'h1')).toHaveLength(1)
    expect(html).toContain(`<a href="${origin}/innlandet/artikler/sak-2" target="_blank" rel="noopener">Sak 2 om ting &amp; &quot;mer&quot;<span class="visually-hidden"> (åpnes i ny fane)</span></a>`)
    expect(html).toContain('<meta name="robots" content="noindex"/>')
  })

  it('lists the latest N on a topic, newest first, across types or of one', async () => {
    const titles = (html: string) => texts(html, 'h2').map((h2) => h2.replace(' (åpnes i ny fane)', ''))
    const response = await get('/innebygd/innlandet/siste?tema=demens&antall=2')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toContain('frame-ancestors *')
    const html = await response.text()
    expect(texts(html, 'h1')[0]).toBe('Siste om demens fra Kompetansebroen innlandet')
    expect(titles(html)).toEqual(['Sak 4 om ting & "mer"', 'Sak 2 om ting & "mer"'])
    expect(html).toContain(`href="${origin}/innlandet/fagtema/demens" target="_blank"`)
    expect(titles(await (await get('/innebygd/innlandet/siste?tema=demens&type=artikler&antall=5')).text())).toHaveLength(3)
    // Without a topic: the edition's newest of every type, five by default.
    expect(titles(await (await get('/innebygd/innlandet/siste')).text())).toEqual([4, 3, 2, 1].map((n) => `Sak ${n} om ting & "mer"`))
    expect(await (await get('/innebygd/innlandet/siste?type=film')).text()).toContain('Ingenting publisert her ennå.')
  })

  it('answers a bad address inside the frame, in bokmål, with the embeds’ headers', async () => {
    for (const [path, status, text] of [
      ['/innebygd/innlandet/siste?antall=50', 400, 'antall: bruk et helt tall fra 1 til 20.'],
      ['/innebygd/innlandet/siste?antall=tre', 400, 'antall: bruk et helt tall fra 1 til 20.'],
      ['/innebygd/innlandet/siste?type=bok', 400, 'type: bruk én av'],
      ['/innebygd/innlandet/siste?tema=kreft', 400, 'tema: «kreft» er ikke et fagtema'],
      ['/innebygd/atlantis/siste', 404, 'Vi finner ikke siden'],
      ['/innebygd/innlandet/artikler/utkast', 404, 'Vi finner ikke siden'],
      ['/innebygd/innlandet/artikler/trukket', 410, 'Innholdet er fjernet'],
      ['/innebygd/innlandet/artikler/sak-1/mer', 404, 'Vi finner ikke siden'],
      // `/*/sok` is search's behaviour, but the embeds' comes first.
      ['/innebygd/innlandet/sok', 404, 'Vi finner ikke siden'],
    ] as const) {
      const response = await get(path)
      expect(response.status, path).toBe(status)
      expect(response.headers.get('content-security-policy'), path).toContain('frame-ancestors *')
      const html = await response.text()
      expect(html, path).toContain(text)
      expect(html, path).not.toMatch(/<script|site-TEST\.css/)
    }
  })

  it('keeps every other page unframeable, the item page announcing its oEmbed', async () => {
    const response = await get('/innlandet/artikler/sak-2')
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    const url = `${origin}/innlandet/artikler/sak-2`
    const discovery = `<link rel="alternate" type="application/json+oembed" title="Sak 2 om ting &amp; &quot;mer&quot;" href="${origin}/api/oembed?url=${encodeURIComponent(url)}&amp;format=json"/>`
    expect(await response.text()).toContain(discovery)
    for (const path of ['/innlandet', '/api/oembed?url=x', '/innebygd']) {
      expect((await get(path)).headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'")
    }
  })

  it('answers oEmbed 1.0 for a published item: a rich, titled frame of its card', async () => {
    const url = `${origin}/innlandet/artikler/sak-2`
    const response = await get(`/api/oembed?url=${encodeURIComponent(url)}&format=json`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(response.headers.get('cache-control')).toContain('s-maxage=')
    const body = await response.json()
    expect(body).toMatchObject({
      type: 'rich',
      version: '1.0',
      title: 'Sak 2 om ting & "mer"',
      provider_name: 'Kompetansebroen',
      provider_url: `${origin}/`,
      author_name: 'Kompetansebroen innlandet',
      author_url: `${origin}/innlandet`,
      width: 480,
    })
    expect(body.height).toBeGreaterThan(100)
    expect(body.thumbnail_url).toBeUndefined()
    expect(body.html).toBe(
      `<iframe src="${origin}/innebygd/innlandet/artikler/sak-2" title="Sak 2 om ting &amp; &quot;mer&quot; – Kompetansebroen" ` +
        `width="480" height="${body.height}" loading="lazy" sandbox="allow-popups allow-popups-to-escape-sandbox" style="border:0;max-width:100%"></iframe>`,
    )
    // The consumer's room is respected; either scheme names our page; a trailing slash and a query are forgiven.
    const narrow = await (await get(`/api/oembed?url=${encodeURIComponent('http://kompetansebroen.example/innlandet/artikler/sak-2/?omrade=vestfold')}&maxwidth=300&maxheight=120`)).json()
    expect([narrow.width, narrow.height]).toEqual([300, 120])
    expect(narrow.html).toContain('width="300" height="120"')
  })

  it('refuses what is not a published item of this site (404), a bad url (400) and xml (501)', async () => {
    const oembed = async (query: string) => {
      const response = await get(`/api/oembed?${query}`)
      return [response.status, (await response.json()).error as string] as const
    }
    const url = (path: string, host = origin) => `url=${encodeURIComponent(`${host}${path}`)}`
    for (const path of ['/innlandet/artikler/utkast', '/innlandet/artikler/trukket', '/innlandet/artikler/finnes-ikke', '/atlantis/artikler/sak-1', '/innlandet/artikler', '/innlandet/fagtema/demens', '/innebygd/innlandet/artikler/sak-1']) {
      const [status, error] = await oembed(url(path))
      expect(status, path).toBe(404)
      expect(error).toContain('is not a published item page of this site')
    }
    expect((await oembed(url('/innlandet/artikler/sak-1', 'https://evil.example')))[0]).toBe(404)
    expect(await oembed('format=json')).toEqual([400, 'Invalid query: url: required: the address of an item page on this site.'])
    expect((await oembed('url=not%20a%20url'))[1]).toContain('expected an absolute http(s) URL')
    expect((await oembed('url=ftp%3A%2F%2Fkompetansebroen.example%2Fx'))[0]).toBe(400)
    expect(await oembed(`${url('/innlandet/artikler/sak-1')}&maxwidth=wide`)).toEqual([400, 'Invalid query: maxwidth: expected a whole number of pixels from 1 to 10000.'])
    expect(await oembed(`${url('/innlandet/artikler/sak-1')}&format=yaml`)).toEqual([400, 'Invalid query: format: expected json.'])
    expect(await oembed(`${url('/innlandet/artikler/sak-1')}&format=xml`)).toEqual([501, 'format=xml is not implemented: ask for format=json.'])
    expect((await (await get(`/api/oembed?${url('/innlandet/artikler/sak-1')}&format=xml`)).json()).code).toBe('bad_request')
  })
})

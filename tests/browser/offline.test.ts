import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PublishedItem } from '../../functions/content/schema.ts'
import type { LocalSystem } from '../../infra/local/system.ts'
import { editableFields } from '../../functions/content/editing.ts'
import { mineText } from '../../web/site/pages/mine-text.ts'
import { axeViolations, chromiumPath, describeViolations, launchBrowser, startSeededSystem } from './browser.ts'

/**
 * Issue 14: a reader saves an article and a podcast episode, loses the network, and still reads and listens; removing
 * one frees it; a withdrawn item leaves the cache once the network says 410; nothing of the workspace is ever cached.
 */
describe('reading without a network, in Chromium', () => {
  let system: LocalSystem
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let articles: PublishedItem[]
  let episodePath: string
  let episodeTitle: string
  beforeAll(async () => {
    ;[system, browser] = await Promise.all([startSeededSystem('offline'), launchBrowser()])
    const listing = (await (await fetch(`${system.url}/api/v1/editions/vestfold/items?type=artikler&limit=10`)).json()) as { items: Array<{ tenant: string; slug: string }> }
    const own = listing.items.filter((card) => card.tenant === 'vestfold').slice(0, 3)
    articles = await Promise.all(own.map(async (card) => (await system.services.content.getPublished('vestfold', 'artikler', card.slug))!))
    const podcasts = (await (await fetch(`${system.url}/api/v1/editions/vestfold/items?type=podkast&limit=10`)).json()) as { items: Array<{ tenant: string; slug: string }> }
    const series = (await system.services.content.getPublished('vestfold', 'podkast', podcasts.items.find((card) => card.tenant === 'vestfold')!.slug))!
    if (series.type !== 'podkast') throw new Error('not a podcast')
    episodePath = `/vestfold/podkast/${series.slug}/${series.episodes[0]!.slug}`
    episodeTitle = series.episodes[0]!.title
    // bypassCSP only so axe-core can be injected; the islands and the worker run under the site's CSP either way.
    context = await browser.newContext({ locale: 'nb-NO', bypassCSP: true })
    page = await context.newPage()
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await system?.stop()
  })

  /**
   * Offline for the page and for its service worker: Chromium's network emulation does not reach a worker's own
   * fetches (microsoft/playwright#2311), so those are refused here as a lost network would refuse them.
   */
  const goOffline = async () => {
    await context.setOffline(true)
    await context.route('**', (route) => route.abort('internetdisconnected'))
  }
  const goOnline = async () => {
    await context.unroute('**')
    await context.setOffline(false)
  }
  const heading = () => page.locator('h1').textContent()
  const open = async (path: string) => {
    await page.goto(`${system.url}${path}`)
    return heading()
  }
  const save = async (path: string, label: string = mineText.saveOffline, done = /^Lagret på denne enheten \(\d+(,\d)? (kB|MB)\)/) => {
    await open(path)
    await page.getByRole('button', { name: label }).click()
    await expect.poll(() => page.locator('.reader-actions [role="status"]').textContent(), { timeout: 30_000 }).toMatch(done)
    await page.getByRole('button', { name: mineText.removeSaved }).waitFor()
  }
  /** Every URL in every cache of this origin, as the page sees them. */
  const cachedUrls = () =>
    page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (name) => (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname)))).flat())

  it('saves an article and an episode (audio included), opens both with no network, and lists them with their sizes', async () => {
    await page.goto(`${system.url}/mine`)
    await page.getByText(mineText.savedEmpty).waitFor()
    await expectNoViolations('/mine with nothing saved')
    await page.evaluate(() => navigator.serviceWorker.ready)

    await save(`/vestfold/artikler/${articles[0]!.slug}`)
    await save(episodePath)
    const audioSrc = await page.locator('.audio-player audio').getAttribute('src')
    expect(await cachedUrls()).toEqual(expect.arrayContaining([`/vestfold/artikler/${articles[0]!.slug}`, episodePath, audioSrc, '/mine']))

    await page.goto(`${system.url}/mine`)
    const rows = page.locator('.saved-list li')
    await rows.nth(1).waitFor()
    await expect(rows.allInnerTexts()).resolves.toEqual([expect.stringMatching(new RegExp(`^${episodeTitle}.*\\n?.*\\d (kB|MB)`)), expect.stringMatching(/\d (kB|MB)/)])
    await expect(page.locator('[data-offline-saved]').textContent()).resolves.toMatch(/Kompetansebroen bruker \d+(,\d)? (kB|MB) på denne enheten/)
    await expectNoViolations('/mine with saved content')

    await goOffline()
    await expect(open(`/vestfold/artikler/${articles[0]!.slug}`)).resolves.toBe(articles[0]!.title)
    await expect(page.locator('link[rel="stylesheet"]').evaluate((link: HTMLLinkElement) => link.sheet?.cssRules.length ?? 0)).resolves.toBeGreaterThan(0)
    await expect(open(episodePath)).resolves.toBe(episodeTitle)
    // The player asks for ranges; the worker cuts them from the saved file.
    const audio = page.locator('.audio-player audio')
    await audio.evaluate((element: HTMLAudioElement) => element.load())
    await page.waitForFunction(() => (document.querySelector('.audio-player audio') as HTMLAudioElement).readyState >= 1, undefined, { timeout: 15_000 })
    await expect(audio.evaluate((element: HTMLAudioElement) => element.duration)).resolves.toBeGreaterThan(1)
    const range = await page.evaluate(async (src) => {
      const response = await fetch(src!, { headers: { range: 'bytes=0-99' } })
      return { status: response.status, bytes: (await response.arrayBuffer()).byteLength }
    }, audioSrc)
    expect(range).toEqual({ status: 206, bytes: 100 })

    // Removing the article frees it: offline, its address now opens the list of what is saved instead.
    await open('/mine')
    await page.getByRole('button', { name: `Fjern «${articles[0]!.title}» fra lagret innhold` }).click()
    await expect.poll(() => page.locator('[data-saved-status]').textContent()).toBe(`«${articles[0]!.title}» er fjernet, og plassen er frigjort.`)
    await expect(page.locator('.saved-list li').count()).resolves.toBe(1)
    expect(await cachedUrls()).not.toContain(`/vestfold/artikler/${articles[0]!.slug}`)
    await expect(open(`/vestfold/artikler/${articles[0]!.slug}`)).resolves.toBe(mineText.title)
    await goOnline()
  })

  it('shows the saved copy at once and keeps it fresh from the network (stale-while-revalidate)', async () => {
    const article = articles[2]!
    const path = `/vestfold/artikler/${article.slug}`
    await save(path)
    const stored = (await system.services.content.getItem('vestfold', article.id))!
    const title = `${article.title} (oppdatert)`
    const saved = await system.services.content.save('vestfold', article.id, stored.version, { ...editableFields(stored), title })
    await system.services.content.publish('vestfold', article.id, saved.version)

    // The first visit gets the saved copy while the worker fetches the new page; the saved copy is then the new one.
    await expect(open(path)).resolves.toBe(article.title)
    const savedTitle = () => page.evaluate(async (url) => (await (await caches.match(url))?.text())?.match(/<h1>([^<]*)<\/h1>/)?.[1], path)
    await expect.poll(savedTitle, { timeout: 10_000 }).toBe(title)
    await goOffline()
    await expect(open(path)).resolves.toBe(title)
    await goOnline()
  })

  it('drops a saved page once the network answers 410 for it, and never serves it again', async () => {
    const article = articles[1]!
    const path = `/vestfold/artikler/${article.slug}`
    await save(path)
    const stored = (await system.services.content.getItem('vestfold', article.id))!
    await system.services.content.withdraw('vestfold', article.id, stored.version)

    // Stale-while-revalidate: the saved copy shows at once while the worker asks the network, which says 410.
    await expect(open(path)).resolves.toBe(article.title)
    await expect.poll(cachedUrls, { timeout: 10_000 }).not.toContain(path)
    const response = await page.goto(`${system.url}${path}`)
    expect(response!.status()).toBe(410)
    await goOffline()
    await expect(open(path)).resolves.not.toBe(article.title)
    await goOnline()
    await page.goto(`${system.url}/mine`)
    await page.locator('.saved-list li').first().waitFor()
    await expect(page.locator('.saved-list').textContent()).resolves.not.toContain(article.title)
  })

  it('saves a whole course from one lesson, and opens its other lessons with no network', async () => {
    const course = '/innlandet/e-kurs/legemiddelhandtering-i-hjemmetjenesten'
    await save(`${course}/leksjon/1`, mineText.saveCourse, /^Hele kurset er lagret på denne enheten \(\d+(,\d)? (kB|MB)\)/)
    const lessons = await page.locator('.course-outline a[data-n]').evaluateAll((links) => links.map((link) => [link.getAttribute('href'), link.textContent]))
    expect(lessons.length).toBeGreaterThan(2)
    await goOffline()
    const [lastPath, lastTitle] = lessons.at(-1)!
    await expect(open(lastPath!)).resolves.toBe(lastTitle)
    await expect(open(course)).resolves.toBe('Legemiddelhåndtering i hjemmetjenesten')
    await goOnline()
    await open('/mine')
    await page.locator('.saved-list li').first().waitFor()
    await expect(page.locator('.saved-list a').allTextContents()).resolves.toContain('Legemiddelhåndtering i hjemmetjenesten')
  })

  it('never keeps the editor workspace or any API answer in a cache', async () => {
    await save(`/vestfold/artikler/${articles[0]!.slug}`)
    await page.goto(`${system.url}/redaktor`)
    await page.goto(`${system.url}/api/v1/editions/vestfold/items?type=artikler`)
    await page.goto(`${system.url}/mine`)
    const urls = await cachedUrls()
    expect(urls.length).toBeGreaterThan(3)
    expect(urls.filter((url) => /^\/(redaktor|api|dev-auth)/.test(url) || /\/(eksamen|scorm)\b|kursbevis/.test(url))).toEqual([])
  })

  it('serves the worker at /sw.js for the whole site, revalidated on every check, and is installable with its manifest', async () => {
    const script = await page.request.get(`${system.url}/sw.js`)
    expect(script.headers()).toMatchObject({ 'cache-control': 'no-cache', 'content-type': expect.stringMatching(/javascript/) })
    await page.goto(`${system.url}/vestfold`)
    await expect(page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).resolves.toBe(`${system.url}/`)

    // What Chromium itself checks before it offers to install a web app (manifest, icons, start URL, display, worker),
    // in a profile of its own: Playwright's usual contexts are incognito, where Chromium installs nothing.
    const profile = mkdtempSync(join(tmpdir(), 'kb-install-'))
    const installable = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
    try {
      const app = installable.pages()[0] ?? (await installable.newPage())
      await app.goto(`${system.url}/vestfold`)
      await app.evaluate(() => navigator.serviceWorker.ready)
      const session = await installable.newCDPSession(app)
      const manifest = await session.send('Page.getAppManifest')
      expect(manifest.errors).toEqual([])
      expect(JSON.parse(manifest.data!)).toMatchObject({ name: 'Kompetansebroen', start_url: '/', display: 'standalone', lang: 'nb' })
      await expect(session.send('Page.getInstallabilityErrors')).resolves.toEqual({ installabilityErrors: [] })
    } finally {
      await installable.close()
      rmSync(profile, { recursive: true, force: true })
    }
  })

  async function expectNoViolations(where: string) {
    expect(describeViolations(await axeViolations(page)), where).toEqual([])
  }
})

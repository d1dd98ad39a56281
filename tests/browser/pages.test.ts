import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentTypes } from '../../functions/content/schema.ts'
import type { LocalSystem } from '../../infra/local/system.ts'
import { axeViolations, describeViolations, launchBrowser, startSeededSystem } from './browser.ts'

/** Every reader page type, in two editions, checked by axe-core in Chromium. */
describe('every reader page type is accessible', () => {
  let system: LocalSystem
  let browser: Browser
  let context: BrowserContext
  let page: Page
  beforeAll(async () => {
    ;[system, browser] = await Promise.all([startSeededSystem('pages'), launchBrowser()])
    context = await browser.newContext({ bypassCSP: true })
    page = await context.newPage()
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await system?.stop()
  })

  /** Opens a path, expects its status, and returns axe's findings. */
  async function check(path: string, status = 200) {
    const response = await page.goto(`${system.url}${path}`)
    expect(response?.status(), path).toBe(status)
    expect(await page.locator('html').getAttribute('lang')).toBe('nb')
    return describeViolations(await axeViolations(page))
  }

  /** The first item of a listing, as the reader would click it. */
  async function firstItemOf(listingPath: string) {
    await page.goto(`${system.url}${listingPath}`)
    const href = await page.locator('.card-title a').first().getAttribute('href')
    expect(href, `an item on ${listingPath}`).toBeTruthy()
    return href!
  }

  for (const edition of ['innlandet', 'vestfold']) {
    it(`${edition}: home, topic index, a topic page, accessibility statement, a 404`, async () => {
      expect(await check(`/${edition}`)).toEqual([])
      expect(await check(`/${edition}/fagtema`)).toEqual([])
      expect(await check(`/${edition}/fagtema/demens`)).toEqual([])
      expect(await check('/tilgjengelighet')).toEqual([])
      expect(await check(`/${edition}/artikler/finnes-ikke`, 404)).toEqual([])
    })

    it(`${edition}: every listing and the first item of each type`, async () => {
      for (const type of contentTypes) {
        expect(await check(`/${edition}/${type}`)).toEqual([])
        expect(await check(`/${edition}/${type}?tema=demens&malgruppe=kommune`)).toEqual([])
        expect(await check(await firstItemOf(`/${edition}/${type}`))).toEqual([])
      }
    })

    it(`${edition}: a podcast episode page`, async () => {
      await page.goto(`${system.url}${await firstItemOf(`/${edition}/podkast`)}`)
      const episode = await page.locator('.episodes h3 a').first().getAttribute('href')
      expect(await check(episode!)).toEqual([])
      await expect(page.locator('audio').count()).resolves.toBe(1)
    })
  }

  it('reflows at 400 % zoom (1280 px wide at 4×: 320 CSS px) without horizontal scrolling', async () => {
    const zoomed = await browser.newPage({ viewport: { width: 320, height: 256 } })
    const paths = ['/innlandet', '/innlandet/arrangementer', '/innlandet/fagtema/demens', '/tilgjengelighet']
    for (const type of ['e-kurs', 'film', 'podkast', 'artikler', 'arrangementer']) paths.push(await firstItemOf(`/vestfold/${type}`))
    for (const path of paths) {
      await zoomed.goto(`${system.url}${path}`)
      const overflow = await zoomed.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0)
    }
    await zoomed.close()
  })

  it('the national home and a national listing', async () => {
    expect(await check('/')).toEqual([])
    expect(await check('/e-kurs')).toEqual([])
  })

  it('loads a small variant for every card on a 390 px phone at 2×, never an original, and lays nothing out twice', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, bypassCSP: true })
    const tab = await phone.newPage()
    const fetched: Array<{ url: string; type: string; bytes: number }> = []
    tab.on('response', async (response) => {
      if (!new URL(response.url()).pathname.startsWith('/media/')) return
      fetched.push({ url: new URL(response.url()).pathname, type: response.headers()['content-type'] ?? '', bytes: (await response.body()).length })
    })
    await tab.goto(`${system.url}/innlandet`)
    // Record every layout shift from here on, then bring each lazy picture into view.
    await tab.evaluate(() => {
      const w = window as unknown as { shifts: number }
      w.shifts = 0
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => (w.shifts += (entry as unknown as { value: number }).value))).observe({ type: 'layout-shift', buffered: true })
    })
    for (const card of await tab.locator('.card img').all()) await card.scrollIntoViewIfNeeded()
    await tab.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.card img')].every((img) => img.complete && img.naturalWidth > 0))
    const cards = await tab.locator('.card img').evaluateAll((images) => (images as HTMLImageElement[]).map((img) => new URL(img.currentSrc).pathname))
    expect(cards.length).toBeGreaterThanOrEqual(8)
    for (const chosen of cards) expect(chosen).toMatch(/-w(320|640|1024)\.(avif|webp)$/)
    // Responses are recorded as their bodies arrive.
    await expect.poll(() => cards.filter((url) => !fetched.some((response) => response.url === url))).toEqual([])
    // Chromium takes the first source it decodes: AVIF (WebP is there for browsers without it).
    for (const file of fetched.filter((response) => cards.includes(response.url))) {
      expect(file.type).toMatch(/^image\/(avif|webp)$/)
      expect(file.bytes, file.url).toBeLessThanOrEqual(15 * 1024)
    }
    expect(fetched.filter((response) => response.url.endsWith('.png'))).toEqual([])
    expect(await tab.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0)
    await phone.close()
  })
})

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
})

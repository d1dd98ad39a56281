import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LocalSystem } from '../../infra/local/system.ts'
import { axeViolations, describeViolations, launchBrowser, startSeededSystem } from './browser.ts'

describe('reader site in Chromium', () => {
  let system: LocalSystem
  let browser: Browser
  let context: BrowserContext
  beforeAll(async () => {
    ;[system, browser] = await Promise.all([startSeededSystem('reader'), launchBrowser()])
    // axe-core is injected as a script, which the site's own CSP (rightly) forbids.
    context = await browser.newContext({ bypassCSP: true, locale: 'nb-NO' })
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await system?.stop()
  })

  const openPage = async (path: string) => {
    const page = await context.newPage()
    const response = await page.goto(`${system.url}${path}`)
    return { page, response }
  }

  it('opens the national home with 0 axe violations', async () => {
    const { page, response } = await openPage('/')
    expect(response?.status()).toBe(200)
    await expect(page.locator('h1').textContent()).resolves.toBe('Kompetansebroen')
    expect(describeViolations(await axeViolations(page))).toEqual([])
    await page.close()
  })

  it('opens an item page from the home page with 0 axe violations', async () => {
    const { page } = await openPage('/')
    const firstCard = page.locator('.card-title a').first()
    const title = await firstCard.textContent()
    await firstCard.click()
    await page.waitForLoadState('domcontentloaded')
    expect(new URL(page.url()).pathname).toMatch(/^\/[a-z]+\/[a-z-]+\/[a-z0-9-]+$/)
    await expect(page.locator('h1').textContent()).resolves.toBe(title)
    expect(describeViolations(await axeViolations(page))).toEqual([])
    await page.close()
  })

  it('reads the site with JavaScript turned off', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false })
    const page = await noScript.newPage()
    await page.goto(`${system.url}/innlandet`)
    await expect(page.locator('h1').textContent()).resolves.toContain('Innlandet')
    await page.selectOption('#omrade', 'vestfold')
    await page.getByRole('button', { name: 'Gå' }).click()
    await page.waitForURL(`${system.url}/vestfold`)
    await noScript.close()
  })
})

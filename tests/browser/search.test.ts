import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LocalSystem } from '../../infra/local/system.ts'
import { axeViolations, describeViolations, launchBrowser, startSeededSystem } from './browser.ts'

/** Issue 12: the header's search field with its suggestions (ARIA combobox, keyboard only) and the search pages. */
describe('searching as a reader', () => {
  let system: LocalSystem
  let browser: Browser
  beforeAll(async () => {
    ;[system, browser] = await Promise.all([startSeededSystem('search'), launchBrowser()])
  })
  afterAll(async () => {
    await browser?.close()
    await system?.stop()
  })

  const expectNoViolations = async (page: Page, where: string) => {
    const violations = await axeViolations(page)
    expect(describeViolations(violations), where).toEqual([])
  }
  const field = (page: Page) => page.locator('#sok')
  const attribute = (page: Page, name: string) => field(page).getAttribute(name)

  it('types into the header field, walks the suggestions with the keyboard and opens one', async () => {
    // bypassCSP only so axe-core can be injected; the island itself runs under the site's CSP either way.
    const context = await browser.newContext({ locale: 'nb-NO', bypassCSP: true })
    const page = await context.newPage()
    await page.goto(`${system.url}/innlandet`)
    // Keyboard only: Tab from the top to the field (skip link, brand, then the field).
    for (let step = 0; step < 5 && (await page.evaluate(() => document.activeElement?.id)) !== 'sok'; step++) await page.keyboard.press('Tab')
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('sok')
    await expect(attribute(page, 'role')).resolves.toBe('combobox')

    await page.keyboard.type('legemiddel', { delay: 30 })
    const list = page.locator('#sok-forslag')
    await list.waitFor({ state: 'visible' })
    await expect(attribute(page, 'aria-expanded')).resolves.toBe('true')
    const options = list.locator('[role="option"]')
    const count = await options.count()
    expect(count).toBeGreaterThan(0)
    await expect(page.locator('.header-search [role="status"]').textContent()).resolves.toBe(`${count} forslag. Bruk pil opp og ned for å velge.`)
    await expectNoViolations(page, 'suggestions open')

    await page.keyboard.press('ArrowDown')
    await expect(attribute(page, 'aria-activedescendant')).resolves.toBe('sok-forslag-0')
    await expect(options.first().getAttribute('aria-selected')).resolves.toBe('true')
    // Focus stays in the field while the option is chosen.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('sok')
    await page.keyboard.press('ArrowUp')
    await expect(attribute(page, 'aria-activedescendant')).resolves.toBeNull()

    await page.keyboard.press('Escape')
    await expect(attribute(page, 'aria-expanded')).resolves.toBe('false')
    await expect(list.isHidden()).resolves.toBe(true)

    await page.keyboard.press('ArrowDown')
    await expect(attribute(page, 'aria-expanded')).resolves.toBe('true')
    const title = await options.first().textContent()
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => !url.pathname.endsWith('/innlandet'))
    await expect(page.locator('h1').textContent()).resolves.toBe(title)
    await context.close()
  })

  it('searches with Enter when no suggestion is chosen, and the results page and the page that found nothing pass axe', async () => {
    // bypassCSP only so axe-core can be injected; the island itself runs under the site's CSP either way.
    const context = await browser.newContext({ locale: 'nb-NO', bypassCSP: true })
    const page = await context.newPage()
    await page.goto(`${system.url}/innlandet`)
    await field(page).focus()
    await page.keyboard.type('demens', { delay: 20 })
    await page.keyboard.press('Enter')
    await page.waitForURL(`${system.url}/innlandet/sok?q=demens`)
    await expect(page.locator('.result-count').textContent()).resolves.toMatch(/^\d+ treff for «demens»$/)
    await expect(page.locator('.result-list mark').count()).resolves.toBeGreaterThan(0)
    await expectNoViolations(page, 'results')

    await page.goto(`${system.url}/innlandet/sok?q=kvantefysikk`)
    await expect(page.locator('.result-count').textContent()).resolves.toBe('Ingen treff for «kvantefysikk»')
    await expectNoViolations(page, 'no results')
    await context.close()
  })

  it('searches and filters with JavaScript off, through plain forms and links', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${system.url}/`)
    await field(page).fill('kols')
    await page.getByRole('button', { name: 'Søk', exact: true }).click()
    await page.waitForURL(`${system.url}/sok?q=kols`)
    const total = Number((await page.locator('.result-count').textContent())!.split(' ')[0])
    expect(total).toBeGreaterThan(0)
    const facet = page.locator('.facet a:not([aria-current])').first()
    const label = (await facet.textContent())!
    await facet.click()
    await expect(page.locator('.result-count').textContent()).resolves.toMatch(new RegExp(`^${label.match(/\((\d+)\)$/)![1]} treff`))
    await context.close()
  })
})

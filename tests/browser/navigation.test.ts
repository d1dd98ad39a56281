import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LocalSystem } from '../../infra/local/system.ts'
import { launchBrowser, startSeededSystem } from './browser.ts'

describe('navigating as a reader', () => {
  let system: LocalSystem
  let browser: Browser
  beforeAll(async () => {
    ;[system, browser] = await Promise.all([startSeededSystem('navigation'), launchBrowser()])
  })
  afterAll(async () => {
    await browser?.close()
    await system?.stop()
  })

  it('walks the main navigation with the keyboard alone, with a visible focus', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${system.url}/innlandet`)

    // The first Tab lands on the skip link, which becomes visible and moves focus to the main content.
    await page.keyboard.press('Tab')
    const skip = page.locator('a.skip-link')
    await expect(skip.evaluate((element) => element === document.activeElement)).resolves.toBe(true)
    const box = await skip.boundingBox()
    expect(box && box.y >= 0).toBe(true)
    await page.keyboard.press('Enter')
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main')

    // From the top again: Tab until the "Filmer" menu item has focus, then open it with Enter.
    await page.goto(`${system.url}/innlandet`)
    const visited: string[] = []
    for (let step = 0; step < 15; step++) {
      await page.keyboard.press('Tab')
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement
        const style = getComputedStyle(element)
        return { text: element.textContent?.trim() ?? '', outline: style.outlineStyle, shadow: style.boxShadow }
      })
      visited.push(focused.text)
      expect(focused.outline !== 'none' || focused.shadow !== 'none', `focus visible on "${focused.text}"`).toBe(true)
      if (focused.text === 'Filmer') break
    }
    expect(visited).toContain('Gå')
    expect(visited.at(-1)).toBe('Filmer')
    await page.keyboard.press('Enter')
    await page.waitForURL(`${system.url}/innlandet/film`)
    await expect(page.locator('h1').textContent()).resolves.toBe('Filmer')
    await context.close()
  })

  it('keeps the chosen region across navigation, including pages from other regions', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${system.url}/`)
    await page.selectOption('#omrade', 'vestfold')
    await page.getByRole('button', { name: 'Gå' }).click()
    await page.waitForURL(`${system.url}/vestfold`)

    // Coming back to the front page later lands in the chosen edition.
    await page.goto(`${system.url}/`)
    expect(new URL(page.url()).pathname).toBe('/vestfold')

    // An item from another region, opened from a link elsewhere, still shows the reader's edition.
    const response = await page.request.get(`${system.url}/api/v1/editions/innlandet/items?type=artikler&limit=1`)
    const [item] = ((await response.json()) as { items: Array<{ tenant: string; type: string; slug: string }> }).items
    await page.goto(`${system.url}/${item!.tenant}/${item!.type}/${item!.slug}`)
    await expect(page.locator('.brand-region').textContent()).resolves.toBe('Vestfold')
    await expect(page.locator('#omrade').inputValue()).resolves.toBe('vestfold')

    // The menu keeps the edition too.
    await page.getByRole('link', { name: 'Podkaster' }).click()
    await page.waitForURL(`${system.url}/vestfold/podkast`)
    await context.close()
  })
})

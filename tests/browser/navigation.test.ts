import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import type { Browser, Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { latestFrameHeight } from '../../functions/embeds/frame.ts'
import type { LocalSystem } from '../../infra/local/system.ts'
import { axeViolations, describeViolations, launchBrowser, startSeededSystem } from './browser.ts'

/** Another site on a second loopback port (a municipality's intranet): it answers every path with `pages[path]`. */
async function hostSite(pages: Record<string, string>): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const body = pages[request.url ?? '']
    response.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? '')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

const hostPage = (frames: string) =>
  `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Intranett</title><link rel="icon" href="data:,"></head><body><main><h1>Intranett</h1>${frames}</main></body></html>`

/**
 * axe inside one frame: the embeds' CSP refuses the <script> axeViolations adds, so axe is evaluated there instead
 * (evaluation through the DevTools protocol is not subject to the page's CSP).
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const inFrame = (frame: Frame) => ({ addScriptTag: () => frame.evaluate(axeSource), evaluate: frame.evaluate.bind(frame) }) as unknown as Page

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

  it('shows an embed inside another origin’s page, script-free and accessible, while other pages refuse the frame (issue 18)', async () => {
    const response = await fetch(`${system.url}/api/v1/editions/innlandet/items?type=e-kurs&limit=1`)
    const [item] = ((await response.json()) as { items: Array<{ tenant: string; type: string; slug: string; title: string }> }).items
    const itemUrl = `${system.url}/${item!.tenant}/${item!.type}/${item!.slug}`
    // The frame exactly as oEmbed hands it to an intranet that unfurls the link.
    const oembed = (await (await fetch(`${system.url}/api/oembed?url=${encodeURIComponent(itemUrl)}&format=json`)).json()) as { html: string; height: number; thumbnail_url?: string }
    expect(oembed.thumbnail_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\//)
    const latest = `<iframe src="${system.url}/innebygd/innlandet/siste?antall=3" title="Siste fra Innlandet" width="400" height="${latestFrameHeight(3)}" style="border:0"></iframe>`
    // The same card in a frame without oEmbed's sandbox as well, for axe, which needs script to run.
    const card = `<iframe src="${system.url}/innebygd/${item!.tenant}/${item!.type}/${item!.slug}" title="Kurset" width="480" height="${oembed.height}"></iframe>`
    const host = await hostSite({ '/': hostPage(oembed.html + card + latest), '/ramme': hostPage(`<iframe src="${itemUrl}" title="Kurset"></iframe>`) })
    const context = await browser.newContext()
    try {
      const page = await context.newPage()
      const problems: string[] = []
      page.on('console', (message) => void (message.type() === 'error' && problems.push(message.text())))
      page.on('pageerror', (error) => problems.push(error.message))
      await page.goto(`${host.url}/`, { waitUntil: 'networkidle' })
      const sandboxed = page.frameLocator('iframe[sandbox]')
      await expect(sandboxed.locator('h1 a').textContent()).resolves.toBe(`${item!.title} (åpnes i ny fane)`)
      await expect(sandboxed.locator('h1 a').getAttribute('target')).resolves.toBe('_blank')
      await expect(sandboxed.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).resolves.toBe(true)
      await expect(page.frameLocator('iframe[title="Siste fra Innlandet"]').locator('li').count()).resolves.toBe(3)
      const frames = page.frames().filter((frame) => frame !== page.mainFrame())
      expect(frames).toHaveLength(3)
      for (const frame of frames) {
        // The heights announced (oEmbed's for the card, the snippet's for the list) hold the content: nothing is cut off.
        const height = frame.url().includes('/siste') ? latestFrameHeight(3) : oembed.height
        expect(await frame.evaluate(() => document.documentElement.scrollHeight), frame.url()).toBeLessThanOrEqual(height)
        if (await (await frame.frameElement()).getAttribute('sandbox')) continue
        expect(describeViolations(await axeViolations(inFrame(frame))), frame.url()).toEqual([])
      }
      expect(problems).toEqual([])

      // An ordinary item page in the same kind of frame: Chromium refuses it (frame-ancestors 'none').
      const refused = await context.newPage()
      const refusals: string[] = []
      refused.on('console', (message) => void (message.type() === 'error' && refusals.push(message.text())))
      await refused.goto(`${host.url}/ramme`, { waitUntil: 'networkidle' })
      const framed = refused.frames().find((frame) => frame !== refused.mainFrame())!
      // Chromium shows its own error page in the frame instead, never the item.
      expect(await framed.locator('body').textContent()).not.toContain(item!.title)
      expect(framed.url()).not.toBe(itemUrl)
      expect(refusals.join('\n')).toContain("frame-ancestors 'none'")
    } finally {
      await context.close()
      host.server.close()
    }
  })
})

import { randomBytes } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page, Request } from 'playwright-core'
import { demoPassword } from '../../../infra/local/demo-editors.ts'
import { encodePng } from '../../../infra/local/seed/png.ts'

/** Signs in through the real flow: the workspace's button, the local identity provider's form, the PKCE callback. */
export async function signIn(page: Page, origin: string, username: string, path = '/redaktor/') {
  await page.goto(`${origin}${path}`)
  await page.getByRole('button', { name: 'Logg inn' }).click()
  await page.waitForURL(/\/dev-auth\/oauth2\/authorize/)
  await page.fill('#username', username)
  await page.fill('#password', demoPassword)
  await page.getByRole('button', { name: 'Logg inn' }).click()
  await page.waitForURL((url) => url.pathname.startsWith('/redaktor/') && !url.searchParams.has('code'))
}

/** A noisy PNG (about 1.4 MB at 800×600), big enough for the upload to report progress along the way. */
export function noisyPng(width = 800, height = 600): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kb-editor-')), 'sykepleier.png')
  writeFileSync(file, encodePng(width, height, new Uint8Array(randomBytes(width * height * 3))))
  return file
}

/** Every write the workspace sends to the API, to check each one carries the body's SHA-256. */
export function recordApiWrites(context: BrowserContext): Request[] {
  const writes: Request[] = []
  context.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/') && ['POST', 'PUT', 'PATCH'].includes(request.method())) writes.push(request)
  })
  return writes
}

/** The id of the item open in the editor, from the address bar. */
export const itemIdFrom = (page: Page) => /\/elementer\/([0-9A-Z]{26})/.exec(page.url())?.[1]

/**
 * Tabs through the page from where focus is, up to `stops` times or until focus leaves `within`, and answers every
 * focus stop whose box the sticky `bar` covers (WCAG 2.4.11: focus not obscured). Stops inside the bar are its own.
 */
export async function focusStopsUnder(page: Page, bar: string, within: string, stops = 250): Promise<string[]> {
  const covered: string[] = []
  for (let stop = 0; stop < stops; stop++) {
    await page.keyboard.press('Tab')
    const found = await page.evaluate(
      ([barSelector, withinSelector]) => {
        const focused = document.activeElement as HTMLElement | null
        if (!focused || !focused.closest(withinSelector)) return { done: true }
        const barElement = document.querySelector(barSelector)
        if (!barElement || barElement.contains(focused)) return { done: false }
        const [box, cover] = [focused.getBoundingClientRect(), barElement.getBoundingClientRect()]
        const beside = box.right <= cover.left || box.left >= cover.right
        // A tall control (the body editor, hundreds of pixels) is scrolled only until it shows: its start, where the
        // caret lands, must be above the bar. A field or a button must not touch the bar at all.
        const overlaps = beside ? false : box.height > 200 ? box.top >= cover.top || box.bottom <= 0 : box.bottom > cover.top && box.top < cover.bottom
        const name = focused.id || focused.getAttribute('aria-label') || focused.textContent?.trim().slice(0, 40) || focused.tagName
        return { done: false, covered: overlaps ? `${name} (${Math.round(box.top)}–${Math.round(box.bottom)} under ${Math.round(cover.top)})` : undefined }
      },
      [bar, within] as const,
    )
    if (found.done) break
    if (found.covered) covered.push(found.covered)
  }
  return covered
}

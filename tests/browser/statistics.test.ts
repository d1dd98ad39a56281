import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dayOf } from '../../functions/analytics/days.ts'
import { minuteBytes } from '../../functions/analytics/downloads.ts'
import type { ContentOf } from '../../functions/content/schema.ts'
import type { LocalSystem } from '../../infra/local/system.ts'
import { axeViolations, describeViolations, launchBrowser, startSeededSystem } from './browser.ts'
import { signIn } from './editor/helpers.ts'

/** What an ordinary browser says it is; headless Chromium's own user agent names it HeadlessChrome, a robot. */
const personsBrowser = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36'

/**
 * Issue 15, end to end on the local stack: pages loaded in Chromium and an episode fetched through the local router
 * are what the workspace's statistics page shows, with IAB rules applied to the router's own access log.
 */
describe('cookie-free statistics, end to end', () => {
  let system: LocalSystem
  let browser: Browser
  let article: string
  let articleId: string
  let series: ContentOf<'podkast'>
  const today = () => dayOf(new Date())
  const viewsOf = async (id: string) => (await system.services.analytics.read('akershus', today(), today())).filter((row) => row.id === id).reduce((sum, row) => sum + row.views, 0)
  /** A reader's browser: as automation tools are not counted, this one says it is not one (navigator.webdriver). */
  const readersBrowser = async (userAgent = personsBrowser): Promise<BrowserContext> => {
    const context = await browser.newContext({ locale: 'nb-NO', userAgent })
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false }))
    return context
  }

  beforeAll(async () => {
    ;[system, browser] = await Promise.all([startSeededSystem('statistics'), launchBrowser()])
    const listing = await (await fetch(`${system.url}/akershus/artikler`)).text()
    article = /href="(\/akershus\/artikler\/[a-z0-9-]+)"/.exec(listing)![1]!
    articleId = (await system.services.content.getPublished('akershus', 'artikler', article.split('/').pop()!))!.id
    const podcasts = await (await fetch(`${system.url}/akershus/podkast`)).text()
    const seriesSlug = /href="\/akershus\/podkast\/([a-z0-9-]+)"/.exec(podcasts)![1]!
    series = (await system.services.content.getPublished('akershus', 'podkast', seriesSlug)) as ContentOf<'podkast'>
  })
  afterAll(async () => {
    await browser?.close()
    await system?.stop()
  })

  it('counts a page view once per load from a reader’s browser, and none from automation or a robot', async () => {
    const reader = await readersBrowser()
    const page = await reader.newPage()
    const cookies: string[] = []
    page.on('response', async (response) => response.headers()['set-cookie'] && cookies.push(response.url()))
    await page.goto(`${system.url}${article}`, { waitUntil: 'load' })
    await expect.poll(() => viewsOf(articleId), { timeout: 10_000 }).toBe(1)
    await page.goto(`${system.url}${article}`, { waitUntil: 'load' })
    await expect.poll(() => viewsOf(articleId), { timeout: 10_000 }).toBe(2)
    expect(await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length])).toEqual(['', 0, 0])
    expect(cookies).toEqual([])
    await reader.close()

    // Chromium as automation drives it (navigator.webdriver), and a reader's browser whose agent says it is a robot.
    const automated = await browser.newContext({ locale: 'nb-NO', userAgent: personsBrowser })
    await (await automated.newPage()).goto(`${system.url}${article}`, { waitUntil: 'load' })
    const headless = await readersBrowser(personsBrowser.replace('Chrome/', 'HeadlessChrome/'))
    const beacons: number[] = []
    const robotPage = await headless.newPage()
    robotPage.on('response', (response) => response.url().endsWith('/api/v1/views') && beacons.push(response.status()))
    await robotPage.goto(`${system.url}${article}`, { waitUntil: 'load' })
    await expect.poll(() => beacons).toEqual([204])
    expect(await viewsOf(articleId)).toBe(2)
    await Promise.all([automated.close(), headless.close()])
  })

  it('counts an episode by IAB rules from the router’s access log, and the workspace shows exactly that, with axe 0', async () => {
    const episode = series.episodes[0]!
    const audio = `${system.url}${episode.audio.src}`
    const threshold = minuteBytes({ kind: 'audio', bytes: episode.audio.bytes, filename: '', durationSeconds: episode.audio.durationSeconds })
    const get = (agent: string, init: RequestInit = {}, range?: [number, number]) =>
      fetch(audio, { ...init, headers: { 'user-agent': agent, ...(range ? { range: `bytes=${range[0]}-${range[1]}` } : {}) } }).then((response) => response.arrayBuffer())
    // Less than a minute: no download. The same app twice, in ranges and whole: one. A HEAD and a robot: none.
    await get('AppleCoreMedia/1.0.0.21E236 (iPhone; U; CPU OS 17_4 like Mac OS X; nb_no)', {}, [0, Math.floor(threshold / 2)])
    await get('Overcast/3.0 (+http://overcast.fm/; iOS podcast app)', {}, [0, threshold - 1])
    await get('Overcast/3.0 (+http://overcast.fm/; iOS podcast app)')
    await get('Overcast/3.0 (+http://overcast.fm/; iOS podcast app)', { method: 'HEAD' })
    await get('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(await system.countDownloads()).toBe(1)

    // bypassCSP lets axe's script in; the page's own policy is tested elsewhere.
    const context = await browser.newContext({ locale: 'nb-NO', bypassCSP: true, viewport: { width: 1280, height: 900 } })
    const view = await context.newPage()
    await signIn(view, system.url, 'akershus@example.no')
    await view.getByRole('link', { name: 'Statistikk' }).click()
    await view.waitForURL(/\/redaktor\/akershus\/statistikk$/)
    await view.getByText('2 visninger og 1 nedlastinger og avspillinger').waitFor()
    const top = view.getByRole('table', { name: 'Innhold og filer, mest sett først' })
    const rows = await top.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent)))
    expect(rows.map((row) => [row[1], row[3], row[4]])).toEqual([
      ['Artikkel', '2', '0'],
      ['Lyd eller film', '0', '1'],
    ])
    const days = view.getByRole('table', { name: 'Per dag' })
    await expect(days.locator('tbody tr').count()).resolves.toBe(30)
    await expect(view.getByRole('img', { name: /Visninger og nedlastinger per dag/ }).count()).resolves.toBe(1)
    expect(describeViolations(await axeViolations(view)), 'statistics page').toEqual([])
    await view.setViewportSize({ width: 320, height: 800 })
    expect(await view.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    await context.close()

    // An administrator sees every edition's totals and the national sum under the edition's own figures.
    const admin = await browser.newContext({ locale: 'nb-NO', bypassCSP: true })
    const adminView = await admin.newPage()
    await signIn(adminView, system.url, 'admin@example.no', '/redaktor/akershus/statistikk')
    const editions = adminView.getByRole('table', { name: 'Visninger og nedlastinger per redaksjon' })
    await editions.waitFor()
    const editionRows = await editions.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent)))
    expect(editionRows.at(-1)).toEqual(['Totalt', '2', '1'])
    expect(editionRows.filter((row) => row[1] === '2' && row[2] === '1')).toHaveLength(2)
    expect(describeViolations(await axeViolations(adminView)), 'statistics page for an admin').toEqual([])
    await admin.close()

    // Another region's editor sees its own edition, where nothing was counted.
    const other = await browser.newContext({ locale: 'nb-NO' })
    const theirs = await other.newPage()
    await signIn(theirs, system.url, 'innlandet@example.no', '/redaktor/innlandet/statistikk')
    await theirs.getByText('0 visninger og 0 nedlastinger og avspillinger').waitFor()
    await other.close()
  })
})

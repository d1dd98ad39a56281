import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { slugify } from '../../functions/content/slug.ts'
import type { LocalSystem } from '../../infra/local/system.ts'
import { axeViolations, describeViolations, launchBrowser, startSeededSystem } from './browser.ts'
import { signIn } from './editor/helpers.ts'

/** The seeded course built here without an exam (infra/local/seed/course-lessons.ts), four lessons, in Akershus. */
const slug = slugify('Demens – grunnkurs for helsefagarbeidere')
const course = `/akershus/e-kurs/${slug}`
/** What an ordinary browser says it is; headless Chromium's own user agent names it HeadlessChrome, a robot. */
const personsBrowser = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36'

describe("a course's anonymous statistics (issue 11)", () => {
  let system: LocalSystem
  let browser: Browser
  let courseId: string
  beforeAll(async () => {
    ;[system, browser] = await Promise.all([startSeededSystem('course-stats'), launchBrowser()])
    courseId = (await system.services.content.getPublished('akershus', 'e-kurs', slug))!.id
  })
  afterAll(async () => {
    await browser?.close()
    await system?.stop()
  })

  /** Every lesson by "Neste leksjon", and on to the exam from the last one (which finishes it). */
  async function takeCourse(userAgent?: string) {
    const context = await browser.newContext({ locale: 'nb-NO', ...(userAgent ? { userAgent } : {}) })
    const page = await context.newPage()
    await page.goto(`${system.url}${course}/leksjon/1`)
    for (let n = 2; n <= 4; n++) {
      await page.getByRole('link', { name: /^Neste leksjon/ }).click()
      await page.waitForURL(`${system.url}${course}/leksjon/${n}`)
    }
    // The last lesson goes on to the exam: going on finishes it, and with it the course.
    await page.getByRole('link', { name: 'Gå til eksamen' }).click()
    await page.waitForURL(`${system.url}${course}/eksamen`)
    // Opening the course again sends nothing more: each beacon goes once per course in a browser.
    await page.goto(`${system.url}${course}/leksjon/1`)
    await context.close()
  }

  it('counts a person who starts and finishes the course once, not a robot, and shows the editors a table', async () => {
    await takeCourse()
    await takeCourse(personsBrowser)
    await expect.poll(async () => (await system.services.courseStats.read('akershus', courseId)).total, { timeout: 10_000 }).toEqual({ started: 1, finished: 1, attempts: 0, passes: 0 })

    const context = await browser.newContext({ locale: 'nb-NO', bypassCSP: true, viewport: { width: 1280, height: 900 } })
    const view = await context.newPage()
    await signIn(view, system.url, 'akershus@example.no')
    await view.goto(`${system.url}/redaktor/akershus/elementer/${courseId}/leksjoner`)
    await view.getByRole('link', { name: 'Se statistikk for kurset' }).click()
    await view.waitForURL(/\/statistikk$/)
    const table = view.getByRole('table', { name: 'Per måned, nyeste først, og totalt' })
    // The workspace fetches the figures after the route changes: the table is there once they have come.
    await table.waitFor()
    await expect(table.locator('thead th').allTextContents()).resolves.toEqual(['Måned', 'Startet', 'Fullført (alle leksjoner)', 'Eksamensforsøk', 'Bestått', 'Andel bestått'])
    await expect(table.locator('tfoot tr').locator('th, td').allTextContents()).resolves.toEqual(['Totalt', '1', '1', '0', '0', '–'])
    await expect(table.locator('tbody tr').count()).resolves.toBe(1)
    expect(describeViolations(await axeViolations(view)), 'statistics').toEqual([])
    // At 320 px the table scrolls inside its own region, not the page.
    await view.setViewportSize({ width: 320, height: 800 })
    expect(await view.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    await context.close()
  })

  it("keeps another region's editor out of this course's figures (the API's 403 is tested in course-stats.test.ts)", async () => {
    const context = await browser.newContext({ locale: 'nb-NO' })
    const view = await context.newPage()
    const asked: string[] = []
    view.on('request', (request) => asked.push(new URL(request.url()).pathname))
    await signIn(view, system.url, 'innlandet@example.no')
    await view.goto(`${system.url}/redaktor/akershus/elementer/${courseId}/statistikk`)
    await view.getByRole('heading', { level: 1 }).waitFor()
    await expect(view.locator('.notice-warning').count()).resolves.toBe(1)
    await expect(view.getByRole('table').count()).resolves.toBe(0)
    expect(asked.filter((path) => path.endsWith('/stats'))).toEqual([])
    await context.close()
  })
})

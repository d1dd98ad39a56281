import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { slugify } from '../../functions/content/slug.ts'
import type { LocalSystem } from '../../infra/local/system.ts'
import { axeViolations, describeViolations, launchBrowser, startSeededSystem } from './browser.ts'

/** The seeded course built here with an exam (infra/local/seed/course-lessons.ts): four lessons in two modules. */
const course = `/innlandet/e-kurs/${slugify('Legemiddelhåndtering i hjemmetjenesten')}`
const lessonTitles = ['Hvem har ansvaret?', 'Multidose og dosett', 'Virkning og bivirkninger', 'Når noe går galt: avvik']

describe('a reader takes a built course (issue 11)', () => {
  let system: LocalSystem
  let browser: Browser
  beforeAll(async () => {
    ;[system, browser] = await Promise.all([startSeededSystem('courses'), launchBrowser()])
  })
  afterAll(async () => {
    await browser?.close()
    await system?.stop()
  })

  /** From the course page, "Start kurset" and then "Neste leksjon" to the end; checks each lesson on the way. */
  async function walk(page: Page) {
    await page.goto(`${system.url}${course}`)
    await page.getByRole('link', { name: 'Start kurset' }).click()
    for (const [index, title] of lessonTitles.entries()) {
      await page.waitForURL(`${system.url}${course}/leksjon/${index + 1}`)
      await expect(page.locator('h1').textContent()).resolves.toBe(title)
      await expect(page.locator('.course-outline [aria-current="page"]').textContent()).resolves.toBe(title)
      const next = lessonTitles[index + 1]
      if (next) await page.getByRole('link', { name: `Neste leksjon: ${next}` }).click()
    }
    // The last lesson leads to the exam (built by the exam engineer; only the link is checked here).
    await expect(page.getByRole('link', { name: 'Gå til eksamen' }).getAttribute('href')).resolves.toBe(`${course}/eksamen`)
  }

  it('walks every lesson with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await walk(page)
    await page.goto(`${system.url}/mine-kurs`)
    await expect(page.locator('[data-mine]').textContent()).resolves.toContain('JavaScript')
    await context.close()
  })

  it('with JavaScript on, remembers progress in this browser: "Fortsett der du slapp", finished lessons and /mine-kurs', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await walk(page)
    // Lessons 1–3 were finished by going on; lesson 4 was opened and is where the reader stopped.
    await page.goto(`${system.url}${course}`)
    const resume = page.getByRole('link', { name: /Fortsett der du slapp/ })
    await expect(resume.getAttribute('href')).resolves.toBe(`${course}/leksjon/4`)
    await expect(page.locator('.course-outline li').allTextContents()).resolves.toEqual([
      `${lessonTitles[0]} ✓ fullført`,
      `${lessonTitles[1]} ✓ fullført`,
      `${lessonTitles[2]} ✓ fullført`,
      lessonTitles[3],
    ])
    await page.goto(`${system.url}/mine-kurs`)
    const entry = page.locator('[data-mine] li')
    await expect(entry.textContent()).resolves.toBe('Legemiddelhåndtering i hjemmetjenesten – 3 / 4 leksjoner fullført')
    await expect(entry.locator('a').getAttribute('href')).resolves.toBe(`${course}/leksjon/4`)
    // Nothing about it left the browser: no cookie was set.
    expect(await context.cookies()).toEqual([])
    await context.close()
  })

  it('has 0 axe violations on the course page, a lesson and /mine-kurs, and reflows at 320 px', async () => {
    // axe-core is injected as a script, which the site's own CSP (rightly) forbids.
    const context = await browser.newContext({ bypassCSP: true, locale: 'nb-NO' })
    const page = await context.newPage()
    for (const path of [course, `${course}/leksjon/2`, `${course}/leksjon/4`, '/mine-kurs', `/innlandet/e-kurs/${slugify('Ernæring og underernæring hos eldre')}`]) {
      expect((await page.goto(`${system.url}${path}`))?.status(), path).toBe(200)
      expect(describeViolations(await axeViolations(page)), path).toEqual([])
      await page.setViewportSize({ width: 320, height: 480 })
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), path).toBeLessThanOrEqual(0)
      await page.setViewportSize({ width: 1280, height: 800 })
    }
    await context.close()
  })
})

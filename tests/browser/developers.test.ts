import { readFile } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSiteApp } from '../../web/site/app.tsx'
import { createTestEnvironment } from '../support/environment.ts'
import { seedCatalog } from '../support/fixtures.ts'
import { axeViolations, describeViolations, launchBrowser } from './browser.ts'

/**
 * /for-utviklere in Chromium with its stylesheet: axe 0 and no sideways scrolling
 * at 320 px (its long URLs and snippets wrap). The page needs only the catalog, so it is rendered from a small fixture
 * rather than a seeded system.
 */
describe('/for-utviklere in Chromium', () => {
  let browser: Browser
  let html: string
  let css: string

  beforeAll(async () => {
    const { services } = await createTestEnvironment('developers-browser', { siteOrigin: 'https://kompetansebroen.example' })
    await seedCatalog(services, ['nasjonal', 'innlandet', 'vestfold', 'akershus', 'ostfold'], ['demens', 'legemiddelhandtering'])
    html = await (await createSiteApp(services, { assets: () => ({}) }).request('/for-utviklere')).text()
    css = await readFile(new URL('../../web/styles/site.css', import.meta.url), 'utf8')
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  it('has no axe violations and reflows at 320 px', async () => {
    // The page carries no script of its own (checked in tests/web/developers.test.ts), so JavaScript stays on for axe.
    const context = await browser.newContext({ locale: 'nb-NO' })
    const page = await context.newPage()
    await page.setViewportSize({ width: 320, height: 800 })
    await page.setContent(html.replace('</head>', `<style>${css}</style></head>`), { waitUntil: 'domcontentloaded' })
    expect(await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth), 'reflows at 320 px').toBe(false)
    expect(describeViolations(await axeViolations(page))).toEqual([])
    await context.close()
  })
})

import { PDFDocument } from 'pdf-lib'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAttempts } from '../../functions/courses/exam-attempts.ts'
import type { LocalSystem } from '../../infra/local/system.ts'
import { expectAxeCleanAt320, launchBrowser, startSeededSystem } from './browser.ts'

const examPath = '/innlandet/e-kurs/legemiddelhandtering-i-hjemmetjenesten/eksamen'

/**
 * A reader takes a seeded exam in Chromium with JavaScript off (plain forms all the way, through the local
 * router, which hashes form bodies as CloudFront's edge function does): fails once, passes,
 * types a name, downloads the kursbevis and checks it on /kursbevis/{code}; every page passes axe.
 */
describe('exam and kursbevis in Chromium (issue 11)', () => {
  let system: LocalSystem
  let browser: Browser
  let context: BrowserContext
  beforeAll(async () => {
    ;[system, browser] = await Promise.all([startSeededSystem('exams'), launchBrowser()])
    context = await browser.newContext({ bypassCSP: true, locale: 'nb-NO', javaScriptEnabled: false, acceptDownloads: true })
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await system?.stop()
  })

  const axeClean = (page: Page) => expectAxeCleanAt320(browser, page)

  /** Answers every question: right, or wrong (a wrong option for each). */
  const answerAll = async (page: Page, right: boolean) => {
    const attemptId = new URL(page.url()).pathname.split('/').pop()!
    const attempt = (await createAttempts(system.services.db).get(attemptId))!
    for (const question of attempt.questions) {
      const chosen = question.options.filter((option) => option.correct === right).slice(0, question.choose)
      for (const option of chosen) await page.check(`#${question.id}-${option.id}`)
    }
    await page.getByRole('button', { name: 'Lever svarene' }).click()
    await page.waitForURL(/\/resultat$/)
  }

  it('fails once, passes, downloads the kursbevis and verifies it; every page passes axe', async () => {
    const page = await context.newPage()
    const intro = await page.goto(`${system.url}${examPath}`)
    expect(intro?.status()).toBe(200)
    await expect(page.locator('h1').textContent()).resolves.toBe('Legemiddelhåndtering i hjemmetjenesten')
    await axeClean(page)

    await page.getByRole('button', { name: 'Start eksamen' }).click()
    await page.waitForURL(new RegExp(`${examPath}/[0-9A-Z]{26}$`))
    expect(await page.locator('fieldset').count()).toBe(4)
    await axeClean(page)
    await answerAll(page, false)
    await expect(page.locator('h2').first().textContent()).resolves.toBe('Ikke bestått')
    await axeClean(page)

    await page.goto(`${system.url}${examPath}`)
    await page.getByRole('button', { name: 'Start eksamen' }).click()
    await page.waitForURL(new RegExp(`${examPath}/[0-9A-Z]{26}$`))
    await answerAll(page, true)
    await expect(page.locator('h2').first().textContent()).resolves.toBe('Bestått')
    await axeClean(page)

    await page.getByLabel('Fullt navn').fill('Kari Nordmann')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned kursbevis (PDF)' }).click()])
    const code = download.suggestedFilename().match(/^kursbevis-([0-9A-Z]{10})\.pdf$/)![1]!
    const pdf = await PDFDocument.load(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks)))
    expect(pdf.getTitle()).toBe('Kursbevis: Legemiddelhåndtering i hjemmetjenesten')
    expect(pdf.getSubject()).toContain(code)

    const verify = await page.goto(`${system.url}/kursbevis/${code}`)
    expect(verify?.status()).toBe(200)
    const text = await page.locator('main').textContent()
    expect(text).toContain('Legemiddelhåndtering i hjemmetjenesten')
    expect(text).toContain('K. N.')
    expect(text).toContain('Gyldig til')
    expect(text).not.toContain('Kari')
    await axeClean(page)

    expect((await page.goto(`${system.url}/kursbevis/ABCDEFGHJK`))?.status()).toBe(404)
    await page.close()
  })
})

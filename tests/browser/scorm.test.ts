import { PDFDocument } from 'pdf-lib'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAttempts } from '../../functions/courses/exam-attempts.ts'
import { attemptKey } from '../../functions/courses/exam-keys.ts'
import type { LocalSystem } from '../../infra/local/system.ts'
import { scormDemoQuestions } from '../../infra/local/seed/scorm-package.ts'
import { goodPackage, renamed } from '../support/scorm-zips.ts'
import { axeViolations, describeViolations, launchBrowser, startSeededSystem } from './browser.ts'
import { signIn } from './editor/helpers.ts'

const coursePath = '/ostfold/e-kurs/handhygiene-i-praksis'

/**
 * A reader plays the seeded SCORM 1.2 package in Chromium, with every CSP in force (no bypass): the site frames
 * the player on the SCORM origin, the package finds scorm-again's runtime, its test reports a pass, and the reader
 * goes on to the kursbevis through the server's checks (too early first, then after the time a reader would
 * spend, simulated by moving the attempt's start back). Pages pass axe; without JavaScript nothing broken is offered.
 */
describe('SCORM course in Chromium (issue 11)', () => {
  let system: LocalSystem
  let browser: Browser
  beforeAll(async () => {
    ;[system, browser] = await Promise.all([startSeededSystem('scorm'), launchBrowser()])
  })
  afterAll(async () => {
    await browser?.close()
    await system?.stop()
  })

  /** axe is injected as a script, which the site's CSP forbids: it runs on the same page in a context that bypasses CSP. */
  const axeClean = async (page: Page) => {
    const checker = await browser.newContext({ bypassCSP: true, locale: 'nb-NO' })
    const probe = await checker.newPage()
    await probe.goto(page.url())
    const violations = describeViolations(await axeViolations(probe))
    await checker.close()
    expect(violations).toEqual([])
  }

  it('says it needs JavaScript, and offers no start button, when JavaScript is off', async () => {
    const context = await browser.newContext({ locale: 'nb-NO', javaScriptEnabled: false })
    const page = await context.newPage()
    expect((await page.goto(`${system.url}${coursePath}`))?.status()).toBe(200)
    await expect(page.getByText('Dette kurset kjøres i nettleseren og trenger JavaScript').isVisible()).resolves.toBe(true)
    await expect(page.getByRole('button', { name: 'Start kurset' }).count()).resolves.toBe(0)
    await context.close()
  })

  it('plays the package on the SCORM origin, reports the pass, and leads to a kursbevis that verifies', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ locale: 'nb-NO', acceptDownloads: true })
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    // Script errors in any frame: the package, the player, the page.
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    const posted: string[] = []
    page.on('request', (request) => {
      if (request.method() !== 'GET') posted.push(`${request.method()} ${new URL(request.url()).pathname}`)
    })
    await page.goto(`${system.url}${coursePath}`)
    await axeClean(page)
    await page.getByRole('button', { name: 'Start kurset' }).click()
    await page.waitForURL(/\/scorm\/[0-9A-Z]{26}$/)
    const attemptId = new URL(page.url()).pathname.split('/').pop()!

    const player = page.locator('iframe[data-scorm-player]')
    await expect(player.isVisible()).resolves.toBe(true)
    expect(new URL((await player.getAttribute('src'))!).origin).toBe(system.scormUrl)
    expect(await player.getAttribute('sandbox')).toBe('allow-scripts allow-same-origin allow-forms')
    await axeClean(page)

    // The package, two frames down, on the SCORM origin: its pages, then its test, all answered right.
    const course = page.frameLocator('iframe[data-scorm-player]').frameLocator('#package')
    await course.getByRole('heading', { name: 'Hvorfor håndhygiene?' }).waitFor()
    for (let n = 0; n < 3; n++) await course.getByRole('button', { name: 'Neste side' }).click()
    for (let q = 0; q < scormDemoQuestions.length; q++) await course.locator(`#q${q}-0`).check()
    await course.getByRole('button', { name: 'Lever testen' }).click()
    await course.getByText('Du har bestått.').waitFor()

    // The package found the runtime (the pass reached the page through it), and its progress stays in the browser.
    const status = page.locator('[data-scorm-status]')
    await expect.poll(() => status.textContent()).toBe('Du har bestått kurset (100 %). Hent kursbeviset nedenfor.')
    const playerFrame = page.frames().find((frame) => frame.url().startsWith(system.scormUrl) && frame.url().includes('scorm-player'))!
    const kept = await playerFrame.evaluate(() => Object.entries(localStorage).find(([key]) => key.startsWith('kompetansebroen-scorm-'))?.[1])
    expect(JSON.parse(kept!)).toMatchObject({ 'core.lesson_status': 'passed', 'core.score.raw': '100', 'core.lesson_location': '4' })
    expect(posted).toEqual([`POST /api/v1/exams/ostfold/handhygiene-i-praksis/scorm`])

    // Straight away is sooner than the course can be taken: the server says so, and the pass is still there.
    await page.getByRole('button', { name: 'Gå videre til kursbevis' }).click()
    await page.waitForURL(/feil=tidlig/)
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/^Det har gått kortere tid siden du startet/)

    // As if the reader had spent ten minutes: the player resumes from the browser's storage and reports the pass again.
    const startedAt = new Date(Date.now() - 10 * 60_000).toISOString()
    await system.services.db.transact([{ Update: { Key: attemptKey(attemptId), UpdateExpression: 'SET createdAt = :at', ExpressionAttributeValues: { ':at': startedAt } } }])
    await page.reload()
    await expect.poll(() => page.locator('[data-scorm-status]').textContent()).toBe('Du har bestått kurset (100 %). Hent kursbeviset nedenfor.')
    await page.getByRole('button', { name: 'Gå videre til kursbevis' }).click()
    await page.waitForURL(/\/scorm\/[0-9A-Z]{26}\/resultat$/)
    await expect(page.locator('h2').first().textContent()).resolves.toBe('Bestått')
    expect(await createAttempts(system.services.db).get(attemptId)).toMatchObject({ kind: 'scorm', passed: true, scorePercent: 100 })
    await axeClean(page)

    await page.getByLabel('Fullt navn').fill('Ola Nordmann')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned kursbevis (PDF)' }).click()])
    const code = download.suggestedFilename().match(/^kursbevis-([0-9A-Z]{10})\.pdf$/)![1]!
    const pdf = await PDFDocument.load(Buffer.concat(await (await download.createReadStream()).toArray()))
    expect(pdf.getTitle()).toBe('Kursbevis: Håndhygiene i praksis')
    const verification = await page.goto(`${system.url}/kursbevis/${code}`)
    expect(verification?.status()).toBe(200)
    await expect(page.locator('main').textContent()).resolves.toContain('Håndhygiene i praksis')
    await expect(page.locator('main').textContent()).resolves.toContain('O. N.')
    expect(errors).toEqual([])
    await context.close()
  })

  it('lets an editor upload a SCORM zip in the course form: a hostile one is refused in bokmål, a good one shows what it holds', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ locale: 'nb-NO', bypassCSP: true, viewport: { width: 1280, height: 900 } })
    const view = await context.newPage()
    view.setDefaultTimeout(20_000)
    await signIn(view, system.url, 'ostfold@example.no')
    await view.waitForURL(/\/redaktor\/ostfold\/elementer$/)
    await view.goto(`${system.url}/redaktor/ostfold/elementer/ny?type=e-kurs`)
    await view.getByLabel('Hvor tas kurset?').selectOption('scorm')
    await view.getByRole('button', { name: 'Velg eller last opp SCORM-pakke' }).click()
    const dialog = view.locator('dialog[open]')

    // A zip with a path that climbs out of the package: refused, with the reason in bokmål.
    const hostile = renamed(await goodPackage(), 'bilder/tom.svg', '../../evil.svg')
    await dialog.locator('input[type=file]').setInputFiles({ name: 'farlig.zip', mimeType: 'application/zip', buffer: hostile })
    await expect.poll(() => dialog.textContent(), { timeout: 20_000 }).toContain('ZIP-filen inneholder filnavn som ikke er trygge')

    await dialog.locator('input[type=file]').setInputFiles({ name: 'testkurs.zip', mimeType: 'application/zip', buffer: await goodPackage({ mastery: 75 }) })
    const card = dialog.locator('.media-card', { hasText: 'testkurs.zip' })
    await expect.poll(() => card.textContent(), { timeout: 20_000 }).toContain('SCORM 1.2 · 4 filer')
    expect(describeViolations(await axeViolations(view)), 'picker').toEqual([])
    await card.getByRole('button', { name: /^Velg/ }).click()

    const facts = view.locator('.scorm-facts')
    await expect(facts.textContent()).resolves.toContain('Testkurs')
    await expect(facts.textContent()).resolves.toContain('SCORM 1.2 · 4 filer')
    await expect(facts.textContent()).resolves.toContain('75 %')
    expect(describeViolations(await axeViolations(view)), 'course form').toEqual([])
    await context.close()
  })
})

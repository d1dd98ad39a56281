import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sesMailer } from '../../functions/events/mail.ts'
import { createIssues } from '../../functions/newsletter/issues.ts'
import { scheduledNewsletters } from '../../functions/newsletter/scheduled.ts'
import type { LocalSystem } from '../../infra/local/system.ts'
import { header, linkIn, mailTo } from '../support/newsletter.ts'
import { axeViolations, describeViolations, expectAxeCleanAt320, launchBrowser, startSeededSystem } from './browser.ts'
import { signIn } from './editor/helpers.ts'

/**
 * The newsletter as a reader meets it in Chromium with JavaScript off, through the local router (form bodies hashed
 * as CloudFront's edge function does): the sign-up form with its errors, the confirmation from the SES emulator, an
 * issue sent by the scheduler's code, the preferences page from its link, then the one-click POST, and no more mail.
 */
describe('newsletter in Chromium (issue 14)', () => {
  let system: LocalSystem
  let browser: Browser
  let context: BrowserContext
  beforeAll(async () => {
    ;[system, browser] = await Promise.all([startSeededSystem('newsletter'), launchBrowser()])
    context = await browser.newContext({ bypassCSP: true, locale: 'nb-NO', javaScriptEnabled: false })
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await system?.stop()
  })

  const axeClean = (page: Page) => expectAxeCleanAt320(browser, page)
  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()

  async function sendIssue(subject: string) {
    const [item] = (await system.services.content.listEdition('akershus', { limit: 1 })).items
    await createIssues(system.services.db).schedule('akershus', { subject, intro: 'Hei!', itemIds: [item!.id] }, [{ ...item!, topics: item!.topics }], { createdBy: 'test' })
    return scheduledNewsletters(system.services.db, sesMailer(system.config), system.config, { sleep: async () => {} })()
  }

  it('subscribes, confirms, changes topics and unsubscribes with one click', async () => {
    const page = await context.newPage()
    await page.goto(`${system.url}/akershus/nyhetsbrev`)
    await axeClean(page)

    await page.getByLabel('E-postadresse').fill('ola@')
    await page.getByRole('button', { name: 'Abonner' }).click()
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Vi kunne ikke registrere abonnementet')
    expect(await page.getByLabel('E-postadresse').getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByLabel('E-postadresse').inputValue()).toBe('ola@')
    await axeClean(page)

    const email = `ola-${Date.now()}@kommune.example.no`
    await page.getByLabel('E-postadresse').fill(email)
    await page.getByLabel('Alt fra redaksjonen').check()
    await page.getByLabel('Jeg samtykker').check()
    await page.getByRole('button', { name: 'Abonner' }).click()
    await expect(heading(page)).resolves.toBe('Sjekk innboksen din')
    await axeClean(page)

    await page.goto(`${system.url}${linkIn((await mailTo(system.sesUrl, email))[0], '/bekreft/')}`)
    await axeClean(page)
    await page.getByRole('button', { name: 'Ja, bekreft abonnementet' }).click()
    await expect(heading(page)).resolves.toBe('Abonnementet er bekreftet')

    expect(await sendIssue('Nytt fra Akershus i nettleseren')).toEqual([expect.objectContaining({ outcome: 'finished' })])
    const issue = (await mailTo(system.sesUrl, email)).find((mail) => mail.subject === 'Nytt fra Akershus i nettleseren')
    expect(header(issue, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')

    await page.goto(`${system.url}${linkIn(issue, '/innstillinger/')}`)
    await expect(heading(page)).resolves.toBe('Innstillinger for nyhetsbrevet')
    await axeClean(page)
    await page.getByLabel('Alt fra redaksjonen').uncheck()
    await page.getByRole('button', { name: 'Lagre valgene' }).click()
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Velg «Alt» eller minst ett fagtema')
    await axeClean(page)
    await page.getByLabel('Alt fra redaksjonen').check()
    await page.getByRole('button', { name: 'Lagre valgene' }).click()
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Valgene er lagret')

    // The mail client's one-click POST (RFC 8058) to the URL in List-Unsubscribe, through the router as through CloudFront.
    const oneClick = await fetch(header(issue, 'List-Unsubscribe')!.slice(1, -1), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(oneClick.status).toBe(200)
    const before = (await mailTo(system.sesUrl, email)).length
    await sendIssue('Nytt fra Akershus etter avmelding')
    expect(await mailTo(system.sesUrl, email)).toHaveLength(before)
  })

  it('lets an editor preview, test-send and schedule an issue in the workspace', async () => {
    const editor = await browser.newContext({ bypassCSP: true, locale: 'nb-NO' })
    const page = await editor.newPage()
    await signIn(page, system.url, 'akershus@example.no')
    await page.getByRole('link', { name: 'Nyhetsbrev' }).click()
    await expect(heading(page)).resolves.toContain('Nyhetsbrev for')
    await page.getByLabel('Emne').fill('Nytt fra redaksjonen')
    await page.getByLabel('Innledning').fill('Hei alle sammen!')
    await page.locator('input[name="itemIds"]').first().check()
    await page.getByRole('button', { name: 'Forhåndsvis' }).click()
    const frame = page.frameLocator('iframe[title="Forhåndsvisning av e-posten"]')
    await expect(frame.locator('body').textContent()).resolves.toContain('Hei alle sammen!')
    expect(describeViolations(await axeViolations(page))).toEqual([])

    await page.getByRole('button', { name: 'Send test til meg' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Testen er sendt' }).textContent()).resolves.toContain('akershus@example.no')
    expect((await mailTo(system.sesUrl, 'akershus@example.no')).some((mail) => mail.subject === '[Test] Nytt fra redaksjonen')).toBe(true)

    await page.getByRole('button', { name: 'Send eller planlegg' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'lagt i kø' }).textContent()).resolves.toContain('lagt i kø')
    await expect(page.getByRole('cell', { name: 'Nytt fra redaksjonen' }).textContent()).resolves.toBe('Nytt fra redaksjonen')
    expect(describeViolations(await axeViolations(page))).toEqual([])
    await editor.close()
  })
})

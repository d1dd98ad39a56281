import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sentMail } from '../../infra/local/emulators.ts'
import type { LocalSystem } from '../../infra/local/system.ts'
import { testEvent } from '../support/events.ts'
import { publishNew } from '../support/fixtures.ts'
import { expectAxeCleanAt320, launchBrowser, startSeededSystem } from './browser.ts'

/**
 * A reader signs up for an event in Chromium with JavaScript off, through the local router (which hashes the form
 * body as CloudFront's edge function does and sends the path to the events function): a refused form shows its
 * errors (axe 0), the corrected one reaches the receipt, and the confirmation is in the SES emulator.
 */
describe('event sign-up in Chromium (issue 13)', () => {
  let system: LocalSystem
  let browser: Browser
  let context: BrowserContext
  beforeAll(async () => {
    ;[system, browser] = await Promise.all([startSeededSystem('events'), launchBrowser()])
    await publishNew(system.services, testEvent('akershus', 'nettleserdag', { title: 'Fagdag i nettleseren', capacity: 20 }))
    context = await browser.newContext({ bypassCSP: true, locale: 'nb-NO', javaScriptEnabled: false })
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await system?.stop()
  })

  const axeClean = (page: Page) => expectAxeCleanAt320(browser, page)

  it('signs up through the plain form, errors first, and sees the confirmation page and e-mail', async () => {
    const page = await context.newPage()
    await page.goto(`${system.url}/akershus/arrangementer/nettleserdag`)
    await page.getByRole('link', { name: 'Meld deg på' }).click()
    expect(new URL(page.url()).pathname).toBe('/akershus/arrangementer/nettleserdag/pamelding')
    await axeClean(page)

    // Sent with a broken address and no consent: the form comes back with its errors and what was typed.
    await page.getByLabel('Navn').fill('Kari Nordmann')
    await page.getByLabel('E-postadresse').fill('kari@')
    await page.getByLabel('Arbeidssted').fill('Lørenskog sykehjem')
    await page.getByLabel('Kommune').fill('Lørenskog')
    await page.getByRole('button', { name: 'Send påmelding' }).click()
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Påmeldingen ble ikke sendt')
    expect(await page.getByLabel('E-postadresse').getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByLabel('Arbeidssted').inputValue()).toBe('Lørenskog sykehjem')
    await axeClean(page)
    // The summary's link leads to the field.
    await page.getByRole('link', { name: /gyldig e-postadresse/ }).click()
    expect(new URL(page.url()).hash).toBe('#pamelding-email')

    const email = `kari-${Date.now()}@kommune.example.no`
    await page.getByLabel('E-postadresse').fill(email)
    await page.getByLabel('Jeg samtykker').check()
    await page.getByRole('button', { name: 'Send påmelding' }).click()
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Du er påmeldt')
    await axeClean(page)

    const mail = (await sentMail(system.sesUrl)).find((sent) => sent.destination.to.includes(email))
    expect(mail?.subject).toBe('Påmelding bekreftet: Fagdag i nettleseren')
    expect(mail?.body.text).toContain(`${system.url}/avmelding/`)
  })
})

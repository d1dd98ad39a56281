import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LocalSystem } from '../../infra/local/system.ts'
import { axeViolations, describeViolations, launchBrowser, startSeededSystem } from './browser.ts'
import { signIn } from './editor/helpers.ts'

describe('course builder in the workspace (issue 11)', () => {
  let system: LocalSystem
  let browser: Browser
  beforeAll(async () => {
    ;[system, browser] = await Promise.all([startSeededSystem('course-builder'), launchBrowser()])
  })
  afterAll(async () => {
    await browser?.close()
    await system?.stop()
  })

  it('opens a seeded built course, renames, adds and writes a lesson by keyboard and mouse, saves, and is axe-clean', async () => {
    // axe-core is injected as a script, which the site's own CSP (rightly) forbids.
    const context = await browser.newContext({ locale: 'nb-NO', bypassCSP: true, viewport: { width: 1280, height: 900 } })
    const view = await context.newPage()
    await signIn(view, system.url, 'innlandet@example.no')
    await view.waitForURL(/\/redaktor\/innlandet\/elementer$/)
    await view.goto(`${system.url}/redaktor/innlandet/elementer?type=e-kurs&q=legemiddel`)
    await view.getByRole('link', { name: 'Legemiddelhåndtering i hjemmetjenesten' }).click()
    await expect(view.getByLabel('Hvor tas kurset?').inputValue()).resolves.toBe('built')
    await view.getByRole('link', { name: 'Rediger moduler og leksjoner' }).click()
    await view.waitForURL(/\/leksjoner$/)
    await expect(view.locator('h1').textContent()).resolves.toBe('Leksjoner: Legemiddelhåndtering i hjemmetjenesten')
    await expect(view.getByLabel('Tittel på leksjon 1').inputValue()).resolves.toBe('Hvem har ansvaret?')
    expect(describeViolations(await axeViolations(view)), 'builder').toEqual([])

    await view.getByLabel('Tittel på leksjon 1').fill('Hvem har ansvaret for legemidlene?')
    await view.locator('fieldset', { hasText: 'Modul 2' }).getByRole('button', { name: 'Legg til leksjon' }).click()
    await view.getByLabel('Tittel på leksjon 5').fill('Oppsummering')
    // Moving by keyboard: focus stays on the button, and the numbering follows the order.
    await view.getByRole('button', { name: 'Flytt leksjon 5 opp' }).focus()
    await view.keyboard.press('Enter')
    await expect(view.getByLabel('Tittel på leksjon 4').inputValue()).resolves.toBe('Oppsummering')
    await view.getByRole('button', { name: 'Rediger teksten i leksjon 4' }).click()
    await view.locator('.block textarea').first().fill('Husk de **fem riktige**: pasient, legemiddel, dose, tid og måte.')
    expect(describeViolations(await axeViolations(view)), 'builder with the body editor').toEqual([])
    await view.getByRole('button', { name: 'Lagre leksjonene' }).click()
    await expect.poll(() => view.locator('[role="status"]').textContent()).toBe('Leksjonene er lagret (versjon 2).')

    // What was saved comes back after a reload, numbered in the new order.
    await view.reload()
    await expect(view.getByLabel('Tittel på leksjon 1').inputValue()).resolves.toBe('Hvem har ansvaret for legemidlene?')
    await expect(view.getByLabel('Tittel på leksjon 4').inputValue()).resolves.toBe('Oppsummering')
    await expect(view.getByLabel('Tittel på leksjon 5').inputValue()).resolves.toBe('Når noe går galt: avvik')
    await context.close()
  }, 120_000)
})

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
    await view.getByRole('button', { name: 'Rediger innholdet i leksjon 4' }).click()
    await view.getByRole('textbox', { name: 'Brødtekst' }).click()
    await view.keyboard.type('Husk de ')
    await view.keyboard.press('Control+b')
    await view.keyboard.type('fem riktige')
    await view.keyboard.press('Control+b')
    await view.keyboard.type(': pasient, legemiddel, dose, tid og måte.')
    expect(describeViolations(await axeViolations(view)), 'builder with the body editor').toEqual([])
    await view.getByRole('button', { name: 'Lagre leksjonene' }).click()
    await expect.poll(() => view.locator('[role="status"]').textContent()).toBe('Leksjonene er lagret (versjon 2).')

    // What was saved comes back after a reload, numbered in the new order.
    await view.reload()
    await expect(view.getByLabel('Tittel på leksjon 1').inputValue()).resolves.toBe('Hvem har ansvaret for legemidlene?')
    await expect(view.getByLabel('Tittel på leksjon 4').inputValue()).resolves.toBe('Oppsummering')
    await expect(view.getByLabel('Tittel på leksjon 5').inputValue()).resolves.toBe('Når noe går galt: avvik')
    await view.getByRole('button', { name: 'Rediger innholdet i leksjon 4' }).click()
    await expect(view.getByRole('textbox', { name: 'Brødtekst' }).locator('strong').textContent()).resolves.toBe('fem riktige')
    await context.close()
  })

  it("gives a lesson a picture and a PDF with the item editor's pickers and a practice question, which readers answer without JavaScript", async () => {
    const context = await browser.newContext({ locale: 'nb-NO', bypassCSP: true, viewport: { width: 1280, height: 900 } })
    const view = await context.newPage()
    await signIn(view, system.url, 'innlandet@example.no')
    await view.waitForURL(/\/redaktor\/innlandet\/elementer$/)
    const course = (await system.services.content.getPublished('innlandet', 'e-kurs', 'legemiddelhandtering-i-hjemmetjenesten'))!
    await view.goto(`${system.url}/redaktor/innlandet/elementer/${course.id}/leksjoner`)
    await view.getByRole('button', { name: 'Rediger innholdet i leksjon 3' }).click()

    // The picture: only the edition's own ready files have a "Velg" button; the choice shows its alt text.
    await view.getByRole('button', { name: 'Velg bilde – Hovedbilde' }).click()
    const dialog = view.locator('dialog[open]')
    const card = dialog.locator('.media-card', { has: view.getByRole('button', { name: /^Velg/ }) }).first()
    await card.waitFor()
    await card.getByRole('button', { name: /^Velg/ }).click()
    await expect.poll(() => dialog.count()).toBe(0)
    const alt = await view.locator('.lesson-editor').getByRole('textbox', { name: /^Alternativ tekst/ }).inputValue()
    expect(alt.length).toBeGreaterThan(3)
    const imageSrc = await view.locator('.lesson-editor img.media-thumb').getAttribute('src')
    expect(imageSrc).toMatch(/^\/media\/tenants\/innlandet\//)

    // The PDF: uploaded in the same dialog the item editor uses, then chosen; its name becomes the title.
    await view.getByRole('button', { name: 'Velg fil – PDF til nedlasting' }).click()
    await dialog.locator('input[type=file]').setInputFiles({ name: 'sjekkliste-multidose.pdf', mimeType: 'application/pdf', buffer: pdfFile })
    await dialog.locator('.upload-done').waitFor({ timeout: 20_000 })
    const pdfCard = dialog.locator('.media-card', { hasText: 'sjekkliste-multidose.pdf' })
    await pdfCard.getByRole('button', { name: /^Velg/ }).click({ timeout: 20_000 })
    await expect.poll(() => view.getByLabel('Tittel på PDF-en').inputValue()).toBe('sjekkliste-multidose')
    await view.getByLabel('Tittel på PDF-en').fill('Sjekkliste for multidose')

    // A practice question by keyboard: focus lands in the new question's text.
    await view.getByRole('button', { name: 'Legg til spørsmål' }).focus()
    await view.keyboard.press('Enter')
    // Focus moves once the question is rendered; typing before that would press the button again with the first space.
    await expect.poll(() => view.evaluate(() => document.activeElement?.tagName)).toMatch(/^(TEXTAREA|INPUT)$/)
    await view.keyboard.type('Hvilken bivirkning er vanlig ved opioider?')
    await view.getByLabel('Tekst, alternativ 1 i spørsmål 1').fill('Forstoppelse')
    await view.getByLabel('Riktig – alternativ 1 i spørsmål 1').check()
    await view.getByLabel('Tekst, alternativ 2 i spørsmål 1').fill('Økt matlyst')
    await view.getByLabel('Tilbakemelding, alternativ 2 i spørsmål 1').fill('Nei, det er ikke typisk for opioider.')
    await view.getByLabel('Forklaring til spørsmål 1').fill('Opioider gir ofte forstoppelse; følg med og gi avføringsmiddel etter forordning.')
    expect(describeViolations(await axeViolations(view)), 'builder with a lesson open').toEqual([])
    await view.getByRole('button', { name: 'Lagre leksjonene' }).click()
    await expect.poll(() => view.locator('[role="status"]').textContent()).toMatch(/^Leksjonene er lagret/)
    const item = (await system.services.content.getItem('innlandet', course.id))!
    await system.services.content.publish('innlandet', course.id, item.version)
    await context.close()

    // A reader without JavaScript: the picture, the PDF with its size, and the question, without its answer.
    const reader = await browser.newContext({ locale: 'nb-NO', javaScriptEnabled: false })
    const page = await reader.newPage()
    const lessonUrl = `${system.url}/innlandet/e-kurs/legemiddelhandtering-i-hjemmetjenesten/leksjon/3`
    await page.goto(lessonUrl)
    await expect(page.locator('picture img.hero').getAttribute('alt')).resolves.toBe(alt)
    await expect(page.getByRole('link', { name: /^Last ned: Sjekkliste for multidose \(PDF, \d+ kB\)$/ }).count()).resolves.toBe(1)
    const practice = page.locator('section.practice')
    await expect(practice.locator('fieldset legend').textContent()).resolves.toContain('Hvilken bivirkning er vanlig ved opioider?')
    await expect(practice.textContent()).resolves.not.toContain('Opioider gir ofte forstoppelse')
    await practice.getByLabel('Økt matlyst').check()
    await practice.getByRole('button', { name: 'Sjekk svarene' }).click()
    await page.waitForURL(/leksjon\/3\?svar=/)
    await expect(practice.locator('#ovelse-resultat').textContent()).resolves.toBe('Du svarte riktig på 0 av 1 spørsmål.')
    await expect(practice.textContent()).resolves.toContain('Forklaring: Opioider gir ofte forstoppelse')
    await expect(practice.textContent()).resolves.toContain('Nei, det er ikke typisk for opioider.')
    const answered = page.url()
    await reader.close()

    // Focus moves to the result (the redirect's fragment), and both states pass axe.
    const probe = await (await browser.newContext({ locale: 'nb-NO', bypassCSP: true })).newPage()
    await probe.goto(lessonUrl)
    expect(describeViolations(await axeViolations(probe)), 'lesson with practice').toEqual([])
    await probe.goto(answered)
    await expect.poll(() => probe.evaluate(() => document.activeElement?.id)).toBe('ovelse-resultat')
    expect(describeViolations(await axeViolations(probe)), 'lesson answered').toEqual([])
    await probe.context().close()
  })
})

/** A small valid PDF, as the media worker checks it (its bytes must sniff as a PDF). */
const pdfFile = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'.padEnd(4000, ' '))

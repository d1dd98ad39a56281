import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExamReading, createExamStore } from '../../functions/courses/exam-store.ts'
import type { LocalSystem } from '../../infra/local/system.ts'
import { axeViolations, describeViolations, launchBrowser, startSeededSystem } from './browser.ts'
import { itemIdFrom, signIn } from './editor/helpers.ts'

const course = 'Legemiddelhåndtering i hjemmetjenesten'
const examPath = '/innlandet/e-kurs/legemiddelhandtering-i-hjemmetjenesten/eksamen'
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id)
/** A control by its label, exactly (required fields' labels end in "(må fylles ut)"). */
const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(må fylles ut\\))?$`))
const status = (page: Page) => page.locator('[role="status"]').last().textContent()

/**
 * An Innlandet editor edits the seeded course's question bank in Chromium: edits a question, adds one by
 * keyboard (the summary names what is missing), survives someone else's save, is told in bokmål why the exam
 * cannot be published, publishes it, and readers are examined on the new bank. axe finds nothing throughout.
 */
describe('question-bank editor in the workspace (issue 11)', () => {
  let system: LocalSystem
  let browser: Browser
  beforeAll(async () => {
    ;[system, browser] = await Promise.all([startSeededSystem('exam-editor'), launchBrowser()])
  })
  afterAll(async () => {
    await browser?.close()
    await system?.stop()
  })

  it('edits, adds, saves over a stale version, publishes, and the reader exam still works', async () => {
    // axe-core is injected as a script, which the site's own CSP (rightly) forbids.
    const context = await browser.newContext({ locale: 'nb-NO', bypassCSP: true, viewport: { width: 1280, height: 900 } })
    const view = await context.newPage()
    await signIn(view, system.url, 'innlandet@example.no')
    await view.waitForURL(/\/redaktor\/innlandet\/elementer$/)
    await view.goto(`${system.url}/redaktor/innlandet/elementer?type=e-kurs&q=legemiddel`)
    await view.getByRole('link', { name: course }).click()
    await view.getByRole('link', { name: 'Rediger eksamen' }).click()
    await view.waitForURL(/\/eksamen$/)
    const courseId = itemIdFrom(view)!
    await expect.poll(() => view.locator('h1').textContent()).toBe(`Eksamen: ${course}`)
    await expect(field(view, 'Spørsmålstekst, spørsmål 1').inputValue()).resolves.toMatch(/^Hvem har det overordnede ansvaret/)
    await expect(field(view, 'Spørsmål per læringsmål').inputValue()).resolves.toBe('1')
    expect(await view.locator('fieldset.exam-question').count()).toBe(8)
    expect(describeViolations(await axeViolations(view)), 'exam editor').toEqual([])

    // Edit a question.
    await field(view, 'Spørsmålstekst, spørsmål 1').fill('Hvem har ansvaret for legemiddelhåndteringen i virksomheten?')
    await field(view, 'Tilbakemelding, alternativ 2 i spørsmål 1').fill('Den som deler ut, svarer for egen utførelse.')

    // Add one by keyboard: focus lands in the new question's text.
    await view.getByRole('button', { name: 'Legg til spørsmål' }).focus()
    await view.keyboard.press('Enter')
    await expect.poll(() => focusedId(view)).toMatch(/^f-q-.+-text$/)
    await view.keyboard.type('Hva gjør du hvis pasienten nekter å ta medisinen?')
    await field(view, 'Læringsmål for spørsmål 9').selectOption({ index: 2 })
    await field(view, 'Tekst, alternativ 1 i spørsmål 9').fill('Dokumenterer og melder fra til sykepleier')

    // Saving now names what is missing, and the summary takes focus.
    await view.getByRole('button', { name: 'Lagre eksamen' }).click()
    const summary = view.locator('.error-summary')
    await expect.poll(() => summary.isVisible()).toBe(true)
    await expect.poll(() => view.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true)
    await expect.poll(() => summary.textContent()).toContain('Tekst, alternativ 2 i spørsmål 9: Fyll ut feltet.')
    await expect.poll(() => summary.textContent()).toContain('Svaralternativer til spørsmål 9: Kryss av for nøyaktig ett riktig svar.')
    expect(describeViolations(await axeViolations(view)), 'exam editor with errors').toEqual([])

    await field(view, 'Tekst, alternativ 2 i spørsmål 9').fill('Tvinger medisinen i pasienten')
    await field(view, 'Riktig – alternativ 1 i spørsmål 9').focus()
    await view.keyboard.press('Space')
    await view.getByRole('button', { name: 'Legg til alternativ i spørsmål 9' }).focus()
    await view.keyboard.press('Enter')
    await expect.poll(() => focusedId(view)).toMatch(/^f-o-.+-text$/)
    await view.keyboard.type('Lar være å gi den uten å si fra')
    await field(view, 'Tilbakemelding, alternativ 3 i spørsmål 9').fill('Det må dokumenteres og meldes.')
    // Removing an option puts focus back on "add", with the numbering following.
    await view.getByRole('button', { name: 'Legg til alternativ i spørsmål 9' }).click()
    await view.getByRole('button', { name: 'Fjern alternativ 4 i spørsmål 9' }).click()
    await expect.poll(() => focusedId(view)).toMatch(/-add-option$/)
    expect(await field(view, 'Tekst, alternativ 4 i spørsmål 9').count()).toBe(0)

    // Someone else saves meanwhile: the save is refused in bokmål and the editor's work stays.
    const item = (await system.services.content.getItem('innlandet', courseId))!
    const store = createExamStore(system.services.db)
    const theirs = (await store.draft('innlandet', courseId))!
    await store.save(item as Parameters<typeof store.save>[0], theirs.version, { settings: { ...theirs.settings, passPercent: 90 }, questions: theirs.questions })
    await view.getByRole('button', { name: 'Lagre eksamen' }).click()
    const alert = view.locator('.notice-error[role="alert"]')
    await expect.poll(() => alert.textContent()).toContain('Noen andre har lagret eksamen')
    await expect(field(view, 'Spørsmålstekst, spørsmål 9').inputValue()).resolves.toBe('Hva gjør du hvis pasienten nekter å ta medisinen?')
    await view.getByRole('button', { name: 'Lagre min versjon over deres' }).click()
    await expect.poll(() => status(view)).toBe('Eksamen er lagret (versjon 4).')

    // Three questions per goal cannot be drawn: publishing says which goals lack questions.
    await field(view, 'Spørsmål per læringsmål').fill('3')
    await view.getByRole('button', { name: 'Publiser eksamen' }).click()
    await expect.poll(() => alert.textContent()).toContain('Eksamen kan ikke publiseres ennå:')
    await expect.poll(() => alert.textContent()).toContain('Læringsmål 1 («')
    await expect.poll(() => alert.textContent()).toContain('har 2 spørsmål, men 3 trekkes per læringsmål')
    expect(describeViolations(await axeViolations(view)), 'exam editor refusing to publish').toEqual([])

    await field(view, 'Spørsmål per læringsmål').fill('1')
    await view.getByRole('button', { name: 'Publiser eksamen' }).click()
    await expect.poll(() => status(view)).toMatch(/^Eksamen er publisert \(versjon 7\)/)
    await expect.poll(() => view.locator('.status-line').textContent()).toBe('Publisert versjon: 7.')

    // What was saved comes back after a reload.
    await view.reload()
    await expect(field(view, 'Spørsmålstekst, spørsmål 1').inputValue()).resolves.toBe('Hvem har ansvaret for legemiddelhåndteringen i virksomheten?')
    await expect(field(view, 'Riktig – alternativ 1 i spørsmål 9').isChecked()).resolves.toBe(true)
    await expect(field(view, 'Tekst, alternativ 3 i spørsmål 9').inputValue()).resolves.toBe('Lar være å gi den uten å si fra')

    // Readers are examined on the bank as published, and the exam pages still work.
    const published = (await createExamReading(system.services.db).published('innlandet', courseId))!
    expect(published.questions).toHaveLength(9)
    expect(published.questions[0]!.text).toBe('Hvem har ansvaret for legemiddelhåndteringen i virksomheten?')
    expect(published.questions[8]).toMatchObject({ goal: 2, kind: 'single', text: 'Hva gjør du hvis pasienten nekter å ta medisinen?' })
    const reader = await context.newPage()
    expect((await reader.goto(`${system.url}${examPath}`))?.status()).toBe(200)
    await reader.getByRole('button', { name: 'Start eksamen' }).click()
    await reader.waitForURL(new RegExp(`${examPath}/[0-9A-Z]{26}$`))
    expect(await reader.locator('fieldset').count()).toBe(4)
    await context.close()
  })
})

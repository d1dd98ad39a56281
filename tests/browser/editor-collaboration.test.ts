import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LocalSystem } from '../../infra/local/system.ts'
import { testArticle } from '../support/fixtures.ts'
import { axeViolations, describeViolations, launchBrowser, startSeededSystem } from './browser.ts'
import { signIn } from './editor/helpers.ts'

/**
 * What issue 17 built for editors working side by side, proven in Chromium (the views' component tests run in
 * happy-dom): presence between two editors, a server autosave that outlives its tab, and the admin area, the bin
 * and the filtered media library at axe 0.
 */
describe('editors working together, in Chromium (issue 17)', () => {
  let system: LocalSystem
  let browser: Browser
  const origin = () => system.url

  /** A signed-in page of its own (a fresh context: its own session storage, as another browser would have). */
  async function signedIn(username: string, path: string) {
    const context = await browser.newContext({ locale: 'nb-NO', bypassCSP: true, viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await signIn(page, origin(), username, path)
    return page
  }

  /** A draft of Innlandet's of its own, so each case stands alone. */
  const newDraft = async (slug: string) => (await system.services.content.create(testArticle('innlandet', `${slug}-${Date.now().toString(36)}`))).id
  const itemPath = (id: string) => `/redaktor/innlandet/elementer/${id}`

  const expectAxeClean = async (page: Page, where: string) => expect(describeViolations(await axeViolations(page)), where).toEqual([])

  beforeAll(async () => {
    ;[system, browser] = await Promise.all([startSeededSystem('collaboration'), launchBrowser()])
  })
  afterAll(async () => {
    await browser?.close()
    await system?.stop()
  })

  it('shows each of two editors that the other has the item open, and opening an item logs no console errors', async () => {
    const id = await newDraft('samtidig')
    const ola = await signedIn('innlandet@example.no', '/redaktor/innlandet/elementer')
    // The clock is the page's own, so the 30 s heartbeat can be reached without waiting 30 s.
    await ola.context().clock.install()
    const errors: string[] = []
    ola.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())))
    ola.on('pageerror', (error) => void errors.push(error.message))
    await ola.goto(`${origin()}${itemPath(id)}`)
    await ola.getByLabel('Ingress').waitFor()
    // The opening's calls have answered (the autosave's 204 among them) before the console is read.
    await ola.waitForLoadState('networkidle')
    expect(errors).toEqual([])

    // The admin opens the same item: their first heartbeat answers Ola at once.
    const admin = await signedIn('admin@example.no', itemPath(id))
    await admin.getByLabel('Ingress').waitFor()
    await admin.locator('.presence-notice', { hasText: 'Ola Haugen har også dette innholdet åpent.' }).waitFor()
    // Ola hears of the admin with the next heartbeat, 30 s on.
    expect(await ola.locator('.presence-notice').count()).toBe(0)
    await ola.clock.fastForward(30_000)
    await ola.locator('.presence-notice', { hasText: 'Sekretariatet (admin) har også dette innholdet åpent.' }).waitFor()
    await expectAxeClean(ola, 'item with presence notice')
    await ola.context().close()
    await admin.context().close()
  })

  it('autosaves after 20 s and as the tab closes, and offers the work back on the next opening', async () => {
    const id = await newDraft('autolagret')
    const first = await signedIn('innlandet@example.no', itemPath(id))
    await first.context().clock.install()
    await first.getByLabel('Ingress').fill('Første utkast.')
    // The server takes the form 20 s after the last change (the page's clock is moved on, not waited for).
    await first.clock.fastForward(20_000)
    await first.locator('.save-state', { hasText: /^Automatisk lagret kl\. \d\d:\d\d$/ }).waitFor()
    // A later change, and the tab closed long before its timer: only the pagehide's keepalive request can keep it.
    const typed = 'Skrevet rett før fanen ble lukket.'
    await first.getByLabel('Ingress').fill(typed)
    await first.close({ runBeforeUnload: false })
    await first.context().close()

    const second = await signedIn('innlandet@example.no', itemPath(id))
    const offer = second.getByRole('alert').filter({ hasText: 'Du har endringer som ble lagret automatisk' })
    await offer.waitFor()
    await expectAxeClean(second, 'item with the autosave offer')
    await offer.getByRole('button', { name: 'Gjenopprett' }).click()
    await expect(second.getByLabel('Ingress').inputValue()).resolves.toBe(typed)
    await second.context().close()
  })

  it('keeps the admin area, the bin and the filtered media library at axe 0, and refuses a non-admin', async () => {
    const admin = await signedIn('admin@example.no', '/redaktor/admin/utgaver')
    const heading = (name: string | RegExp) => admin.getByRole('heading', { level: 1, name }).waitFor()

    await heading('Utgaver')
    await admin.locator('table tbody tr').first().waitFor()
    await expectAxeClean(admin, 'editions')
    await admin.getByRole('link', { name: 'Ny utgave' }).click()
    await heading('Ny utgave')
    await expectAxeClean(admin, 'new edition')
    await admin.goto(`${origin()}/redaktor/admin/utgaver/innlandet`)
    await heading(/^Rediger /)
    await expectAxeClean(admin, 'edition form')

    await admin.goto(`${origin()}/redaktor/admin/fagtema`)
    await heading('Fagtema')
    await admin.locator('table tbody tr').first().waitFor()
    await expectAxeClean(admin, 'topics')
    for (const action of [/^Avvikle /, /^Slå sammen .* med et annet fagtema$/]) {
      await admin.getByRole('button', { name: action }).first().click()
      const dialog = admin.getByRole('dialog')
      await dialog.waitFor()
      await expectAxeClean(admin, `topics with the ${action.source} dialog`)
      await dialog.getByRole('button', { name: 'Avbryt' }).click()
      await dialog.waitFor({ state: 'detached' })
    }

    await admin.goto(`${origin()}/redaktor/admin/redaktorer`)
    await heading('Redaktører')
    await admin.locator('table tbody tr').first().waitFor()
    await expectAxeClean(admin, 'editors')
    await admin.getByRole('button', { name: 'Deaktiver kontoen til Per Olsen' }).click()
    const question = admin.getByRole('dialog', { name: 'Deaktivere kontoen til Per Olsen?' })
    await question.waitFor()
    await expectAxeClean(admin, 'editors with the deactivate dialog')
    await question.getByRole('button', { name: 'Avbryt' }).click()
    await question.waitFor({ state: 'detached' })

    // The bin with something in it.
    const binned = await system.services.content.create(testArticle('innlandet', `i-papirkurven-${Date.now().toString(36)}`))
    await system.services.bin.bin('innlandet', binned.id, binned.version)
    await admin.goto(`${origin()}/redaktor/innlandet/papirkurv`)
    await heading('Papirkurv')
    await admin.getByText(binned.title).waitFor()
    await expectAxeClean(admin, 'bin')

    // The media library searched and filtered, every visible file ticked for a bulk delete.
    await admin.goto(`${origin()}/redaktor/innlandet/media?q=png&type=image`)
    await expect(admin.inputValue('#media-q')).resolves.toBe('png')
    const all = admin.getByLabel('Velg alle synlige')
    await all.check()
    await admin.getByText(/filer? valgt$/).filter({ hasNotText: /^0 filer/ }).waitFor()
    await expectAxeClean(admin, 'media library, filtered, all selected')
    await admin.context().close()

    const regional = await signedIn('innlandet@example.no', '/redaktor/admin/utgaver')
    await regional.getByRole('heading', { level: 1, name: 'Du har ikke tilgang' }).waitFor()
    await expectAxeClean(regional, 'refusal')
    await regional.context().close()
  })
})

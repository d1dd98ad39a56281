import { createHash } from 'node:crypto'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoEditors, demoPassword } from '../../infra/local/demo-editors.ts'
import type { LocalSystem } from '../../infra/local/system.ts'
import { axeViolations, describeViolations, launchBrowser, startSeededSystem } from './browser.ts'
import { focusStopsUnder, itemIdFrom, noisyPng, recordApiWrites, signIn } from './editor/helpers.ts'

/** EDITOR_SCREENSHOTS=/some/dir saves what the editor saw at the interesting moments, for review. */
const shot = async (view: Page, name: string) => {
  if (process.env.EDITOR_SCREENSHOTS) await view.screenshot({ path: `${process.env.EDITOR_SCREENSHOTS}/${name}.png`, fullPage: true })
}

const editor = demoEditors.find((user) => user.username === 'innlandet@example.no')!

describe('editor workspace in Chromium', () => {
  let system: LocalSystem
  let browser: Browser
  let first: BrowserContext
  let page: Page
  const title = `Trygg legemiddelhåndtering ${Date.now().toString(36)}`
  let itemId: string
  let slug: string

  /** A signed-in view on one of Innlandet's seeded articles (not the first case's, so these cases stand alone). */
  async function onSeededArticle(viewport = { width: 1280, height: 900 }) {
    const context = await browser.newContext({ locale: 'nb-NO', bypassCSP: true, viewport })
    const view = await context.newPage()
    await signIn(view, system.url, editor.username, '/redaktor/innlandet/elementer?type=artikler')
    await view.locator('.item-table tbody a').first().click()
    await view.locator('.publish-panel').waitFor()
    return { context, view, id: itemIdFrom(view)! }
  }

  beforeAll(async () => {
    ;[system, browser] = await Promise.all([startSeededSystem('editor'), launchBrowser()])
    // The first session runs under the site's real CSP (no bypass): uploads must be allowed by it.
    first = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } })
    page = await first.newPage()
  })
  afterAll(async () => {
    await browser?.close()
    await system?.stop()
  })

  it('signs in, writes an article only through the visual editor (toolbar, shortcuts, paste from Word, an image from the library), uploads an image, previews, publishes, and readers see the same structure', async () => {
    const writes = recordApiWrites(first)
    page.on('dialog', (dialog) => void dialog.accept())
    await signIn(page, system.url, editor.username)
    await page.waitForURL(/\/redaktor\/innlandet\/elementer$/)
    await expect(page.locator('h1').textContent()).resolves.toBe('Innhold')

    await page.getByText('Nytt innhold').click()
    await page.getByRole('link', { name: 'Ny artikkel' }).click()
    await page.getByLabel('Tittel').fill(title)
    await page.getByLabel('Ingress').fill('Fem råd for trygg håndtering av legemidler i hjemmetjenesten.')
    // The address is suggested from the title as the editor leaves the field.
    await expect.poll(() => page.inputValue('#f-slug')).toMatch(/^trygg-legemiddelhandtering-/)
    slug = await page.inputValue('#f-slug')

    // The body, written only through the visual editor (issue 17): toolbar buttons and keyboard shortcuts.
    const body = page.getByRole('textbox', { name: 'Brødtekst' })
    const toolbar = page.getByRole('toolbar', { name: 'Formatering av brødteksten' })
    const tool = (name: string) => toolbar.getByRole('button', { name, exact: true })
    await expect(body.getAttribute('aria-multiline')).resolves.toBe('true')
    await body.click()
    await page.keyboard.press('Control+Alt+2')
    await page.keyboard.type('Slik gjør du det')
    await expect(tool('Overskrift 2').getAttribute('aria-pressed')).resolves.toBe('true')
    await page.keyboard.press('Enter')
    await tool('Punktliste').click()
    await page.keyboard.type('Dobbeltkontroller ')
    await page.keyboard.press('Control+b')
    await page.keyboard.type('alltid')
    await expect(tool('Fet').getAttribute('aria-pressed')).resolves.toBe('true')
    await page.keyboard.press('Control+b')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Dokumenter med en gang')
    // Enter in an empty item ends the list, as in a word processor.
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Les veilederen hos ')
    await page.keyboard.press('Control+k')
    const linkDialog = page.getByRole('dialog', { name: 'Lenke' })
    await linkDialog.getByLabel('Nettadresse').fill('javascript:alert(1)')
    await linkDialog.getByLabel('Lenketekst').fill('Helsedirektoratet')
    await linkDialog.getByRole('button', { name: 'Legg inn lenke' }).click()
    // An unsafe address is refused with the reason, at the field, which keeps focus.
    await expect(linkDialog.locator('#f-link-href-error').textContent()).resolves.toContain('Lenker må begynne med https://')
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-link-href')
    await linkDialog.getByLabel('Nettadresse').fill('https://www.helsedirektoratet.no')
    await page.keyboard.press('Enter')
    await expect(linkDialog.count()).resolves.toBe(0)
    await page.keyboard.type('.')
    await page.keyboard.press('Enter')
    await tool('Sitat').focus()
    // The toolbar is one Tab stop; arrow keys move between its buttons.
    await page.keyboard.press('ArrowRight')
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Fet')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Trygghet først.')
    await page.getByLabel('Hvem sa det (valgfritt)').fill('Kari Nordmann')

    // Pasted from Word: structure kept (a heading, bold, a list), styling and scripts dropped.
    await body.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Enter')
    await body.evaluate((element) => {
      const data = new DataTransfer()
      data.setData('text/html', `<h1 style="color:#2F5496;font-family:Calibri">Når noe går galt</h1>
        <p class="MsoNormal"><span style="font-size:11pt;color:red">Meld avviket til </span><b><span style="font-size:11pt">leder</span></b><font face="Arial">.</font></p>
        <ol><li><span style="color:blue">Ring legevakten</span></li></ol><script>window.pasted = true</script>`)
      data.setData('text/plain', 'Når noe går galt')
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    })
    await expect(body.locator('h2', { hasText: 'Når noe går galt' }).count()).resolves.toBe(1)
    await expect(body.locator('[style], font, span').count()).resolves.toBe(0)

    // The main image: uploaded from the media dialog, with a progress bar that reaches 100 %, then checked by
    // the media worker, which s3rver's ObjectCreated event starts (infra/local/media-events.ts) as S3's would.
    await page.evaluate(() => {
      const region = document.querySelector('[role=status][aria-live=polite]')!
      const heard: string[] = ((window as unknown as { heard: string[] }).heard = [])
      new MutationObserver(() => void (region.textContent && heard.push(region.textContent))).observe(region, { childList: true, subtree: true, characterData: true })
    })
    await page.getByRole('button', { name: 'Velg bilde – Hovedbilde' }).click()
    const dialog = page.locator('dialog[open]')
    await dialog.locator('input[type=file]').setInputFiles(noisyPng())
    await expect.poll(() => dialog.locator('progress').getAttribute('value'), { timeout: 20_000 }).toBe('100')
    await dialog.locator('.upload-done').waitFor({ timeout: 20_000 })
    await expect(dialog.locator('.upload-row').textContent()).resolves.toContain('Ferdig – 100 %')
    // Screen readers heard the check begin and end (the workspace sets its live region a moment after clearing it).
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { heard: string[] }).heard), { timeout: 5_000 })
      .toEqual(expect.arrayContaining([expect.stringMatching(/Kontrollerer filen …$/), expect.stringMatching(/er lastet opp\.$/)]))
    await shot(page, 'upload')
    const card = dialog.locator('.media-card').first()
    // Verified and copied to its public key by the worker (the confirm call only answers 202): readers get it.
    const published = await page.request.get(new URL((await card.locator('img').getAttribute('src'))!, system.url).href)
    expect(published.status()).toBe(200)
    expect(published.headers()['content-type']).toBe('image/png')
    await expect(card.textContent()).resolves.toContain('Mangler alternativ tekst')
    await card.getByLabel(/Alternativ tekst/).fill('Sykepleier dobbeltkontrollerer en dosett')
    await card.getByRole('button', { name: 'Lagre og velg' }).click()
    await expect(page.getByLabel('Alternativ tekst', { exact: false }).first().inputValue()).resolves.toBe('Sykepleier dobbeltkontrollerer en dosett')

    // The same image in the body, from the library by the toolbar: its saved alt text comes along, and can be changed.
    await body.click()
    await page.keyboard.press('Control+End')
    await tool('Bilde fra mediebiblioteket').click()
    await dialog.locator('.media-card', { has: page.locator('img[alt="Sykepleier dobbeltkontrollerer en dosett"]') }).getByRole('button', { name: 'Velg' }).click()
    const bodyAlt = page.locator('.richtext-fields').getByLabel('Alternativ tekst')
    await expect(bodyAlt.inputValue()).resolves.toBe('Sykepleier dobbeltkontrollerer en dosett')
    await bodyAlt.fill('Dosetten sett ovenfra')
    await page.getByLabel('Bildetekst (valgfritt)').fill('Ukedosett')
    await expect(body.locator('img').getAttribute('alt')).resolves.toBe('Dosetten sett ovenfra')

    // A film another edition shares nationally, embedded from the toolbar's dialog by a title search (issue 17).
    await body.click()
    await page.keyboard.press('Control+End')
    await tool('Sett inn film eller podkast').click()
    const embedDialog = page.getByRole('dialog', { name: 'Sett inn film eller podkast' })
    await embedDialog.waitFor()
    // Focus starts in the search field, so typing narrows the list at once.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-embed-search')
    await page.keyboard.type('håndhygiene')
    await expect.poll(() => embedDialog.getByRole('status').textContent()).toBe('1 treff')
    await embedDialog.getByRole('button', { name: /Håndhygiene i fem situasjoner \(Film, delt av Kompetansebroen\)/ }).click()
    await expect(body.getByLabel('Innebygd film: Håndhygiene i fem situasjoner').count()).resolves.toBe(1)

    await page.getByRole('button', { name: 'Lagre utkast' }).click()
    await page.locator('.notice-success', { hasText: 'Lagret kl.' }).waitFor()
    itemId = itemIdFrom(page)!
    expect(itemId).toMatch(/^[0-9A-Z]{26}$/)

    await shot(page, 'saved')
    await page.getByRole('button', { name: 'Forhåndsvis' }).click()
    const preview = page.frameLocator('dialog[open] iframe')
    await expect(preview.locator('h1').textContent()).resolves.toBe(title)
    await shot(page, 'preview')
    await expect(preview.locator('h2', { hasText: 'Slik gjør du det' }).count()).resolves.toBe(1)
    await page.getByRole('button', { name: 'Lukk' }).click()

    await page.getByRole('button', { name: 'Publiser nå' }).click()
    await page.locator('.publish-panel .badge-published').waitFor()

    const reader = await first.newPage()
    const response = await reader.goto(`${system.url}/innlandet/artikler/${slug}`)
    expect(response?.status()).toBe(200)
    await expect(reader.locator('h1').textContent()).resolves.toBe(title)
    await expect(reader.locator('.rich-text h2').first().textContent()).resolves.toBe('Slik gjør du det')
    await expect(reader.locator('.rich-text ul li').allTextContents()).resolves.toEqual(['Dobbeltkontroller alltid', 'Dokumenter med en gang'])
    await expect(reader.locator('.rich-text li strong').textContent()).resolves.toBe('alltid')
    await expect(reader.locator('.rich-text p a').getAttribute('href')).resolves.toBe('https://www.helsedirektoratet.no')
    await expect(reader.locator('.rich-text p a').textContent()).resolves.toBe('Helsedirektoratet')
    await expect(reader.locator('.rich-text blockquote').textContent()).resolves.toBe('Trygghet først.— Kari Nordmann')
    await expect(reader.locator('.rich-text h2').nth(1).textContent()).resolves.toBe('Når noe går galt')
    await expect(reader.locator('.rich-text p strong').textContent()).resolves.toBe('leder')
    await expect(reader.locator('.rich-text ol li').allTextContents()).resolves.toEqual(['Ring legevakten'])
    await expect(reader.locator('.rich-text [style], .rich-text font, .rich-text script').count()).resolves.toBe(0)
    await expect(reader.locator('.rich-text figure:not(.embedded-item) img').getAttribute('alt')).resolves.toBe('Dosetten sett ovenfra')
    await expect(reader.locator('.rich-text figure:not(.embedded-item) figcaption').textContent()).resolves.toBe('Ukedosett')
    await expect(reader.locator('img[alt="Sykepleier dobbeltkontrollerer en dosett"]').count()).resolves.toBeGreaterThan(0)
    const embedded = reader.locator('.rich-text figure.embedded-film')
    await expect(embedded.locator('figcaption a').textContent()).resolves.toBe('Håndhygiene i fem situasjoner')
    await expect(embedded.locator('figcaption a').getAttribute('href')).resolves.toMatch(/^\/nasjonal\/film\//)
    await reader.close()

    // Every write carried the SHA-256 of exactly the bytes it sent (the router refuses any other).
    expect(writes.length).toBeGreaterThanOrEqual(5)
    for (const write of writes) {
      const body = write.postDataBuffer() ?? Buffer.alloc(0)
      expect(write.headers()['x-amz-content-sha256'], write.url()).toBe(createHash('sha256').update(body).digest('hex'))
    }
  })

  it('shows a second session its stale save side by side, and loses nothing either way', async () => {
    const second = await browser.newContext({ locale: 'nb-NO', bypassCSP: true, viewport: { width: 1280, height: 900 } })
    const other = await second.newPage()
    await signIn(other, system.url, editor.username, `/redaktor/innlandet/elementer/${itemId}`)
    await other.getByLabel('Ingress').waitFor()

    // The first session saves a new title; the second still has the version before it.
    await page.getByLabel('Tittel').fill(`${title} (oppdatert)`)
    await page.getByRole('button', { name: 'Lagre endringer' }).click()
    await page.locator('.notice-success', { hasText: 'Lagret kl.' }).waitFor()

    const mySummary = 'Fem råd fra Sykehuset Innlandet for trygg legemiddelhåndtering.'
    await other.getByLabel('Ingress').fill(mySummary)
    await other.getByRole('button', { name: 'Lagre endringer' }).click()
    const conflict = other.locator('.conflict')
    // The same editor saved in the other window: they are told it was them (issue 17), not someone else.
    await conflict.getByRole('heading', { name: 'Du har lagret dette i en annen fane eller et annet vindu' }).waitFor()
    await expect(conflict.locator('thead').first().textContent()).resolves.toContain('av deg')
    await expect(conflict.locator('thead').first().textContent()).resolves.toMatch(/Din versjon.*Lagret versjon/)
    const rows = await conflict.locator('tbody tr.differs').allTextContents()
    expect(rows.some((row) => row.includes('Ingress') && row.includes(mySummary))).toBe(true)
    expect(rows.some((row) => row.includes('Tittel') && row.includes(`${title} (oppdatert)`))).toBe(true)
    await shot(other, 'conflict')
    expect(describeViolations(await axeViolations(other))).toEqual([])

    await other.getByRole('button', { name: 'Behold min versjon og lagre på nytt' }).click()
    await other.locator('.notice-success', { hasText: 'Din versjon er lagret over den nyeste.' }).waitFor()
    const kept = await system.services.content.getItem('innlandet', itemId)
    expect(kept?.summary).toBe(mySummary)
    // The other editor's title is not gone: it is a revision, and can be restored.
    const history = await system.services.content.revisions('innlandet', itemId)
    expect(history.map((revision) => revision.title)).toContain(`${title} (oppdatert)`)

    // Now the first session is the stale one; it throws its change away and gets the saved version.
    await page.getByLabel('Forfatter').fill('Kari Nordmann')
    await page.getByRole('button', { name: 'Lagre endringer' }).click()
    await page.getByRole('button', { name: 'Forkast mine endringer' }).click()
    await expect(page.getByLabel('Ingress').inputValue()).resolves.toBe(mySummary)
    await expect(page.getByLabel('Forfatter').inputValue()).resolves.toBe('')
    await second.close()
  })

  it('has no axe violations on the workspace pages', async () => {
    const context = await browser.newContext({ locale: 'nb-NO', bypassCSP: true })
    const view = await context.newPage()
    await view.goto(`${system.url}/redaktor/`)
    await view.getByRole('button', { name: 'Logg inn' }).waitFor()
    expect(describeViolations(await axeViolations(view)), 'sign-in').toEqual([])
    await signIn(view, system.url, editor.username)
    const pages: Array<[string, string]> = [
      ['/redaktor/innlandet/elementer', 'table'],
      ['/redaktor/innlandet/elementer/ny?type=arrangementer', '#f-title'],
      ['/redaktor/innlandet/elementer/ny?type=film', '#f-title'],
      ['/redaktor/innlandet/elementer/ny?type=podkast', '#f-title'],
      ['/redaktor/innlandet/elementer/ny?type=e-kurs', '#f-title'],
      [`/redaktor/innlandet/elementer/${itemId}`, '.publish-panel'],
      [`/redaktor/innlandet/elementer/${itemId}/historikk`, 'table'],
      ['/redaktor/innlandet/media', '.media-grid'],
      ['/redaktor/innlandet/delt', 'h1'],
    ]
    for (const [path, ready] of pages) {
      await view.goto(`${system.url}${path}`)
      await view.locator(ready).first().waitFor()
      expect(describeViolations(await axeViolations(view)), path).toEqual([])
    }
    // Two versions compared side by side, words marked (issue 17): the previous version against the current.
    await view.goto(`${system.url}/redaktor/innlandet/elementer/${itemId}/historikk`)
    await view.getByRole('button', { name: 'Sammenlign', exact: true }).click()
    await view.getByRole('heading', { name: /^Endringer fra versjon \d+ til versjon \d+$/ }).waitFor()
    await expect(view.locator('.comparison tr.differs').count()).resolves.toBeGreaterThan(0)
    expect(describeViolations(await axeViolations(view)), 'comparison').toEqual([])
    // The visual body editor with its toolbar, a quote's field and the link dialog (issue 17).
    await view.goto(`${system.url}/redaktor/innlandet/elementer/${itemId}`)
    await view.getByRole('textbox', { name: 'Brødtekst' }).locator('blockquote').click()
    await view.getByLabel('Hvem sa det (valgfritt)').waitFor()
    expect(describeViolations(await axeViolations(view)), 'visual editor').toEqual([])
    await view.keyboard.press('Control+k')
    await view.getByRole('dialog', { name: 'Lenke' }).waitFor()
    expect(describeViolations(await axeViolations(view)), 'link dialog').toEqual([])
    await view.keyboard.press('Escape')
    await view.getByRole('button', { name: 'Sett inn film eller podkast', exact: true }).click()
    await view.getByRole('dialog', { name: 'Sett inn film eller podkast' }).locator('.embed-choices button').first().waitFor()
    expect(describeViolations(await axeViolations(view)), 'film and episode dialog').toEqual([])
    await view.keyboard.press('Escape')
    // The error summary and the errors beside the fields.
    await view.goto(`${system.url}/redaktor/innlandet/elementer/ny?type=artikler`)
    await view.getByRole('button', { name: 'Lagre utkast' }).click()
    await view.getByRole('heading', { name: 'Rett opp dette før du lagrer:' }).waitFor()
    await expect(view.locator('.error-summary a').first().textContent()).resolves.toBe('Tittel: Skriv en tittel.')
    expect(describeViolations(await axeViolations(view)), 'errors').toEqual([])
    // The media dialog, with the library behind it.
    await view.getByRole('button', { name: 'Velg bilde – Hovedbilde' }).click()
    await view.locator('dialog[open] .media-card').first().waitFor()
    expect(describeViolations(await axeViolations(view)), 'media dialog').toEqual([])
    await context.close()
  })

  it('never hides the focused control under the sticky save bar, at 1280×900 and at 320 px (WCAG 2.4.11, issue 17)', async () => {
    const { context, view, id } = await onSeededArticle()
    for (const viewport of [{ width: 1280, height: 900 }, { width: 320, height: 640 }]) {
      await view.setViewportSize(viewport)
      await view.goto(`${system.url}/redaktor/innlandet/elementer/${id}`)
      await view.locator('.publish-panel').waitFor()
      await view.locator('#f-title').focus()
      // Every Tab stop of the form, from the title to the save bar: none may sit under the bar.
      const covered = await focusStopsUnder(view, '.form-actions', '.editor-form')
      expect(covered, `${viewport.width} px`).toEqual([])
    }
    await context.close()
  })

  it('takes the keyboard to the publishing panel by a skip link and by Alt+Shift+P (issue 17)', async () => {
    const { context, view, id } = await onSeededArticle()
    const focused = () => view.evaluate(() => document.activeElement?.textContent?.trim())
    // Right after the heading, the first Tab stop is the skip link, which names its shortcut.
    await view.locator('h1').focus()
    await view.keyboard.press('Tab')
    await expect.poll(focused).toBe('Gå til publisering (Alt+Shift+P)')
    await view.keyboard.press('Enter')
    await expect.poll(focused).toBe('Publisering')
    expect(new URL(view.url()).hash).toBe('')
    await view.keyboard.press('Tab')
    await expect.poll(() => view.evaluate(() => Boolean(document.activeElement?.closest('.publish-panel')))).toBe(true)

    // From deep in the form, the shortcut goes there too.
    await view.getByLabel('Ingress').focus()
    await view.keyboard.press('Alt+Shift+P')
    await expect.poll(focused).toBe('Publisering')
    await expect(view.locator('.publish-panel h2').getAttribute('aria-keyshortcuts')).resolves.toBe('Alt+Shift+P')

    // Leaving unsaved work through the workspace's own menu is asked in its dialog, not the browser's confirm().
    const browserDialogs: string[] = []
    view.on('dialog', (dialog) => void (browserDialogs.push(dialog.message()), dialog.dismiss()))
    await view.getByLabel('Ingress').fill('Endret, men ikke lagret.')
    const menu = view.getByRole('navigation', { name: 'Redaktørmeny' }).getByRole('link', { name: 'Innhold' })
    const leave = view.getByRole('dialog', { name: 'Forlate siden uten å lagre?' })
    await menu.click()
    await leave.waitFor()
    await view.keyboard.press('Escape')
    await leave.waitFor({ state: 'detached' })
    expect(view.url()).toContain(`/elementer/${id}`)
    await expect(view.getByLabel('Ingress').inputValue()).resolves.toBe('Endret, men ikke lagret.')
    await menu.click()
    await leave.getByRole('button', { name: 'Forlat siden' }).click()
    await view.waitForURL(/\/redaktor\/innlandet\/elementer$/)
    expect(browserDialogs).toEqual([])
    await context.close()
  })

  it("shows each image's saved alt text in the picker, and names the item when a used file may not be deleted (issue 17)", async () => {
    const { context, view } = await onSeededArticle()
    // The seeded images all have alt text: the picker shows it as the thumbnail's alt and as words on the card.
    await view.getByRole('button', { name: /^Velg bilde|^Bytt bilde/ }).first().click()
    const card = view.locator('dialog[open] .media-card').first()
    await card.locator('img').waitFor()
    const alt = (await card.locator('img').getAttribute('alt')) ?? ''
    expect(alt.length).toBeGreaterThan(10)
    await expect(card.locator('.media-card-alt').textContent()).resolves.toBe(`Alternativ tekst: ${alt}`)
    await view.getByRole('button', { name: 'Lukk' }).click()

    // A seeded image is used by an item: deleting it is refused, and the refusal names the item by its title.
    await view.goto(`${system.url}/redaktor/innlandet/media`)
    const used = view.locator('.media-card').first()
    const mediaId = (await used.getByRole('button', { name: /^Slett/ }).getAttribute('id'))!.replace(/^delete-/, '')
    const users = await view.evaluate(async (id) => {
      const token = (JSON.parse(sessionStorage.getItem('kb.editor.session')!) as { accessToken: string }).accessToken
      const response = await fetch(`/api/editor/tenants/innlandet/media/${id}`, { headers: { authorization: `Bearer ${token}` } })
      return ((await response.json()) as { usedBy: Array<{ itemId: string }> }).usedBy
    }, mediaId)
    expect(users.length).toBeGreaterThan(0)
    const user = await system.services.content.getItem('innlandet', users[0]!.itemId)
    await used.getByRole('button', { name: /^Slett/ }).click()
    await view.getByRole('dialog').getByRole('button', { name: 'Slett filen' }).click()
    const refusal = view.getByRole('alert')
    await refusal.waitFor()
    const text = (await refusal.textContent()) ?? ''
    expect(text).toContain(`brukes i «${user!.title}»`)
    expect(text).not.toMatch(/[0-9A-Z]{26}/)
    await expect(view.locator(`#delete-${mediaId}`).count()).resolves.toBe(1)
    await context.close()
  })

  it('warns two minutes before the session ends, extends it with «Forleng», and keeps unsaved work when it ends (WCAG 2.2.1, issue 17)', async () => {
    const context = await browser.newContext({ locale: 'nb-NO', bypassCSP: true, viewport: { width: 1280, height: 900 } })
    await context.clock.install()
    const view = await context.newPage()
    await signIn(view, system.url, editor.username, '/redaktor/innlandet/elementer?type=artikler')
    await view.locator('.item-table tbody a').first().click()
    await view.getByLabel('Ingress').waitFor()
    const stored = () => view.evaluate(() => JSON.parse(sessionStorage.getItem('kb.editor.session') ?? '{}') as { accessToken?: string; expiresAt?: number })
    const untilWarning = async () => (await stored()).expiresAt! - (await view.evaluate(() => Date.now())) - 2 * 60_000 + 500
    const first = await stored()
    const warning = view.getByRole('alertdialog', { name: 'Økten din utløper om 2 minutter' })
    await expect(warning.count()).resolves.toBe(0)

    // 57 minutes later: the warning, with focus on «Forleng»; the refresh token buys a new hour.
    await view.clock.fastForward(await untilWarning())
    await warning.waitFor()
    await expect.poll(() => view.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Forleng')
    await view.keyboard.press('Enter')
    await warning.waitFor({ state: 'detached' })
    const extended = await stored()
    expect(extended.accessToken).not.toBe(first.accessToken)
    expect(extended.expiresAt).toBeGreaterThan(first.expiresAt! + 50 * 60_000)
    // Where the warning passed the time, the session still works: a save goes through with the new token.
    await view.getByLabel('Ingress').fill('Fem råd for trygg håndtering av legemidler, forlenget.')
    await view.getByRole('button', { name: 'Lagre endringer' }).click()
    await view.locator('.notice-success', { hasText: 'Lagret kl.' }).waitFor()

    // Unsaved work, and the session runs out unextended: a clear message, and the work comes back after signing in.
    const unsaved = 'Ulagret ingress skrevet rett før økten gikk ut.'
    await view.getByLabel('Ingress').fill(unsaved)
    await view.clock.fastForward(await untilWarning())
    await warning.waitFor()
    await view.clock.fastForward(3 * 60_000)
    const ended = view.getByRole('alert').filter({ hasText: 'Økten din er utløpt' })
    await ended.waitFor()
    await expect(ended.textContent()).resolves.toContain('tatt vare på i denne fanen')
    await view.getByRole('button', { name: 'Logg inn' }).click()
    await view.fill('#username', editor.username)
    await view.fill('#password', demoPassword)
    await view.getByRole('button', { name: 'Logg inn' }).click()
    await view.getByRole('button', { name: 'Hent tilbake endringene' }).click()
    await expect(view.getByLabel('Ingress').inputValue()).resolves.toBe(unsaved)
    await context.close()
  })

  it('minds the details (issue 17): Escape closes «Nytt innhold» and the preview, 320 px reflows, new episodes come after their button, a refused item has a heading and a way back, and there is a favicon', async () => {
    const { context, view } = await onSeededArticle()
    const focused = () => view.evaluate(() => document.activeElement?.textContent?.trim())
    // The preview closes on Escape pressed inside the previewed page, and focus goes back to «Forhåndsvis».
    await view.getByRole('button', { name: 'Forhåndsvis' }).click()
    await view.frameLocator('dialog[open] iframe').locator('h1').click()
    await view.keyboard.press('Escape')
    await view.locator('dialog[open]').waitFor({ state: 'detached' })
    await expect.poll(focused).toBe('Forhåndsvis')
    // Each topic checkbox sits on the line of its label, wide and narrow.
    for (const width of [1280, 320]) {
      await view.setViewportSize({ width, height: 800 })
      const apart = await view.locator('.checkbox-options .field-check').evaluateAll((checks) =>
        checks.filter((check) => {
          const [box, label] = [check.querySelector('input')!.getBoundingClientRect(), check.querySelector('label')!.getBoundingClientRect()]
          return box.bottom <= label.top || box.top >= label.bottom
        }).map((check) => check.textContent),
      )
      expect(apart, `${width} px`).toEqual([])
    }

    // The list at 320 px: no sideways scrolling (the «Fagtema» filter shrinks).
    await view.goto(`${system.url}/redaktor/innlandet/elementer`)
    await view.locator('#filter-topic').waitFor()
    expect(await view.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true)
    await view.setViewportSize({ width: 1280, height: 800 })
    // «Nytt innhold» open: «Vis» is not covered; Escape closes it and focus goes back to its button.
    const summary = view.locator('.new-items summary')
    await summary.click()
    await view.getByRole('link', { name: 'Ny artikkel' }).waitFor()
    const show = view.getByRole('button', { name: 'Vis', exact: true })
    const box = (await show.boundingBox())!
    expect(await view.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.textContent?.trim(), [box.x + box.width / 2, box.y + box.height / 2])).toBe('Vis')
    await view.getByRole('link', { name: 'Ny artikkel' }).focus()
    await view.keyboard.press('Escape')
    await expect(view.locator('.new-items').evaluate((details: HTMLDetailsElement) => details.open)).resolves.toBe(false)
    await expect.poll(() => view.evaluate(() => document.activeElement?.matches('.new-items summary'))).toBe(true)

    // A new podcast episode's fields come after the button that added them, and focus moves into them.
    await view.goto(`${system.url}/redaktor/innlandet/elementer/ny?type=podkast`)
    const add = view.getByRole('button', { name: 'Legg til episode' })
    await add.click()
    await expect.poll(() => view.evaluate(() => document.activeElement?.id)).toBe('f-episodes-0-title')
    expect((await view.locator('#f-episodes-0-title').boundingBox())!.y).toBeGreaterThan((await add.boundingBox())!.y)

    // An item that is not there: a heading that says so, the tab named after it, and a way back.
    await view.goto(`${system.url}/redaktor/innlandet/elementer/01AAAAAAAAAAAAAAAAAAAAAAAA`)
    await view.getByRole('heading', { level: 1, name: 'Kan ikke åpne innholdet' }).waitFor()
    await expect(view.title()).resolves.toBe('Kan ikke åpne innholdet – Kompetansebroen redaktør')
    await view.getByRole('link', { name: 'Til innholdslisten' }).click()
    await view.waitForURL(/\/redaktor\/innlandet\/elementer$/)

    // The workspace and the reader site name the same SVG favicon, served as an immutable asset.
    const icons = [await view.locator('link[rel=icon]').getAttribute('href')]
    const reader = await context.newPage()
    await reader.goto(`${system.url}/innlandet`)
    icons.push(await reader.locator('link[rel=icon]').getAttribute('href'))
    expect(icons[0]).toMatch(/^\/assets\/favicon-[\w-]+\.svg$/)
    expect(icons[1]).toBe(icons[0])
    const icon = await view.request.get(`${system.url}${icons[0]}`)
    expect(icon.status()).toBe(200)
    expect(icon.headers()['content-type']).toMatch(/^image\/svg\+xml/)
    expect(icon.headers()['cache-control']).toContain('immutable')
    await context.close()
  })

  it('unpublishes from the keyboard through a confirmation dialog, not confirm(), with focus kept meaningful (issue 17)', async () => {
    const dialogs: string[] = []
    const onDialog = (dialog: { message(): string }) => void dialogs.push(dialog.message())
    page.on('dialog', onDialog)
    await page.goto(`${system.url}/redaktor/innlandet/elementer/${itemId}`)
    await page.locator('.publish-panel .badge-published').waitFor()
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim())
    const unpublish = page.locator('.publish-panel').getByRole('button', { name: 'Avpubliser', exact: true })
    await unpublish.focus()
    await page.keyboard.press('Enter')
    const question = page.getByRole('dialog', { name: 'Avpublisere innholdet?' })
    await question.waitFor()
    // Focus is inside, on the safe choice; Escape cancels and gives focus back to the button.
    await expect.poll(focused).toBe('Avbryt')
    await page.keyboard.press('Escape')
    await question.waitFor({ state: 'detached' })
    await expect.poll(focused).toBe('Avpubliser')
    await expect(page.locator('.publish-panel .badge-published').count()).resolves.toBe(1)

    // Again, and this time go ahead: Shift+Tab reaches «Avpubliser» in the dialog.
    await page.keyboard.press('Enter')
    await question.waitFor()
    await page.keyboard.press('Shift+Tab')
    await expect.poll(focused).toBe('Avpubliser')
    await page.keyboard.press('Enter')
    const outcome = page.locator('.notice-success', { hasText: 'Avpublisert.' })
    await outcome.waitFor()
    // The button is gone with the published state; focus is on the outcome, not dropped to the body.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('notice-success'))).toBe(true)
    await expect.poll(async () => (await system.services.content.getItem('innlandet', itemId))?.status).not.toBe('published')
    expect(dialogs).toEqual([])
    page.off('dialog', onDialog)
  })

  it('sends an expired session back to sign-in with a message, and signs out', async () => {
    const context = await browser.newContext({ locale: 'nb-NO' })
    const expired = await system.identity.accessToken(editor, -60)
    await context.addInitScript((token) => {
      if (!sessionStorage.getItem('kb.editor.session'))
        sessionStorage.setItem('kb.editor.session', JSON.stringify({ accessToken: token, expiresAt: Date.now() + 3_600_000 }))
    }, expired)
    const view = await context.newPage()
    await view.goto(`${system.url}/redaktor/innlandet/elementer`)
    await view.getByRole('alert').filter({ hasText: 'Økten din er utløpt' }).waitFor()
    await expect(view.getByRole('button', { name: 'Logg inn' }).isVisible()).resolves.toBe(true)
    await context.close()

    await page.getByRole('button', { name: 'Logg ut' }).click()
    await page.waitForURL(`${system.url}/redaktor/`)
    await page.getByText('Du er logget ut.').waitFor()
    await expect(page.evaluate(() => sessionStorage.getItem('kb.editor.session'))).resolves.toBeNull()
  })
})

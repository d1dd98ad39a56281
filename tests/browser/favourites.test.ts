import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ContentCard } from '../../functions/content/schema.ts'
import type { LocalSystem } from '../../infra/local/system.ts'
import { mineText } from '../../web/site/pages/mine-text.ts'
import { axeViolations, describeViolations, launchBrowser, startSeededSystem } from './browser.ts'

/** Issue 14: favourites kept in the browser, on /mine with the listings' cards, carried to another device by a link. */
describe('favourites without an account, in Chromium', () => {
  let system: LocalSystem
  let browser: Browser
  let articles: ContentCard[]
  let episode: { path: string; title: string }
  beforeAll(async () => {
    ;[system, browser] = await Promise.all([startSeededSystem('favourites'), launchBrowser()])
    const listing = await (await fetch(`${system.url}/api/v1/editions/akershus/items?type=artikler&limit=10`)).json()
    articles = (listing as { items: ContentCard[] }).items.filter((card) => card.tenant === 'akershus')
    const podcasts = (await (await fetch(`${system.url}/api/v1/editions/akershus/items?type=podkast&limit=10`)).json()) as { items: ContentCard[] }
    const series = (await system.services.content.getPublished('akershus', 'podkast', podcasts.items.find((card) => card.tenant === 'akershus')!.slug))!
    if (series.type !== 'podkast') throw new Error('not a podcast')
    episode = { path: `/akershus/podkast/${series.slug}/${series.episodes[0]!.slug}`, title: series.episodes[0]!.title }
  })
  afterAll(async () => {
    await browser?.close()
    await system?.stop()
  })

  const expectNoViolations = async (page: Page, where: string) => expect(describeViolations(await axeViolations(page)), where).toEqual([])
  const cardTitles = (page: Page, within: string) => page.locator(`${within} .card-title a`).allTextContents()
  const favouriteButton = (page: Page) => page.getByRole('button', { name: mineText.addFavourite })

  it('adds three favourites, keeps them across reloads, lists them as cards on /mine, and moves them to a fresh browser by link', async () => {
    const [first, second] = articles
    // bypassCSP only so axe-core can be injected; the islands run under the site's CSP either way.
    const context = await browser.newContext({ locale: 'nb-NO', bypassCSP: true })
    const page = await context.newPage()

    await page.goto(`${system.url}/mine`)
    await page.getByText(mineText.favouritesEmpty).waitFor()
    await expectNoViolations(page, '/mine without favourites')

    for (const path of [`/akershus/artikler/${first!.slug}`, `/akershus/artikler/${second!.slug}`, episode.path]) {
      await page.goto(`${system.url}${path}`)
      await expect(favouriteButton(page).getAttribute('aria-pressed')).resolves.toBe('false')
      await favouriteButton(page).click()
      await expect(favouriteButton(page).getAttribute('aria-pressed')).resolves.toBe('true')
      await expect(page.locator('.reader-actions [role="status"]').textContent()).resolves.toBe(mineText.favouriteAdded)
    }
    await page.goto(`${system.url}/akershus/artikler/${first!.slug}`)
    await expect(favouriteButton(page).getAttribute('aria-pressed')).resolves.toBe('true')
    await expectNoViolations(page, 'an article with its favourite pressed')

    await page.goto(`${system.url}/mine`)
    await page.locator('[data-favourites] .card').nth(2).waitFor()
    // Newest first, with the facts and summary listings show (an episode: its own title and length).
    await expect(cardTitles(page, '[data-favourites]')).resolves.toEqual([episode.title, second!.title, first!.title])
    await expect(page.locator('[data-favourites] .card-facts').allTextContents()).resolves.toEqual([
      expect.stringMatching(/^Podkast · \d+ (min|sek)/),
      expect.stringMatching(/^Artikkel · /),
      expect.stringMatching(/^Artikkel · /),
    ])
    await expect(page.locator('[data-favourites] .card-summary').nth(1).textContent()).resolves.toBe(second!.summary)
    await expectNoViolations(page, '/mine with favourites')

    await page.getByRole('button', { name: mineText.makeLink }).click()
    const link = await page.getByLabel(mineText.linkLabel).inputValue()
    const url = new URL(link)
    // The favourites ride in the fragment only: nothing of them reaches a server when the link is opened.
    expect(url.pathname + url.search).toBe('/mine')
    expect(url.hash).toBe(`#favoritter=${episode.path.slice(1)},akershus/artikler/${second!.slug},akershus/artikler/${first!.slug}`)
    await context.close()

    const elsewhere = await browser.newContext({ locale: 'nb-NO', bypassCSP: true })
    const other = await elsewhere.newPage()
    const asked: string[] = []
    other.on('request', (request) => asked.push(request.url()))
    await other.goto(link)
    await other.locator('[data-import-list] .card').nth(2).waitFor()
    await expect(other.evaluate(() => document.activeElement?.id)).resolves.toBe('importer')
    await expect(other.locator('[data-import-summary]').textContent()).resolves.toBe('Favoritter i lenken: 3. Nye på denne enheten: 3.')
    await other.getByText(mineText.favouritesEmpty).waitFor()
    await expectNoViolations(other, 'the question before importing')
    await other.getByRole('button', { name: mineText.importConfirm }).click()
    await expect.poll(() => other.locator('[data-favourites-status]').textContent()).toBe('Favoritter lagt til: 3.')
    await expect(cardTitles(other, '[data-favourites]')).resolves.toEqual([episode.title, second!.title, first!.title])
    await expect(other.locator('[data-favourites-import]').isHidden()).resolves.toBe(true)
    expect(new URL(other.url()).hash).toBe('')
    expect(asked.every((request) => !request.includes('favoritter='))).toBe(true)

    // Removing one: gone from the list, announced, focus on the list's heading.
    await other.getByRole('button', { name: `Fjern «${second!.title}» fra favorittene` }).click()
    await expect.poll(() => other.locator('[data-favourites-status]').textContent()).toBe(`«${second!.title}» er fjernet fra favorittene.`)
    await expect(cardTitles(other, '[data-favourites]')).resolves.toEqual([episode.title, first!.title])
    await expect(other.evaluate(() => document.activeElement?.id)).resolves.toBe('favoritter')
    await elsewhere.close()
  })

  it('declines a link on request, and without JavaScript offers no button and says favourites need it', async () => {
    const context = await browser.newContext({ locale: 'nb-NO' })
    const page = await context.newPage()
    await page.goto(`${system.url}/mine#favoritter=akershus/artikler/${articles[2]!.slug}`)
    await page.getByRole('button', { name: mineText.importCancel }).click()
    await page.getByText(mineText.favouritesEmpty).waitFor()
    expect(new URL(page.url()).hash).toBe('')
    await context.close()

    const withoutScript = await browser.newContext({ locale: 'nb-NO', javaScriptEnabled: false })
    const plain = await withoutScript.newPage()
    await plain.goto(`${system.url}/akershus/artikler/${articles[0]!.slug}`)
    await expect(favouriteButton(plain).count()).resolves.toBe(0)
    await expect(plain.getByRole('button', { name: mineText.saveOffline }).count()).resolves.toBe(0)
    await plain.getByRole('link', { name: mineText.title }).click()
    await plain.getByText(mineText.favouritesNeedJs).waitFor()
    await plain.getByText(mineText.savedNeedJs).waitFor()
    await withoutScript.close()
  })
})

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ContentCard } from '../../functions/content/schema.ts'
import type { LocalSystem } from '../../infra/local/system.ts'
import { axeViolations, describeViolations, launchBrowser, startSeededSystem } from './browser.ts'

describe('podcasts and films in Chromium', () => {
  let system: LocalSystem
  let browser: Browser
  let context: BrowserContext
  let outside: string[]
  beforeAll(async () => {
    ;[system, browser] = await Promise.all([startSeededSystem('media'), launchBrowser()])
    context = await browser.newContext({ bypassCSP: true })
    outside = []
    // Record every request that would leave this machine, and answer it here so nothing ever does.
    await context.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => {
        outside.push(route.request().url())
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>stub</title>' })
      },
    )
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await system?.stop()
  })

  const cards = async (edition: string, type: string) =>
    ((await (await fetch(`${system.url}/api/v1/editions/${edition}/items?type=${type}&limit=50`)).json()) as { items: ContentCard[] }).items

  async function open(path: string): Promise<Page> {
    const page = await context.newPage()
    await page.goto(`${system.url}${path}`)
    return page
  }

  it('plays an episode, changes speed, shows the transcript and remembers where the listener stopped', async () => {
    const [series] = (await cards('innlandet', 'podkast')).filter((card) => card.tenant === 'innlandet')
    const page = await open(`/innlandet/podkast/${series!.slug}`)
    const episodeLink = page.locator('.episodes h3 a').first()
    await episodeLink.click()
    await page.waitForLoadState('domcontentloaded')
    await expect(page.locator('#transkripsjon').textContent()).resolves.toBe('Transkripsjon')
    await expect(page.locator('.transcript dd').count()).resolves.toBeGreaterThan(1)

    const audio = page.locator('.audio-player audio')
    await page.getByRole('button', { name: '15 sek. fram' }).waitFor()
    await page.getByLabel('Hastighet').selectOption('1.5')
    await audio.evaluate(async (element: HTMLAudioElement) => {
      element.muted = true
      await element.play()
    })
    await expect(audio.evaluate((element: HTMLAudioElement) => element.playbackRate)).resolves.toBe(1.5)
    await page.waitForFunction(() => (document.querySelector('.audio-player audio') as HTMLAudioElement).currentTime > 0.5)
    await page.getByRole('button', { name: '15 sek. fram' }).click()
    await audio.evaluate((element: HTMLAudioElement) => element.pause())
    const stoppedAt = await audio.evaluate((element: HTMLAudioElement) => element.currentTime)
    expect(stoppedAt).toBeGreaterThan(15)

    await page.reload()
    await page.waitForFunction(() => (document.querySelector('.audio-player audio') as HTMLAudioElement).currentTime > 0)
    const resumedAt = await audio.evaluate((element: HTMLAudioElement) => element.currentTime)
    expect(Math.abs(resumedAt - stoppedAt)).toBeLessThan(1.5)
    expect(describeViolations(await axeViolations(page))).toEqual([])
    await page.close()
  })

  it('loads the Norwegian captions track of an uploaded film', async () => {
    const film = (await cards('vestfold', 'film')).find((card) => card.tenant === 'vestfold')!
    const page = await open(`/vestfold/film/${film.slug}`)
    await expect(page.locator('video track[kind="captions"][srclang="nb"]').count()).resolves.toBe(1)
    await page.waitForFunction(() => (document.querySelector('video track') as HTMLTrackElement).readyState === 2, undefined, { timeout: 15_000 })
    const cues = await page.locator('video track').evaluate((track: HTMLTrackElement) => track.track.cues?.length ?? 0)
    expect(cues).toBeGreaterThan(0)
    await expect(page.locator('video').getAttribute('autoplay')).resolves.toBeNull()
    expect(describeViolations(await axeViolations(page))).toEqual([])
    await page.close()
  })

  it('makes no third-party request for an external film until the reader asks for it', async () => {
    const external = (await Promise.all(['nasjonal', 'akershus', 'innlandet', 'vestfold', 'ostfold'].map((edition) => cards(edition, 'film')))).flat()
    let path: string | undefined
    for (const card of external) {
      const item = (await (await fetch(`${system.url}/api/v1/items/${card.tenant}/film/${card.slug}`)).json()) as { video: { externalUrl?: string; src?: string } }
      if (item.video.externalUrl && !item.video.src) path = `/${card.tenant}/film/${card.slug}`
    }
    expect(path, 'the demo content has an external film').toBeDefined()
    outside.length = 0
    const page = await open(path!)
    await page.waitForLoadState('networkidle')
    expect(outside).toEqual([])
    expect(describeViolations(await axeViolations(page))).toEqual([])
    await page.getByRole('button', { name: 'Vis filmen her (hentes fra videotjenesten)' }).click()
    await page.locator('iframe.external-frame').waitFor()
    await expect(page.locator('iframe.external-frame').getAttribute('src')).resolves.toMatch(/^https:\/\/www\.youtube-nocookie\.com\/embed\//)
    await page.close()
  })
})

import { HeadObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseMediaPath } from '../../functions/media/paths.ts'
import type { Services } from '../../functions/services.ts'
import { copyDemoContent } from '../support/demo-template.ts'
import { createSiteApp } from '../../web/site/app.tsx'
import { picturesIn } from './markup.ts'

/** Issue 16: a card's picture costs at most 15 KB on a 390 px wide phone at 2× density. */
const CARD_IMAGE_BUDGET = 15 * 1024
const phone = { width: 390, density: 2 }
const remPx = 16

/** A `sizes` length as the site writes them: `Npx`, `Nrem`, `Nvw` or `calc(a ± b)` of those. */
function lengthPx(length: string, viewport: number): number {
  const term = (text: string) => {
    const [, number, unit] = text.trim().match(/^([\d.]+)(px|rem|vw)$/) ?? []
    if (!number) throw new Error(`Cannot read the length ${text}`)
    return Number(number) * (unit === 'rem' ? remPx : unit === 'vw' ? viewport / 100 : 1)
  }
  const calc = length.match(/^calc\((.+?)\s+([+-])\s+(.+)\)$/)
  return calc ? term(calc[1]!) + (calc[2] === '+' ? 1 : -1) * term(calc[3]!) : term(length)
}

/** The slot width `sizes` gives at this viewport: the first entry whose media condition holds. */
export function slotWidth(sizes: string, viewport: number): number {
  for (const entry of sizes.split(/,\s*(?![^(]*\))/).map((part) => part.trim())) {
    const query = entry.match(/^\((max|min)-width:\s*([\d.]+)(rem|px)\)\s+/)
    if (!query) return lengthPx(entry, viewport)
    const limit = Number(query[2]) * (query[3] === 'rem' ? remPx : 1)
    if (query[1] === 'max' ? viewport <= limit : viewport >= limit) return lengthPx(entry.slice(query[0].length), viewport)
  }
  throw new Error(`No default length in sizes="${sizes}"`)
}

/**
 * The candidate a browser takes from a `w`-descriptor srcset: the narrowest whose density (width over the
 * slot) reaches the screen's, else the widest. The HTML spec leaves the choice to the browser; this is the
 * most demanding reading (Chromium may take a narrower one when the density is close), so a page within the
 * budget here is within it in every browser.
 */
export function chosenCandidate(srcset: string, slot: number, density: number): { url: string; width: number } {
  const candidates = srcset
    .split(/,\s+/)
    .map((candidate) => {
      const [url, descriptor] = candidate.trim().split(/\s+/)
      return { url: url!, width: Number(descriptor!.replace(/w$/, '')) }
    })
    .sort((a, b) => a.width - b.width)
  return candidates.find((candidate) => candidate.width / slot >= density) ?? candidates.at(-1)!
}

describe('card pictures on the demo home pages fit a phone', () => {
  let services: Services
  let app: ReturnType<typeof createSiteApp>
  const figures: Array<{ format: string; bytes: number; original: number }> = []
  beforeAll(async () => {
    const { createTestEnvironment } = await import('../support/environment.ts')
    ;({ services } = await createTestEnvironment('image-budgets'))
    await copyDemoContent(services)
    app = createSiteApp(services, { assets: () => ({}) })
  })
  afterAll(() => {
    const range = (values: number[]) => `${Math.min(...values)}–${Math.max(...values)} B`
    const by = (format: string) => figures.filter((figure) => figure.format === format).map((figure) => figure.bytes)
    console.info(
      `Card pictures a ${phone.width} px phone at ${phone.density}× takes: AVIF ${range(by('avif'))}, WebP ${range(by('webp'))}; ` +
        `the originals ${range(figures.map((figure) => figure.original))} (${figures.length / 2} cards)`,
    )
  })

  const bytesOf = async (url: string) => {
    const ref = parseMediaPath(url)
    if (!ref) throw new Error(`${url} is not a media path`)
    const head = await services.clients.s3.send(new HeadObjectCommand({ Bucket: services.config.mediaBucket, Key: ref.key }))
    return head.ContentLength ?? 0
  }

  it('reads sizes and srcset as a browser does', () => {
    expect(slotWidth('(max-width: 37.25rem) calc(100vw - 4.125rem), 19.1rem', 390)).toBe(324)
    expect(slotWidth('(max-width: 37.25rem) calc(100vw - 4.125rem), 19.1rem', 1200)).toBeCloseTo(305.6)
    expect(chosenCandidate('/a-320 320w, /a-640 640w, /a-1024 1024w', 324, 2)).toEqual({ url: '/a-1024', width: 1024 })
    expect(chosenCandidate('/a-320 320w, /a-640 640w', 150, 2)).toEqual({ url: '/a-320', width: 320 })
    expect(chosenCandidate('/a-320 320w, /a-640 640w', 400, 2)).toEqual({ url: '/a-640', width: 640 })
  })

  it('gives a film page its poster as the widest WebP variant, not the original PNG', async () => {
    const listing = await (await app.request('/innlandet/film')).text()
    const film = listing.match(/<h2 class="card-title"><a href="([^"]+)"/)?.[1]
    const page = await (await app.request(film!)).text()
    const poster = page.match(/<video [^>]*poster="([^"]+)"/)?.[1]
    expect(poster).toMatch(/^\/media\/tenants\/innlandet\/media\/[0-9A-Z]{26}\/poster-w1024\.webp$/)
    expect(await bytesOf(poster!)).toBeLessThanOrEqual(CARD_IMAGE_BUDGET)
  })

  it.each(['/', '/innlandet', '/vestfold'])(`%s: every card picture, in every format offered, is at most ${CARD_IMAGE_BUDGET} bytes`, async (path) => {
    const response = await app.request(path)
    expect(response.status).toBe(200)
    const pictures = picturesIn(await response.text())
    expect(pictures.length).toBeGreaterThanOrEqual(8)
    for (const { sources, img } of pictures) {
      expect(img.width && img.height, `${img.src} has its size`).toBeTruthy()
      expect(sources.map((source) => source.type)).toEqual(['image/avif', 'image/webp'])
      for (const source of sources) {
        const chosen = chosenCandidate(source.srcset!, slotWidth(source.sizes!, phone.width), phone.density)
        const bytes = await bytesOf(chosen.url)
        figures.push({ format: source.type!.replace('image/', ''), bytes, original: await bytesOf(img.src!) })
        expect(bytes, chosen.url).toBeLessThanOrEqual(CARD_IMAGE_BUDGET)
      }
    }
  })
})

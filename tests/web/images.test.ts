import { h } from 'preact'
import { render } from 'preact-render-to-string'
import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import { createReading } from '../../functions/content/reading.ts'
import { importFile } from '../../functions/media/import.ts'
import { variantPath } from '../../functions/media/paths.ts'
import type { MediaRecord } from '../../functions/media/schema.ts'
import type { Services } from '../../functions/services.ts'
import { encodePng } from '../../infra/local/seed/png.ts'
import { createSiteApp } from '../../web/site/app.tsx'
import { cardSizes, heroSizes, Picture } from '../../web/site/components/picture.tsx'
import { createTestEnvironment } from '../support/environment.ts'
import { publishNew, seedCatalog, testArticle } from '../support/fixtures.ts'
import { attributesOf, picturesIn } from './markup.ts'

/** Reader pages show pictures through their responsive variants, with the box reserved (issue 16). */
describe('responsive pictures on reader pages', () => {
  let services: Services
  let app: ReturnType<typeof createSiteApp>
  let first: MediaRecord
  let second: MediaRecord
  beforeAll(async () => {
    ;({ services } = await createTestEnvironment('site-images', { siteOrigin: 'https://kompetansebroen.example' }))
    await seedCatalog(services, ['nasjonal', 'innlandet'])
    const target = { s3: services.clients.s3, bucket: services.config.mediaBucket, db: services.db }
    const picture = (filename: string) =>
      importFile(target, { tenant: 'innlandet', id: ulid(), filename, contentType: 'image/png', body: () => encodePng(1200, 630, new Uint8Array(1200 * 630 * 3).fill(150)), alt: `Bilde ${filename}`, createdBy: 'test' })
    ;[first, second] = [await picture('forste.png'), await picture('andre.png')]
    const image = (record: MediaRecord) => ({ src: record.path, alt: record.alt!, width: 1, height: 1 })
    // Oldest first: the newest card comes first on the page.
    await publishNew(services, testArticle('innlandet', 'uten-bilde', { title: 'Uten bilde' }))
    // A form that claims variants which do not exist: the save takes the media record's word instead.
    await publishNew(services, testArticle('innlandet', 'andre', { title: 'Andre', image: { ...image(second), variants: { widths: [9000], formats: ['webp'] } } }))
    await publishNew(services, testArticle('innlandet', 'forste', { title: 'Første', image: image(first) }))
    app = createSiteApp(services, { assets: () => ({ 'site.css': '/assets/site-TEST.css' }) })
  })

  const page = async (path: string) => {
    const response = await app.request(path)
    expect(response.status).toBe(200)
    return response.text()
  }

  it('stores the measured size and the variants that exist on the item, whatever the form said', async () => {
    const item = await createReading(services.db).getPublished('innlandet', 'artikler', 'andre')
    expect(item?.image).toEqual({ src: second.path, alt: second.alt, width: 1200, height: 630, variants: { widths: [320, 640, 1024], formats: ['avif', 'webp'] } })
  })

  it('gives each card a <picture>: AVIF and WebP sources with srcset and sizes, the original as <img> with its size', async () => {
    const pictures = picturesIn(await page('/innlandet'))
    expect(pictures).toHaveLength(2)
    for (const [index, record] of [first, second].entries()) {
      const { sources, img } = pictures[index]!
      expect(sources).toEqual(
        (['avif', 'webp'] as const).map((format) => ({
          type: `image/${format}`,
          srcset: [320, 640, 1024].map((width) => `${variantPath(record.path, width, format)} ${width}w`).join(', '),
          sizes: cardSizes,
        })),
      )
      expect(img).toMatchObject({ src: record.path, alt: '', width: '1200', height: '630' })
    }
  })

  it('fetches the first picture early and lets the others wait until they near the viewport', async () => {
    const [top, below] = picturesIn(await page('/innlandet')).map((picture) => picture.img)
    expect(top).toMatchObject({ fetchpriority: 'high' })
    expect(top).not.toHaveProperty('loading')
    expect(below).toMatchObject({ loading: 'lazy', decoding: 'async' })
    expect(below).not.toHaveProperty('fetchpriority')
  })

  it('shows an item page hero as a <picture> and gives link previews the original with its size', async () => {
    const html = await page('/innlandet/artikler/forste')
    const [hero] = picturesIn(html)
    expect(hero!.sources.map((source) => source.sizes)).toEqual([heroSizes, heroSizes])
    expect(hero!.img).toMatchObject({ class: 'hero', src: first.path, alt: first.alt, width: '1200', height: '630', fetchpriority: 'high' })
    const meta = (property: string) => html.match(new RegExp(`<meta property="${property}" content="([^"]*)"`))?.[1]
    expect(meta('og:image')).toBe(`https://kompetansebroen.example${first.path}`)
    expect([meta('og:image:width'), meta('og:image:height'), meta('og:image:alt')]).toEqual(['1200', '630', first.alt])
  })

  it('renders no picture for an item without one', async () => {
    const html = await page('/innlandet/artikler/uten-bilde')
    expect(picturesIn(html)).toEqual([])
    expect(attributesOf(html, 'img')).toEqual([])
  })

  it('keeps a plain <img> with its size for a picture without variants (not decodable, or saved before them)', () => {
    const html = render(h(Picture, { image: { src: first.path, alt: 'Et bilde', width: 800, height: 600 }, sizes: cardSizes }))
    expect(html).not.toContain('<picture')
    expect(attributesOf(html, 'img')).toEqual([{ src: first.path, alt: 'Et bilde', width: '800', height: '600', loading: 'lazy', decoding: 'async' }])
  })
})

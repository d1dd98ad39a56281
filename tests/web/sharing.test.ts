import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../functions/media/import.ts'
import { variantPath } from '../../functions/media/paths.ts'
import type { MediaRecord } from '../../functions/media/schema.ts'
import type { Services } from '../../functions/services.ts'
import { encodePng } from '../../infra/local/seed/png.ts'
import { createSiteApp } from '../../web/site/app.tsx'
import { createTestEnvironment } from '../support/environment.ts'
import { publishNew, seedCatalog, testArticle } from '../support/fixtures.ts'
import { attributesOf } from './markup.ts'

const origin = 'https://kompetansebroen.example'

/** An item page's head as link previews and search engines read it (issue 17, «Deling og søk»). */
describe('how an item looks when shared', () => {
  let app: ReturnType<typeof createSiteApp>
  let wide: MediaRecord
  let main: MediaRecord
  beforeAll(async () => {
    let services: Services
    ;({ services } = await createTestEnvironment('site-sharing', { siteOrigin: origin }))
    await seedCatalog(services, ['nasjonal', 'innlandet'])
    const target = { s3: services.clients.s3, bucket: services.config.mediaBucket, db: services.db }
    const picture = (filename: string, width: number, height: number) =>
      importFile(target, { tenant: 'innlandet', id: ulid(), filename, contentType: 'image/png', body: () => encodePng(width, height, new Uint8Array(width * height * 3).fill(120)), alt: `Bilde ${filename}`, createdBy: 'test' })
    ;[wide, main] = [await picture('deling.png', 1700, 900), await picture('hoved.png', 1200, 630)]
    const image = (record: MediaRecord, alt: string) => ({ src: record.path, alt })
    await publishNew(
      services,
      testArticle('innlandet', 'delt', { title: 'Delt sak', summary: 'Ingressen.', metaDescription: 'Beskrivelsen for deling.', image: image(main, 'Hovedbildet.'), shareImage: image(wide, 'Delingsbildet.') }),
    )
    await publishNew(services, testArticle('innlandet', 'standard', { title: 'Standard sak', summary: 'Bare ingress.', image: image(main, 'Hovedbildet.') }))
    await publishNew(services, testArticle('innlandet', 'uten-bilde', { title: 'Uten bilde', summary: 'Ingen bilder.' }))
    app = createSiteApp(services, { assets: () => ({ 'site.css': '/assets/site-TEST.css' }) })
  }, 60_000)

  /** The head's meta tags by name or property. */
  const head = async (path: string) => {
    const response = await app.request(path)
    expect(response.status).toBe(200)
    const metas = attributesOf((await response.text()).split('</head>')[0]!, 'meta')
    return (key: string) => metas.filter((meta) => meta.name === key || meta.property === key).map((meta) => meta.content)
  }

  it("uses the editor's description and share image: a WebP variant at least 1200 px wide, with its own size and alt text", async () => {
    const meta = await head('/innlandet/artikler/delt')
    expect(meta('description')).toEqual(['Beskrivelsen for deling.'])
    expect(meta('og:description')).toEqual(['Beskrivelsen for deling.'])
    expect(meta('og:title')).toEqual(['Delt sak'])
    expect(meta('og:type')).toEqual(['article'])
    expect(meta('og:url')).toEqual([`${origin}/innlandet/artikler/delt`])
    expect(meta('og:image')).toEqual([`${origin}${variantPath(wide.path, 1600, 'webp')}`])
    expect([meta('og:image:width'), meta('og:image:height'), meta('og:image:alt')]).toEqual([['1600'], ['847'], ['Delingsbildet.']])
    expect(meta('twitter:card')).toEqual(['summary_large_image'])
  })

  it('falls back to the summary and the main image, as the original when no variant is that wide', async () => {
    const meta = await head('/innlandet/artikler/standard')
    expect(meta('description')).toEqual(['Bare ingress.'])
    expect(meta('og:description')).toEqual(['Bare ingress.'])
    expect(meta('og:image')).toEqual([`${origin}${main.path}`])
    expect([meta('og:image:width'), meta('og:image:height'), meta('og:image:alt')]).toEqual([['1200'], ['630'], ['Hovedbildet.']])
    expect(meta('twitter:card')).toEqual(['summary_large_image'])
  })

  it('names no image and a small card when the item has none', async () => {
    const meta = await head('/innlandet/artikler/uten-bilde')
    expect(meta('og:image')).toEqual([])
    expect(meta('twitter:card')).toEqual(['summary'])
  })
})

import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../functions/media/import.ts'
import type { MediaRecord } from '../../functions/media/schema.ts'
import { createMediaStore } from '../../functions/media/store.ts'
import type { Services } from '../../functions/services.ts'
import { encodePng } from '../../infra/local/seed/png.ts'
import { contentSecurityPolicyFor } from '../../infra/definitions.ts'
import { createSiteApp } from '../../web/site/app.tsx'
import { focalStyle } from '../../web/site/components/focal-style.ts'
import { createTestEnvironment } from '../support/environment.ts'
import { publishNew, seedCatalog, testArticle } from '../support/fixtures.ts'
import { picturesIn } from './markup.ts'

/**
 * Cards crop pictures to one shape (`object-fit: cover`); the focal point set in the media library (issue 17) keeps
 * the subject in the crop, as `object-position` on the card's <img>, copied onto the item when it is saved.
 */
describe('focal point on reader pages', () => {
  let services: Services
  let app: ReturnType<typeof createSiteApp>
  let portrait: MediaRecord
  let centred: MediaRecord
  beforeAll(async () => {
    ;({ services } = await createTestEnvironment('site-focal-point'))
    await seedCatalog(services, ['nasjonal', 'innlandet'])
    const target = { s3: services.clients.s3, bucket: services.config.mediaBucket, db: services.db }
    const picture = (filename: string) =>
      importFile(target, { tenant: 'innlandet', id: ulid(), filename, contentType: 'image/png', body: () => encodePng(60, 120, new Uint8Array(60 * 120 * 3).fill(120)), alt: `Bilde ${filename}`, createdBy: 'test' })
    ;[portrait, centred] = [await picture('portrett.png'), await picture('midt.png')]
    const store = createMediaStore(services.db)
    expect(await store.patch('innlandet', portrait.id, { focalPoint: { x: 0.3, y: 0.125 } }, { updatedAt: portrait.updatedAt })).toBe(true)
    const image = (record: MediaRecord) => ({ src: record.path, alt: record.alt! })
    await publishNew(services, testArticle('innlandet', 'midt', { title: 'Midt', image: image(centred) }))
    // A form that claims another point: the save takes the media record's.
    await publishNew(services, testArticle('innlandet', 'portrett', { title: 'Portrett', image: { ...image(portrait), focalPoint: { x: 0.9, y: 0.9 } } }))
    app = createSiteApp(services, { assets: () => ({ 'site.css': '/assets/site-TEST.css' }) })
  })

  const page = async (path: string) => {
    const response = await app.request(path)
    expect(response.status).toBe(200)
    return response.text()
  }

  it('positions the card’s crop on the focal point, and leaves a centred picture as it was', async () => {
    const [top, below] = picturesIn(await page('/innlandet')).map((picture) => picture.img)
    expect(top).toMatchObject({ src: portrait.path, style: 'object-position:30% 12.5%' })
    expect(below!.src).toBe(centred.path)
    expect(below!.style).toBeUndefined()
  })

  it('positions the item page’s hero the same way', async () => {
    const [hero] = picturesIn(await page('/innlandet/artikler/portrett'))
    expect(hero!.img.style).toBe('object-position:30% 12.5%')
  })

  it('writes a style attribute the site’s CSP allows, with at most one decimal', () => {
    expect(contentSecurityPolicyFor()).toContain("style-src-attr 'unsafe-inline'")
    expect(focalStyle({ x: 1 / 3, y: 1 })).toBe('object-position:33.3% 100%')
    expect(focalStyle({ x: 0.5, y: 0.5 })).toBeUndefined()
    expect(focalStyle(undefined)).toBeUndefined()
  })
})

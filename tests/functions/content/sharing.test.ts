import { beforeAll, describe, expect, it } from 'vitest'
import { publishProblems } from '../../../functions/content/rules.ts'
import { contentFieldsSchema } from '../../../functions/content/schema.ts'
import type { StoredItem } from '../../../functions/content/store.ts'
import type { Media } from '../../../functions/media/schema.ts'
import { testArticle } from '../../support/fixtures.ts'
import { createMediaTestApp, png, vtt, type MediaTestApp } from '../media/support.ts'

/**
 * «Deling og søk» (issue 17): an item's meta description and share image, saved through the editor API on
 * DynamoDB Local. The share image is checked as the main image is (own edition, ready, described) and must
 * be an image; its measured size and variants come from the media record.
 */
describe('meta description and share image', () => {
  let t: MediaTestApp
  let mine: Media
  let theirs: Media
  let captions: Media
  beforeAll(async () => {
    t = await createMediaTestApp('content-sharing')
    const described = async (tenant: 'innlandet' | 'vestfold', filename: string) => {
      const media = await t.readyMedia(tenant, { kind: 'image', filename, contentType: 'image/png', bytes: png(1300, 700) })
      await t.call(tenant, 'PATCH', `/${tenant}/media/${media.id}`, { alt: 'Et testbilde.' })
      return media
    }
    mine = await described('innlandet', 'deling.png')
    theirs = await described('vestfold', 'vestfolds-deling.png')
    captions = await t.readyMedia('innlandet', { kind: 'captions', filename: 'tekst.vtt', contentType: 'text/vtt', bytes: vtt() })
  }, 60_000)

  const article = (slug: string, overrides: Record<string, unknown> = {}) => {
    const { id, tenant, ...fields } = testArticle('x', slug)
    return { ...fields, ...overrides }
  }
  const create = (slug: string, overrides: Record<string, unknown>) => t.call('innlandet', 'POST', '/innlandet/items', article(slug, overrides))
  const items = async () => ((await (await t.call('innlandet', 'GET', '/innlandet/items')).json()) as { items: StoredItem[] }).items.map((item) => item.slug)
  const expectRefused = async (response: Response, code: string) => {
    expect(response.status).toBe(400)
    expect(((await response.json()) as { code: string }).code).toBe(code)
  }

  it('stores a trimmed description and the share image with its measured size and variants, whatever the form claimed', async () => {
    const response = await create('delt', {
      metaDescription: '  Slik ser lenken ut når den deles.  ',
      shareImage: { src: mine.path, alt: 'Et bilde til deling.', width: 1, height: 1, variants: { widths: [9000], formats: ['avif'] } },
    })
    expect(response.status).toBe(201)
    const created = (await response.json()) as StoredItem
    const stored = (await (await t.call('innlandet', 'GET', `/innlandet/items/${created.id}`)).json()) as StoredItem
    expect(stored.metaDescription).toBe('Slik ser lenken ut når den deles.')
    expect(stored.shareImage).toEqual({ src: mine.path, alt: 'Et bilde til deling.', width: 1300, height: 700, variants: { widths: [320, 640, 1024], formats: ['avif', 'webp'] } })
    expect((await t.media('innlandet', mine.id)).usedBy).toEqual([{ itemId: created.id, tenant: 'innlandet' }])
  })

  it('still reads items saved before the fields existed', () => {
    const { metaDescription, shareImage, ...old } = testArticle('innlandet', 'gammel') as Record<string, unknown>
    expect(contentFieldsSchema.safeParse(old).success).toBe(true)
  })

  it('asks for alt text on the share image before publishing, as for the main image', () => {
    const item = testArticle('innlandet', 'uten-alt', { shareImage: { src: mine.path, alt: ' ' } })
    expect(publishProblems(item)).toEqual([expect.objectContaining({ field: 'shareImage.alt', code: 'alt-missing' })])
  })

  it("refuses another edition's image as share image, storing nothing", async () => {
    const before = await items()
    await expectRefused(await create('laant-delingsbilde', { shareImage: { src: theirs.path, alt: 'Lånt.' } }), 'invalid_media')
    expect(await items()).toEqual(before)
    expect((await t.media('vestfold', theirs.id)).usedBy).toEqual([])
  })

  it('refuses a file that is not an image as share image', async () => {
    const response = await create('tekst-som-bilde', { shareImage: { src: captions.path, alt: 'Tekst.' } })
    expect(((await response.clone().json()) as { error: string }).error).toContain('share image must be an image')
    await expectRefused(response, 'media_not_usable')
    expect(await items()).not.toContain('tekst-som-bilde')
  })

  it('refuses a description over 300 characters or with markup', async () => {
    await expectRefused(await create('for-lang', { metaDescription: 'a'.repeat(301) }), 'bad_request')
    await expectRefused(await create('med-kode', { metaDescription: 'Les <b>dette</b>' }), 'bad_request')
    expect((await create('akkurat-300', { metaDescription: 'a'.repeat(300) })).status).toBe(201)
  })
})

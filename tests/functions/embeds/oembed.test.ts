import { describe, expect, it } from 'vitest'
import type { PublishedItem } from '../../../functions/content/schema.ts'
import { cardFrameHeight } from '../../../functions/embeds/frame.ts'
import { oembedFor } from '../../../functions/embeds/oembed.ts'
import { embedLatestPath, itemAddressOf } from '../../../functions/embeds/paths.ts'
import { tenantSchema } from '../../../functions/tenants/schema.ts'
import { testTenant } from '../../support/fixtures.ts'

const origin = 'https://kompetansebroen.example'
const src = '/media/tenants/innlandet/media/01JBZ5Y4W3M8Q9T2V6X0A1B2C3/bilde.png'
const item = {
  tenant: 'innlandet',
  type: 'e-kurs',
  slug: 'legemidler',
  title: 'Legemiddelhåndtering',
  summary: 'Et kurs om trygg legemiddelhåndtering i kommunene.',
  image: { src, alt: 'Illustrasjon', width: 1600, height: 900, variants: { widths: [400, 800, 1200], formats: ['avif', 'webp'] } },
} as unknown as PublishedItem

/** The pure parts of issue 18's oEmbed answer; the endpoint itself is tested in tests/web/embeds.test.ts. */
describe('oEmbed answers', () => {
  const answer = (bounds: { maxwidth?: number; maxheight?: number } = {}) => oembedFor(item, testTenant('innlandet'), origin, bounds)

  it('names the original picture as the thumbnail when it fits, else the widest WebP variant that does, else none', () => {
    expect(answer()).toMatchObject({ thumbnail_url: `${origin}${src}`, thumbnail_width: 1600, thumbnail_height: 900 })
    const narrow = answer({ maxwidth: 900 })
    expect(narrow).toMatchObject({ thumbnail_width: 800, thumbnail_height: 450 })
    expect(narrow.thumbnail_url).toMatch(/^https:\/\/kompetansebroen\.example\/media\/.*800.*\.webp$/)
    expect(answer({ maxheight: 300 })).toMatchObject({ thumbnail_width: 400, thumbnail_height: 225 })
    expect(answer({ maxwidth: 300 }).thumbnail_url).toBeUndefined()
  })

  it('sizes the frame to the card: taller for a picture, within maxwidth and maxheight', () => {
    expect(answer()).toMatchObject({ width: 480, height: cardFrameHeight(item, 480) })
    expect(cardFrameHeight(item, 480)).toBeGreaterThan(cardFrameHeight({ ...item, image: undefined }, 480) + 200)
    expect(answer({ maxwidth: 2000 }).width).toBe(640)
    expect(answer({ maxwidth: 200, maxheight: 150 })).toMatchObject({ width: 200, height: 150 })
  })

  it('reads only item pages’ paths, and writes the latest list’s query in the listings’ words', () => {
    expect(itemAddressOf('/innlandet/e-kurs/legemidler/')).toEqual({ tenant: 'innlandet', type: 'e-kurs', slug: 'legemidler' })
    for (const path of ['/innlandet/e-kurs', '/innlandet/bok/x', '/innlandet/podkast/serie/episode', '/Innlandet/e-kurs/x', '/innebygd/innlandet/e-kurs/x']) {
      expect(itemAddressOf(path), path).toBeUndefined()
    }
    expect(embedLatestPath('vestfold', { topic: 'demens', count: 3 })).toBe('/innebygd/vestfold/siste?tema=demens&antall=3')
    expect(embedLatestPath('vestfold')).toBe('/innebygd/vestfold/siste')
    // An edition by that name would live where the embeds do.
    expect(tenantSchema.safeParse(testTenant('innebygd')).success).toBe(false)
  })
})

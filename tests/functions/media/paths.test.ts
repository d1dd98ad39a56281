import { describe, expect, it } from 'vitest'
import { richTextSchema } from '../../../functions/content/richtext.ts'
import { mediaPathSchema } from '../../../functions/content/schema.ts'
import { objectKey, publicPath, safeFileName } from '../../../functions/media/keys.ts'
import { kindRules, mediaKinds } from '../../../functions/media/kinds.ts'
import { parseMediaPath } from '../../../functions/media/paths.ts'
import { maxCopyBytes } from '../../../functions/media/promote.ts'

const own = '01JD00000000000000000000AA'
const pending = '01JD00000000000000000000BB'
const good = `/media/tenants/akershus/media/${own}/bilde.png`

/** What an editor of another region tried (issue 10, hole 2), and its relatives. */
const hostile = [
  `/media/tenants/akershus/media/${own}/../../../innlandet/media/${pending}/x.png`,
  `/media/tenants/akershus/media/${own}/%2e%2e/%2e%2e/%2e%2e/innlandet/media/${pending}/x.png`,
  `/media/tenants/akershus/media/${own}/..%2F..%2F..%2Finnlandet%2Fmedia%2F${pending}%2Fx.png`,
  `/media/tenants/akershus/media/${own}/..\\..\\..\\innlandet\\media\\${pending}\\x.png`,
  `/media/tenants/akershus/media/${own}/%5C..%5Cx.png`,
  `/media/tenants/akershus/media/${own}//x.png`,
  `/media/tenants/akershus//media/${own}/x.png`,
  `/media/tenants/akershus/media/${own}/x.png/`,
  `/media/tenants/akershus/media/${own}/sub/x.png`,
  `/media/tenants/akershus/media/${own}/X.PNG`,
  `/media/tenants/akershus/media/${own}/x%2Epng`,
  `/media/tenants/akershus/media/${own}/.png`,
  `/media/tenants/akershus/media/${own}/x-.png`,
  `/media/tenants/Akershus/media/${own}/x.png`,
  `/media/tenants/akershus/media/01jd00000000000000000000aa/x.png`,
  `/media/tenants/akershus/media/${own}I/x.png`,
  '/media/tenants/akershus/media/demo-film-x/poster.png',
  `/media/uploads/akershus/${own}/x.png`,
  `/media/other/akershus/media/${own}/x.png`,
  `/media/tenants/akershus/media/${own}/x.png?download=1`,
  `/media/tenants/akershus/media/${own}/x.png#a`,
  `https://evil.example/media/tenants/akershus/media/${own}/x.png`,
  `//evil.example/media/tenants/akershus/media/${own}/x.png`,
  ` ${good}`,
  `${good}\n`,
  `/media/tenants/${'a'.repeat(300)}/media/${own}/x.png`,
]

describe('one media path shape', () => {
  it('reads an upload’s public path', () => {
    expect(parseMediaPath(good)).toEqual({ tenant: 'akershus', mediaId: own, file: 'bilde.png', key: `tenants/akershus/media/${own}/bilde.png` })
  })

  it.each(hostile)('refuses %s', (path) => {
    expect(parseMediaPath(path)).toBeUndefined()
  })

  it('accepts every name safeFileName makes, from any file name an editor may give', () => {
    const names = ['Plakat for Ås.png', 'ÆØÅ æøå.JPEG', '...png', 'x', '.hidden', 'a..b.png', '../../etc/passwd', 'C:\\bilder\\sol.webp', 'Ünïcödé ✓.mp3', '-_-.vtt', 'x'.repeat(300) + '.' + 'y'.repeat(30), '%2e%2e.png', 'a b\tc\nd.pdf']
    for (const name of names) expect(parseMediaPath(publicPath(objectKey('akershus', own, name))), `${name} → ${safeFileName(name)}`).toBeDefined()
  })

  it.each(hostile)('is the one rule for every content field that holds a file: %s', (path) => {
    expect(mediaPathSchema.safeParse(path).success).toBe(false)
    const body = { type: 'doc', content: [{ type: 'image', src: path, alt: 'Et bilde' }] }
    expect(richTextSchema.safeParse(body).success).toBe(false)
  })

  it('lets the content fields take an upload’s path', () => {
    expect(mediaPathSchema.parse(good)).toBe(good)
    expect(richTextSchema.safeParse({ type: 'doc', content: [{ type: 'image', src: good, alt: 'Et bilde' }] }).success).toBe(true)
  })

  it('caps every kind at what one CopyObject can publish', () => {
    for (const kind of mediaKinds) expect(kindRules[kind].maxBytes, kind).toBeLessThanOrEqual(maxCopyBytes)
  })
})

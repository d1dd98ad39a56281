import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { xmlDocument } from '../../../functions/shared/xml-writer.ts'

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, parseAttributeValue: false, isArray: (name) => name === 'item' })
const hostile = `1 < 2 > 0 & «mer» "sitat" 'enkel' ]]> &amp; <![CDATA[x]]> 😀`

describe('xmlDocument', () => {
  it('writes elements, attributes, text and repeated elements that parse back to exactly what was given', () => {
    const xml = xmlDocument({
      rss: {
        '@_version': '2.0',
        channel: {
          title: hostile,
          link: 'https://example.no/?a=1&b=2',
          'atom:link': { '@_href': `https://example.no/"feed"?x=<1>&y=2`, '@_rel': 'self' },
          item: [{ title: 'én', guid: { '#text': hostile, '@_isPermaLink': 'false' } }, { title: 'to', count: 2, flag: false }],
        },
      },
    })
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n  <channel>\n    <title>')).toBe(true)
    const { channel } = parser.parse(xml).rss
    expect(channel.title).toBe(hostile)
    expect(channel.link).toBe('https://example.no/?a=1&b=2')
    expect(channel['atom:link']).toEqual({ '@_href': `https://example.no/"feed"?x=<1>&y=2`, '@_rel': 'self' })
    expect(channel.item[0].guid).toEqual({ '#text': hostile, '@_isPermaLink': 'false' })
    expect(channel.item[1]).toEqual({ title: 'to', count: '2', flag: 'false' })
  })

  it('keeps line breaks and tabs in attribute values, which a parser would otherwise turn into spaces', () => {
    const xml = xmlDocument({ a: { '@_v': 'én\nto\tr\r' } })
    expect(xml).toContain('v="én&#10;to&#9;r&#13;"')
    expect(XMLValidator.validate(xml)).toBe(true)
  })

  it('leaves out undefined values and writes empty ones as empty elements', () => {
    expect(xmlDocument({ urlset: { url: [{ loc: 'https://x.no/', lastmod: undefined }], empty: '', none: undefined, bare: { '@_x': '1' } } })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset>\n  <url>\n    <loc>https://x.no/</loc>\n  </url>\n  <empty/>\n  <bare x="1"/>\n</urlset>\n',
    )
  })
})

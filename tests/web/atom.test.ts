import { XMLParser, XMLValidator } from 'fast-xml-parser'
import Parser from 'rss-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ContentFields } from '../../functions/content/schema.ts'
import type { Services } from '../../functions/services.ts'
import { createSiteApp } from '../../web/site/app.tsx'
import { createTestEnvironment } from '../support/environment.ts'
import { publishNew, seedCatalog, testArticle } from '../support/fixtures.ts'

const origin = 'https://kompetansebroen.example'
const xmlParser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['entry', 'link', 'category', 'author'].includes(name) })
/** A second, independent reader: what feed readers built on xml2js see. */
const feedReader = new Parser()

type Link = { '@_rel'?: string; '@_href': string; '@_type'?: string }
type Entry = { id: string; title: { '#text': string }; updated: string; published: string; link: Link[]; author?: Array<{ name: string }>; summary?: { '#text': string }; category: Array<{ '@_term': string }> }

/** RFC 3339 date-time (RFC 4287 §3.3), with a time zone. */
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/
const isIri = (value: string) => /^[a-z][a-z0-9+.-]*:\S+$/i.test(value)

/**
 * The feed as an Atom processor reads it, with RFC 4287's rules asserted: §4.1.1 a feed has exactly one id (an
 * IRI), title and updated, an author unless every entry has one, and a self link; §4.1.2 each entry exactly one
 * id, title and updated, and an alternate link since it has no content; ids unique within the feed.
 */
async function atom(app: ReturnType<typeof createSiteApp>, path: string) {
  const response = await app.request(path)
  expect(response.status, path).toBe(200)
  expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
  const xml = await response.text()
  expect(XMLValidator.validate(xml), path).toBe(true)
  const { feed } = xmlParser.parse(xml)
  expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom')
  for (const name of ['id', 'title', 'updated']) expect(feed[name], `${path} feed/${name}`).toBeDefined()
  expect(isIri(feed.id)).toBe(true)
  expect(feed.updated).toMatch(rfc3339)
  expect(feed.author?.[0]?.name).toBeTruthy()
  const links: Link[] = feed.link
  expect(links.filter((link) => link['@_rel'] === 'self')).toHaveLength(1)
  expect(links.filter((link) => link['@_rel'] === 'alternate' && link['@_type'] === 'text/html')).toHaveLength(1)
  const entries: Entry[] = feed.entry ?? []
  for (const entry of entries) {
    expect(isIri(entry.id), entry.id).toBe(true)
    expect(entry.title['#text']).toBeTruthy()
    expect(entry.updated).toMatch(rfc3339)
    expect(entry.link.filter((link) => link['@_rel'] === 'alternate')).toHaveLength(1)
    expect(Date.parse(entry.updated)).toBeLessThanOrEqual(Date.parse(feed.updated))
  }
  expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length)
  if (entries.length) expect(feed.updated).toBe(entries.map((entry) => entry.updated).sort().at(-1))
  const read = await feedReader.parseString(xml)
  expect(read.items.map((item) => item.id)).toEqual(entries.map((entry) => entry.id))
  return { response, xml, feed, entries, self: links.find((link) => link['@_rel'] === 'self')!['@_href'], alternate: links.find((link) => link['@_rel'] === 'alternate')!['@_href'] }
}

const event = (slug: string, overrides: Partial<ContentFields> = {}): ContentFields =>
  ({
    ...testArticle('innlandet', slug, { title: 'Fagdag om demens', topics: ['demens'] }),
    type: 'arrangementer',
    startsAt: '2027-03-01T09:00:00+01:00',
    endsAt: '2027-03-01T15:00:00+01:00',
    organiser: 'Sykehuset Innlandet',
    registrationUrl: 'https://example.no/pamelding',
    ...overrides,
  }) as ContentFields

describe('Atom 1.0 feeds per edition (issue 18)', () => {
  let services: Services
  let app: ReturnType<typeof createSiteApp>
  let moved: Awaited<ReturnType<typeof publishNew>>

  beforeAll(async () => {
    ;({ services } = await createTestEnvironment('atom', { siteOrigin: origin }))
    await seedCatalog(services, ['nasjonal', 'innlandet', 'vestfold'], ['demens', 'palliasjon'])
    await publishNew(services, testArticle('innlandet', 'demens-kommune', { title: 'Demens & kommunen', topics: ['demens'], audiences: ['kommune'] }))
    await publishNew(services, testArticle('innlandet', 'demens-student', { title: 'Demens for studenter', topics: ['demens'], audiences: ['student'] }))
    await publishNew(services, testArticle('innlandet', 'lindring', { topics: ['palliasjon'] }))
    await publishNew(services, event('fagdag-demens'))
    moved = await publishNew(services, testArticle('vestfold', 'delt-sak', { sharedNationally: true, summary: 'Delt med hele landet.' }))
    await services.content.create(testArticle('innlandet', 'utkast'))
    app = createSiteApp(services, { assets: () => ({}) })
  })

  it("national /atom.xml: shared items with their owner as author, every Atom rule, and a validator for 304", async () => {
    const { response, feed, entries, self, alternate } = await atom(app, '/atom.xml')
    expect(self).toBe(`${origin}/atom.xml`)
    expect(alternate).toBe(`${origin}/`)
    expect(feed.id).toBe('tag:kompetansebroen.no,2017:atom.xml')
    expect(feed.title['#text']).toBe('Kompetansebroen – nytt innhold')
    expect(entries.map((entry) => entry.title['#text'])).toEqual(['Artikkel delt-sak'])
    const [shared] = entries
    expect(shared!.id).toBe(`tag:kompetansebroen.no,2017:vestfold/${moved.id}`)
    expect(shared!.author?.[0]?.name).toBe('Kompetansebroen vestfold')
    expect(shared!.summary?.['#text']).toBe('Delt med hele landet.')
    expect(shared!.link[0]!['@_href']).toBe(`${origin}/vestfold/artikler/delt-sak`)
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=300, s-maxage=\d+/)
    const etag = response.headers.get('etag')!
    const again = await app.request('/atom.xml', { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
  })

  it("an edition's feed lists its published items of every type, newest first, never drafts, with categories", async () => {
    const { feed, entries, self, alternate, xml } = await atom(app, '/innlandet/atom.xml')
    expect(self).toBe(`${origin}/innlandet/atom.xml`)
    expect(alternate).toBe(`${origin}/innlandet`)
    expect(feed.subtitle['#text']).toBe('Redaksjonen for innlandet.')
    expect(entries.map((entry) => entry.title['#text'])).toEqual(['Fagdag om demens', 'Artikkel lindring', 'Demens for studenter', 'Demens & kommunen'])
    expect(xml).not.toContain('utkast')
    const eventEntry = entries[0]!
    expect(eventEntry.category.map((category) => category['@_term'])).toEqual(['arrangementer', 'demens'])
    expect(xml).toContain('label="Arrangement"')
    expect((await app.request('/atlantis/atom.xml')).status).toBe(404)
  })

  it('narrows by type, topic and audience as the listings do, with a normalised self link and the matching page', async () => {
    const events = await atom(app, '/innlandet/atom.xml?type=arrangementer')
    expect(events.entries.map((entry) => entry.title['#text'])).toEqual(['Fagdag om demens'])
    expect(events.alternate).toBe(`${origin}/innlandet/arrangementer`)
    expect(events.feed.title['#text']).toBe('Kompetansebroen innlandet – Arrangementer')

    const topic = await atom(app, '/innlandet/atom.xml?tema=demens&utm_source=x')
    expect(topic.entries.map((entry) => entry.title['#text'])).toEqual(['Fagdag om demens', 'Demens for studenter', 'Demens & kommunen'])
    expect(topic.self).toBe(`${origin}/innlandet/atom.xml?tema=demens`)
    expect(topic.alternate).toBe(`${origin}/innlandet/fagtema/demens`)

    const narrow = await atom(app, '/innlandet/atom.xml?malgruppe=student&tema=demens&type=artikler')
    expect(narrow.entries.map((entry) => entry.title['#text'])).toEqual(['Demens for studenter'])
    expect(narrow.self).toBe(`${origin}/innlandet/atom.xml?type=artikler&tema=demens&malgruppe=student`)
    expect(narrow.alternate).toBe(`${origin}/innlandet/artikler?tema=demens&malgruppe=student`)
    expect(narrow.feed.id).toBe('tag:kompetansebroen.no,2017:innlandet/atom.xml?type=artikler&tema=demens&malgruppe=student')
    // Each selection is its own feed.
    expect(new Set([events.feed.id, topic.feed.id, narrow.feed.id]).size).toBe(3)

    const audienceOnly = await atom(app, '/innlandet/atom.xml?tema=demens&malgruppe=kommune')
    expect(audienceOnly.entries.map((entry) => entry.title['#text'])).toEqual(['Fagdag om demens', 'Demens & kommunen'])
  })

  it('refuses filters the site does not know with a 400 that says what to use', async () => {
    for (const [query, words] of [
      ['type=blogg', 'Ukjent innholdstype'],
      ['tema=astrologi', 'Ukjent fagtema'],
      ['malgruppe=alle', 'Ukjent målgruppe'],
    ]) {
      const response = await app.request(`/innlandet/atom.xml?${query}`)
      expect(response.status, query).toBe(400)
      expect(await response.text()).toContain(words)
    }
  })

  it('keeps every id across renders and when an item moves to a new slug, and moves updated when it is republished', async () => {
    const first = await atom(app, '/atom.xml')
    const second = await atom(app, '/atom.xml')
    expect(second.xml).toBe(first.xml)
    const { id, tenant, ...fields } = testArticle('vestfold', 'ny-adresse', { sharedNationally: true, summary: 'Delt med hele landet.' })
    const saved = await services.content.save('vestfold', moved.id, moved.version, { ...fields, id: moved.id, tenant })
    await services.content.publish('vestfold', moved.id, saved.version)
    const after = await atom(app, '/atom.xml')
    expect(after.entries[0]!.link[0]!['@_href']).toBe(`${origin}/vestfold/artikler/ny-adresse`)
    expect(after.entries.map((entry) => entry.id)).toEqual(first.entries.map((entry) => entry.id))
    expect(after.feed.id).toBe(first.feed.id)
    // The edit is news to a feed reader: updated moves (and the feed's with it), published stays.
    const [before, edited] = [first.entries[0]!, after.entries[0]!]
    expect(edited.published).toBe(before.published)
    expect(Date.parse(edited.updated)).toBeGreaterThan(Date.parse(before.updated))
    expect(after.feed.updated).toBe(edited.updated)
  })

  it('is announced in every page head, beside the RSS feed', async () => {
    const home = await (await app.request('/')).text()
    expect(home).toContain('<link rel="alternate" type="application/atom+xml" title="Kompetansebroen – nytt innhold (Atom)" href="/atom.xml"/>')
    const listing = await (await app.request('/innlandet/artikler')).text()
    expect(listing).toContain('type="application/atom+xml" title="Kompetansebroen innlandet – nytt innhold (Atom)" href="/innlandet/atom.xml"')
  })
})

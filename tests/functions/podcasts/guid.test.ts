import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { podcastFeedPath } from '../../../functions/content/paths.ts'
import { podcastFeedXml, type PublishedSeries } from '../../../functions/podcasts/feed.ts'
import { PODCAST_GUID_NAMESPACE, podcastGuid, uuidV5 } from '../../../functions/podcasts/guid.ts'
import { testArticle, testTenant } from '../../support/fixtures.ts'

/** A published series as the feed reads it: small, built here, no storage needed. */
const series = (overrides: Partial<PublishedSeries> = {}): PublishedSeries =>
  ({
    ...testArticle('innlandet', 'demenspodden', { title: 'Demenspodden' }),
    type: 'podkast',
    category: 'Health & Fitness',
    language: 'no',
    explicit: false,
    owner: { name: 'Redaksjonen', email: 'post@example.no' },
    episodes: [],
    publishedAt: '2026-01-01T09:00:00.000Z',
    updatedAt: '2026-01-01T09:00:00.000Z',
    ...overrides,
  }) as PublishedSeries

const guidOf = (value: PublishedSeries, origin = 'https://kompetansebroen.example') => {
  const xml = podcastFeedXml({ series: value, owner: testTenant('innlandet'), origin, feedPath: podcastFeedPath(value), now: new Date('2026-06-01T00:00:00Z') })
  return new XMLParser().parse(xml).rss.channel['podcast:guid'] as string
}

describe('podcast:guid (Podcasting 2.0)', () => {
  it('is the UUIDv5 the spec gives for its own example feed, and RFC 9562 for its DNS example', () => {
    // https://podcastindex.org/namespace/1.0#guid: "podnews.net/rss" → 9b024349-ccf0-5f69-a609-6b82873eab3c
    expect(podcastGuid('https://podnews.net/rss')).toBe('9b024349-ccf0-5f69-a609-6b82873eab3c')
    expect(podcastGuid('http://podnews.net/rss/')).toBe('9b024349-ccf0-5f69-a609-6b82873eab3c')
    expect(uuidV5('podnews.net/rss', PODCAST_GUID_NAMESPACE)).toBe('9b024349-ccf0-5f69-a609-6b82873eab3c')
    // RFC 9562 appendix A.4: "www.example.com" in the DNS namespace.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2')
  })

  it("is the feed's guid from its URL without scheme, and stays when the series is renamed", () => {
    const before = guidOf(series())
    expect(before).toBe(uuidV5('kompetansebroen.example/innlandet/podkast/demenspodden/feed.xml', PODCAST_GUID_NAMESPACE))
    expect(before).not.toContain('kompetansebroen:')
    expect(guidOf(series({ title: 'Nytt navn på podden', summary: 'Ny ingress', updatedAt: '2026-03-01T09:00:00.000Z' }))).toBe(before)
    // Another site (or another series) is another show.
    expect(guidOf(series(), 'https://annen.example')).not.toBe(before)
    expect(guidOf(series({ slug: 'annen-podkast' }))).not.toBe(before)
  })
})

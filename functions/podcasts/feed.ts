import { richTextToPlain } from '../content/richtext-plain.ts'
import { xmlCharsOnly } from '../content/xml-chars.ts'
import { xmlDocument } from '../shared/xml-writer.ts'
import type { Tenant } from '../tenants/schema.ts'
import { splitCategory } from './categories.ts'
import { podcastGuid } from './guid.ts'
import { itemPath } from '../content/paths.ts'
import { releasedEpisodes, type PublishedSeries } from './episodes.ts'

export { releasedEpisodes, type PublishedSeries } from './episodes.ts'

/** RFC 2822 dates, as RSS 2.0 and Apple ask. */
const rfc2822 = (iso: string) => new Date(iso).toUTCString()

/**
 * RSS 2.0 with the iTunes tags Apple Podcasts requires and Spotify reads, and Podcasting 2.0 transcripts
 * (our own WebVTT: Apple generates none for Norwegian). Guids never change; audio URLs are unique per
 * upload, so replaced audio always has a new URL.
 */
export function podcastFeedXml(props: { series: PublishedSeries; owner: Tenant; origin: string; feedPath: string; now: Date }): string {
  const { series, owner, origin } = props
  const absolute = (path: string) => new URL(path, origin).href
  const seriesPath = itemPath(series)
  const [category, subcategory] = splitCategory(series.category)
  const episodes = releasedEpisodes(series, props.now)
  const description = [series.summary, richTextToPlain(series.body)].filter(Boolean).join('\n\n')
  const document = {
    rss: {
      '@_version': '2.0',
      '@_xmlns:itunes': 'http://www.itunes.com/dtds/podcast-1.0.dtd',
      '@_xmlns:podcast': 'https://podcastindex.org/namespace/1.0',
      '@_xmlns:atom': 'http://www.w3.org/2005/Atom',
      '@_xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
      channel: {
        title: series.title,
        link: absolute(seriesPath),
        description,
        language: series.language,
        copyright: `© ${owner.name}`,
        'atom:link': { '@_href': absolute(props.feedPath), '@_rel': 'self', '@_type': 'application/rss+xml' },
        ...(episodes[0] ? { lastBuildDate: rfc2822(series.updatedAt), pubDate: rfc2822(episodes[0].publishedAt) } : {}),
        'itunes:author': owner.name,
        'itunes:owner': { 'itunes:name': series.owner.name, 'itunes:email': series.owner.email },
        ...(series.image ? { 'itunes:image': { '@_href': absolute(series.image.src) }, image: { url: absolute(series.image.src), title: series.title, link: absolute(seriesPath) } } : {}),
        'itunes:category': { '@_text': category, ...(subcategory ? { 'itunes:category': { '@_text': subcategory } } : {}) },
        'itunes:explicit': series.explicit ? 'true' : 'false',
        'itunes:type': 'episodic',
        'podcast:locked': 'yes',
        // From the feed's URL, which is built from the slug and never the title: renaming a series keeps its guid.
        // A changed slug moves the feed itself (podcastFeedPath), and with it the guid.
        'podcast:guid': podcastGuid(absolute(props.feedPath)),
        item: episodes.map((episode) => ({
          title: episode.title,
          description: episode.summary,
          link: absolute(`${seriesPath}/${episode.slug}`),
          guid: { '#text': episode.guid, '@_isPermaLink': 'false' },
          pubDate: rfc2822(episode.publishedAt),
          enclosure: { '@_url': absolute(episode.audio.src), '@_length': String(episode.audio.bytes), '@_type': episode.audio.mimeType === 'audio/mp4' ? 'audio/x-m4a' : episode.audio.mimeType },
          'itunes:duration': String(episode.audio.durationSeconds),
          'itunes:episodeType': 'full',
          ...(episode.season ? { 'itunes:season': String(episode.season) } : {}),
          ...(episode.episode ? { 'itunes:episode': String(episode.episode) } : {}),
          'itunes:explicit': series.explicit ? 'true' : 'false',
          ...(episode.transcript
            ? { 'podcast:transcript': { '@_url': absolute(episode.transcript), '@_type': 'text/vtt', '@_language': series.language, '@_rel': 'captions' } }
            : {}),
        })),
      },
    },
  }
  return xmlCharsOnly(xmlDocument(document))
}

import { episodePath } from '../../../functions/content/paths.ts'
import type { ContentOf, PublishedItem } from '../../../functions/content/schema.ts'
import type { Tenant } from '../../../functions/tenants/schema.ts'
import { formatDate, formatDuration, isoDuration } from '../format.ts'
import type { TranscriptTurn } from '../../../functions/podcasts/transcript.ts'
import { AudioPlayer } from '../components/audio-player.tsx'
import { SubscribeLinks } from '../components/subscribe.tsx'
import { Transcript } from '../components/transcript.tsx'
import { Document, type PageContext } from '../layout.tsx'
import { paths } from '../paths.ts'
import { t } from '../text.ts'
import { offlineSave, ReaderActions } from '../components/reader-actions.tsx'

type Series = ContentOf<'podkast'> & PublishedItem
type Episode = Series['episodes'][number]

/** `/{tenant}/podkast/{series}/{episode}`: one episode, with its audio and its place in the series. */
export function EpisodePage(props: { ctx: PageContext; series: Series; episode: Episode; owner: Tenant; transcript?: TranscriptTurn[] }) {
  const { ctx, series, episode, owner } = props
  const seriesPath = paths.item(series)
  const path = episodePath(series, episode.slug)
  const absolute = (relative: string) => new URL(relative, ctx.origin).href
  return (
    <Document
      ctx={ctx}
      meta={{
        title: `${episode.title} – ${series.title}`,
        description: episode.summary.slice(0, 300),
        canonical: path,
        image: series.image,
        islands: ['player', 'favourites-button', 'offline-save'],
        jsonLd: {
          '@context': 'https://schema.org',
          '@type': 'PodcastEpisode',
          name: episode.title,
          description: episode.summary,
          url: absolute(path),
          datePublished: episode.publishedAt,
          timeRequired: isoDuration(episode.audio.durationSeconds),
          inLanguage: 'nb',
          ...(episode.episode ? { episodeNumber: episode.episode } : {}),
          associatedMedia: { '@type': 'MediaObject', contentUrl: absolute(episode.audio.src), encodingFormat: episode.audio.mimeType },
          partOfSeries: { '@type': 'PodcastSeries', name: series.title, url: absolute(seriesPath) },
          publisher: { '@type': 'Organization', name: owner.name },
        },
      }}
    >
      <article class="item">
        <p class="eyebrow">
          <a href={seriesPath}>{series.title}</a>
        </p>
        <h1>{episode.title}</h1>
        <p class="provenance">
          {t.publishedBy(owner.name)} · <time dateTime={episode.publishedAt}>{formatDate(episode.publishedAt)}</time> ·{' '}
          {formatDuration(episode.audio.durationSeconds)}
        </p>
        <ReaderActions favourite={{ path, title: episode.title }} saves={[offlineSave(path, `${episode.title} – ${series.title}`)]} />
        <AudioPlayer src={episode.audio.src} title={episode.title} id={episode.guid} />
        <p>{episode.summary}</p>
        <SubscribeLinks series={series} />
        {episode.transcript && props.transcript && <Transcript turns={props.transcript} file={episode.transcript} />}
        {episode.transcript && !props.transcript && (
          <p>
            <a href={episode.transcript}>{t.transcript}</a>
          </p>
        )}
        <p>
          <a href={seriesPath}>{t.allEpisodes(series.title)}</a>
        </p>
      </article>
    </Document>
  )
}

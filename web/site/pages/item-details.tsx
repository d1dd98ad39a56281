import { episodePath } from '../../../functions/content/paths.ts'
import type { ContentOf, PublishedItem } from '../../../functions/content/schema.ts'
import { embedUrlFor } from '../../../functions/content/external-video.ts'
import { variantPath } from '../../../functions/media/paths.ts'
import { releasedEpisodes } from '../../../functions/podcasts/episodes.ts'
import { signupPath } from '../../../functions/events/paths.ts'
import { eventCalendarPath } from '../../../functions/events/calendar-paths.ts'
import { mapLink, onlineLinkIsPublic, registrationMode, signupBlocked, signupClosesAt } from '../../../functions/events/registration.ts'
import { formatDate, formatDateTime, formatDuration, formatEventTime } from '../format.ts'
import { AudioPlayer } from '../components/audio-player.tsx'
import { SubscribeLinks } from '../components/subscribe.tsx'
import { paths } from '../paths.ts'
import { t } from '../text.ts'
import { eventPageText as e } from './event-text.ts'
import { calendarText as cal } from './event-calendar-text.ts'

// The parts of an item page that differ per type; courses have a page of their own (course-page.tsx).

/**
 * A poster cannot have a srcset: it gets the widest WebP variant (at most 1600 px, a fraction of the
 * original PNG's bytes; every browser that plays MP4 shows WebP), or the original when there is none.
 */
function posterSrc(poster: NonNullable<ContentOf<'film'>['video']['poster']>): string {
  const widest = poster.variants?.formats.includes('webp') ? Math.max(...poster.variants.widths) : undefined
  return widest ? variantPath(poster.src, widest, 'webp') : poster.src
}

export function FilmDetails({ item }: { item: ContentOf<'film'> }) {
  const { video } = item
  return (
    <>
      {video.src ? (
        <video class="player" controls preload="metadata" poster={video.poster && posterSrc(video.poster)} src={video.src}>
          {video.captions && <track kind="captions" srcLang="nb" label={t.captionsLabel} src={video.captions} default />}
        </video>
      ) : video.externalUrl ? (
        <div class="external-video" data-embed={embedUrlFor(video.externalUrl)} data-title={item.title} data-label-show={t.showExternalHere}>
          <p>{t.externalNotice}</p>
          <p>
            <a class="button" href={video.externalUrl} rel="noopener">
              {t.watchExternal}
            </a>
          </p>
        </div>
      ) : null}
      <dl class="facts">
        <dt>{t.duration}</dt>
        <dd>{formatDuration(video.durationSeconds)}</dd>
      </dl>
    </>
  )
}

export function PodcastDetails({ item, now }: { item: ContentOf<'podkast'> & PublishedItem; now: Date }) {
  return (
    <section aria-labelledby="episoder">
      <SubscribeLinks series={item} />
      <h2 id="episoder">{t.episodes}</h2>
      <ol class="episodes" reversed>
        {releasedEpisodes(item, now).map((episode) => (
          <li id={episode.slug}>
            <h3>
              <a href={episodePath(item, episode.slug)}>{episode.title}</a>
            </h3>
            <p class="card-facts">
              {formatDate(episode.publishedAt)} · {formatDuration(episode.audio.durationSeconds)}
            </p>
            <p>{episode.summary}</p>
            <AudioPlayer src={episode.audio.src} title={episode.title} id={episode.guid} preload="none" />
            {episode.transcript && (
              <p>
                <a href={episode.transcript}>{t.transcript}</a>
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}

export function EventDetails({ item, now }: { item: ContentOf<'arrangementer'>; now: Date }) {
  const past = new Date(item.endsAt) < now
  const mode = registrationMode(item)
  const showOnline = item.onlineUrl && onlineLinkIsPublic(item)
  const changed = item.eventStatus === 'cancelled' || item.eventStatus === 'postponed' ? item.eventStatus : undefined
  return (
    <>
      {changed ? <p class="notice">{cal.status[changed]}</p> : <p class={past ? 'notice' : 'notice notice-upcoming'}>{past ? t.eventPast : t.eventUpcoming}</p>}
      {item.importedFrom && <p class="card-facts">{cal.importedFrom(item.importedFrom.partner)}</p>}
      <dl class="facts">
        {item.kind && (
          <>
            <dt>{e.kind}</dt>
            <dd>{e.kinds[item.kind]}</dd>
          </>
        )}
        <dt>{t.eventTime}</dt>
        <dd>{formatEventTime(item.startsAt, item.endsAt)}</dd>
        <dt>{t.eventPlace}</dt>
        <dd>
          {item.location ? [item.location.name, item.location.address].filter(Boolean).join(', ') : t.online}
          {item.location && (
            <>
              {' '}
              (<a href={mapLink(item.location)}>{e.map}</a>)
            </>
          )}
          {showOnline && (
            <>
              {' '}
              (<a href={item.onlineUrl}>{t.joinOnline}</a>)
            </>
          )}
          {item.onlineUrl && !showOnline && <> {e.onlineForParticipants}</>}
        </dd>
        <dt>{t.organiser}</dt>
        <dd>{[item.organiser, ...(item.coOrganisers ?? [])].join(', ')}</dd>
        <dt>{e.price}</dt>
        <dd>{item.priceNok ? e.priceNok(item.priceNok) : e.free}</dd>
        {mode === 'built-in' && (
          <>
            <dt>{e.deadline}</dt>
            <dd>{formatDateTime(signupClosesAt(item))}</dd>
          </>
        )}
      </dl>
      {past && item.recordingUrl && (
        <p>
          <a class="button" href={item.recordingUrl}>
            {cal.watchRecording}
          </a>
        </p>
      )}
      {!past && !changed && mode === 'external' && item.registrationUrl && (
        <p>
          <a class="button" href={item.registrationUrl}>
            {t.register}
          </a>
        </p>
      )}
      {!past && !changed && mode === 'built-in' &&
        (signupBlocked(item, now) ? (
          <p>{e.signupClosed}</p>
        ) : (
          <p>
            <a class="button" href={signupPath(item)}>
              {e.signUp}
            </a>
          </p>
        ))}
      {!past && (
        <p>
          <a href={eventCalendarPath(item)} type="text/calendar">
            {cal.addToCalendar}
          </a>
          <br />
          {cal.addToCalendarHint}
        </p>
      )}
    </>
  )
}

import { podcastFeedPath } from '../../../functions/content/paths.ts'
import type { ContentOf } from '../../../functions/content/schema.ts'
import { t } from '../text.ts'

/** Follow the series in a podcast app: Apple and Spotify once it is listed there, RSS always. */
export function SubscribeLinks({ series }: { series: ContentOf<'podkast'> }) {
  const feed = podcastFeedPath(series)
  return (
    <nav class="subscribe" aria-label={t.subscribe}>
      <ul class="inline-list">
        {series.subscribeLinks?.apple && (
          <li>
            <a href={series.subscribeLinks.apple}>{t.subscribeApple}</a>
          </li>
        )}
        {series.subscribeLinks?.spotify && (
          <li>
            <a href={series.subscribeLinks.spotify}>{t.subscribeSpotify}</a>
          </li>
        )}
        <li>
          <a href={feed} type="application/rss+xml">
            {t.subscribeRss}
          </a>
        </li>
      </ul>
    </nav>
  )
}

import type { ContentOf, PublishedItem } from '../content/schema.ts'

/** Released episodes, apart from the feed builder so a page listing them loads no XML code. */

export type PublishedSeries = ContentOf<'podkast'> & PublishedItem

const isReleased = (episode: PublishedSeries['episodes'][number], now: Date) => new Date(episode.publishedAt) <= now

/** Episodes a listener may have: published, and not scheduled for later; newest first. */
export const releasedEpisodes = (series: PublishedSeries, now: Date) =>
  series.episodes.filter((episode) => isReleased(episode, now)).sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))

/** How many are released: with the snapshot, this names which (an episode, once released, stays so). */
export const releasedCount = (series: PublishedSeries, now: Date) => series.episodes.reduce((count, episode) => count + (isReleased(episode, now) ? 1 : 0), 0)

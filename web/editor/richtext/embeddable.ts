import { episodePath, itemPath } from '../../../functions/content/paths.ts'
import type { EmbedBlock } from '../../../functions/content/richtext.ts'
import { releasedEpisodes, type PublishedSeries } from '../../../functions/podcasts/episodes.ts'
import type { TenantApi } from '../api/endpoints.ts'

/** One film or episode «Sett inn film eller podkast» offers, as the block it becomes. */
export interface EmbedChoice {
  block: EmbedBlock & { facts: NonNullable<EmbedBlock['facts']> }
  /** The edition that made it, when it is not the editor's own (shared nationally). */
  from?: string
}

/**
 * What an editor may embed, from the lists the workspace already reads: the edition's published films and
 * its podcasts' released episodes (GET items?status=published), and films other editions share nationally
 * (GET shared). The facts shown here are the editor's to see; the save copies them again from what readers see
 * (functions/content/embeds.ts), and refuses anything no longer published or shared.
 */
export async function embeddableItems(api: TenantApi, now = new Date()): Promise<EmbedChoice[]> {
  const [films, series, shared] = await Promise.all([
    api.listItems({ status: 'published', type: 'film' }, 100),
    api.listItems({ status: 'published', type: 'podkast' }, 100),
    api.shared('film'),
  ])
  const item = (owner: { tenant: string; id: string }, type: 'film' | 'podkast') => ({ tenant: owner.tenant, type, id: owner.id })
  const own: EmbedChoice[] = films.items.flatMap((film) =>
    film.type === 'film' ? [{ block: { type: 'embed', item: item(film, 'film'), facts: { title: film.title, path: itemPath(film) } } }] : [],
  )
  const episodes: EmbedChoice[] = series.items.flatMap((podcast) =>
    podcast.type === 'podkast'
      ? releasedEpisodes(podcast as PublishedSeries, now).map((episode) => ({
          block: { type: 'embed' as const, item: item(podcast, 'podkast'), episode: episode.guid, facts: { title: episode.title, path: episodePath(podcast, episode.slug) } },
        }))
      : [],
  )
  const others: EmbedChoice[] = shared.items.map((card) => ({
    block: { type: 'embed', item: item(card, 'film'), facts: { title: card.title, path: itemPath(card) } },
    from: card.tenant,
  }))
  return [...own, ...episodes, ...others]
}

/** The choices whose title holds the query, case and accents as typed (nb-NO collation would be overkill here). */
export const matching = (choices: EmbedChoice[], query: string) => {
  const wanted = query.trim().toLocaleLowerCase('nb-NO')
  return wanted ? choices.filter((choice) => choice.block.facts.title.toLocaleLowerCase('nb-NO').includes(wanted)) : choices
}

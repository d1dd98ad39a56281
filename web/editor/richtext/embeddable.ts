import { episodePath, itemPath } from '../../../functions/content/paths.ts'
import type { EmbedBlock } from '../../../functions/content/richtext.ts'
import { releasedEpisodes, type PublishedSeries } from '../../../functions/podcasts/episodes.ts'
import type { TenantApi } from '../api/endpoints.ts'
import { editionNameIn, readEditionNames, readPublic } from '../api/public.ts'

/** One film or episode «Sett inn film eller podkast» offers, as the block it becomes. */
export interface EmbedChoice {
  block: EmbedBlock & { facts: NonNullable<EmbedBlock['facts']> }
  /** The name of the edition that made it, when it is not the editor's own (shared nationally). */
  from?: string
}

/** At most this many other editions' series are read for their episodes when the dialog opens (public API, CDN-cached). */
const sharedSeriesRead = 20

type Series = { tenant: string; id: string; slug: string; type: string; episodes?: PublishedSeries['episodes'] }

/**
 * What an editor may embed, from the lists the workspace already reads: the edition's published films and
 * its podcasts' released episodes (GET items?status=published), and what other editions share nationally (GET
 * shared): films as listed, series read for their episodes from the public API as readers see them. The facts
 * shown here are the editor's to see; the save copies them again from what readers see (functions/content/embeds.ts),
 * and refuses anything no longer published or shared.
 */
export async function embeddableItems(api: TenantApi, now = new Date(), fetchPublished: (path: string) => Promise<unknown> = readPublic): Promise<EmbedChoice[]> {
  const [films, series, sharedFilms, sharedSeries, editions] = await Promise.all([
    api.listItems({ status: 'published', type: 'film' }, 100),
    api.listItems({ status: 'published', type: 'podkast' }, 100),
    api.shared('film'),
    api.shared('podkast'),
    readEditionNames(fetchPublished),
  ])
  const editionName = (tenant: string) => editionNameIn(editions, tenant)
  const theirSeries = await Promise.all(
    sharedSeries.items.slice(0, sharedSeriesRead).map((card) => fetchPublished(`/api/v1/items/${card.tenant}/podkast/${card.slug}`).catch(() => undefined) as Promise<Series | undefined>),
  )
  const film = (item: { tenant: string; id: string; type: string; slug: string; title: string }, from?: string): EmbedChoice[] =>
    item.type === 'film' ? [{ block: { type: 'embed', item: { tenant: item.tenant, type: 'film', id: item.id }, facts: { title: item.title, path: itemPath({ ...item, type: 'film' }) } }, ...(from ? { from } : {}) }] : []
  const episodes = (series: Series | undefined, from?: string): EmbedChoice[] =>
    series?.type === 'podkast' && series.episodes
      ? releasedEpisodes(series as PublishedSeries, now).map((episode) => ({
          block: { type: 'embed', item: { tenant: series.tenant, type: 'podkast', id: series.id }, episode: episode.guid, facts: { title: episode.title, path: episodePath({ ...series, type: 'podkast' }, episode.slug) } },
          ...(from ? { from } : {}),
        }))
      : []
  return [
    ...films.items.flatMap((item) => film(item)),
    ...series.items.flatMap((item) => episodes(item as Series)),
    ...sharedFilms.items.flatMap((card) => film(card, editionName(card.tenant))),
    ...theirSeries.flatMap((item) => episodes(item, item && editionName(item.tenant))),
  ]
}

/** The choices whose title holds the query, case and accents as typed (nb-NO collation would be overkill here). */
export const matching = (choices: EmbedChoice[], query: string) => {
  const wanted = query.trim().toLocaleLowerCase('nb-NO')
  return wanted ? choices.filter((choice) => choice.block.facts.title.toLocaleLowerCase('nb-NO').includes(wanted)) : choices
}

import type { Db } from '../shared/db.ts'
import { badRequest } from '../shared/errors.ts'
import { releasedEpisodes, type PublishedSeries } from '../podcasts/episodes.ts'
import { isSharedNationally } from './entries.ts'
import * as keys from './keys.ts'
import { episodePath, itemPath } from './paths.ts'
import { createReading, stripKeys } from './reading.ts'
import type { EmbedBlock, EmbedFacts } from './richtext.ts'
import type { ContentFields, ContentOf, PublishedItem } from './schema.ts'
import type { StoredItem } from './store.ts'

/**
 * Embedded films and episodes (issue 17) are checked and copied at every save, the way media facts are
 * (media/facts.ts): the referenced item must be published and be the saving edition's own or shared nationally,
 * and what readers see of it (title, address, poster, sound file) is copied from its published snapshot into the
 * block, so a page renders it with no read of its own. A renamed film shows its new title from the next save.
 * Two BatchGetItem calls for a body with embeds (working copies, then snapshots), none without.
 */
export async function withEmbeddedFacts(
  db: Db,
  fields: ContentFields,
  options: { nationalTenant: string; now?: Date; /** Editions hidden from readers (issue 17): their items' pages are 404, so not embeddable elsewhere. */ hiddenOwners?: () => Promise<ReadonlySet<string>> },
): Promise<ContentFields> {
  const embeds = fields.body.content.filter((block): block is EmbedBlock => block.type === 'embed')
  if (embeds.length === 0) return fields

  const refs = [...new Map(embeds.map((embed) => [`${embed.item.tenant}|${embed.item.id}`, embed.item])).values()]
  const records = await db.batchGet<Record<string, unknown>>(refs.map((ref) => ({ PK: keys.tenantPk(ref.tenant), SK: keys.itemSk(ref.id) })))
  const items = new Map(records.map((record) => [`${record.PK}|${record.SK}`, stripKeys(record) as unknown as StoredItem]))
  const itemOf = (ref: EmbedBlock['item']) => items.get(`${keys.tenantPk(ref.tenant)}|${keys.itemSk(ref.id)}`)
  const published = [...items.values()].filter((item) => item.status === 'published')
  const now = options.now ?? new Date()
  const hidden = embeds.some((embed) => embed.item.tenant !== fields.tenant) ? ((await options.hiddenOwners?.()) ?? new Set<string>()) : new Set<string>()
  const views = await createReading(db).readerViews(published.map((item) => ({ tenant: item.tenant, ...(item.publishedPath ?? item) })))

  const snapshotOf = (embed: EmbedBlock): PublishedItem | undefined => {
    const item = itemOf(embed.item)
    if (!item || item.status !== 'published' || item.type !== embed.item.type) return undefined
    const view = views.get(itemPath({ tenant: item.tenant, ...(item.publishedPath ?? item) }))
    if (!view || view === 'gone' || view.id !== item.id) return undefined
    return view.tenant === fields.tenant || (isSharedNationally(view, options.nationalTenant) && !hidden.has(view.tenant)) ? view : undefined
  }

  const next = structuredClone(fields)
  next.body.content = next.body.content.map((block) => {
    if (block.type !== 'embed') return block
    const snapshot = snapshotOf(block)
    const facts = snapshot && factsOf(snapshot, block.episode, now)
    // One answer for missing, unpublished and another edition's unshared item: it names nothing of the others' work.
    if (!facts)
      throw badRequest(
        'An embedded film or podcast episode is not available: it must be published, and be your edition’s own or shared nationally. Remove it from the body, or choose another.',
        'embed_unavailable',
      )
    return { type: 'embed', item: block.item, ...(block.episode ? { episode: block.episode } : {}), facts }
  })
  return next
}

function factsOf(snapshot: PublishedItem, episodeGuid: string | undefined, now: Date): EmbedFacts | undefined {
  if (snapshot.type === 'film') {
    if (episodeGuid) return undefined
    const film = snapshot as ContentOf<'film'> & PublishedItem
    const image = film.video.poster ?? film.image
    return { title: film.title, path: itemPath(film), ...(image ? { image } : {}), durationSeconds: film.video.durationSeconds }
  }
  if (snapshot.type !== 'podkast' || !episodeGuid) return undefined
  const series = snapshot as PublishedSeries
  // An episode scheduled for later is not the listeners' yet (podcasts/episodes.ts).
  const episode = releasedEpisodes(series, now).find((candidate) => candidate.guid === episodeGuid)
  if (!episode) return undefined
  return {
    title: episode.title,
    path: episodePath(series, episode.slug),
    durationSeconds: episode.audio.durationSeconds,
    audio: { src: episode.audio.src, mimeType: episode.audio.mimeType },
  }
}

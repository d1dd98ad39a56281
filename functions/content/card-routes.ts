import { Hono } from 'hono'
import type { PublicReadingServices } from '../reader-services.ts'
import { sharedCacheControl } from '../shared/edge-cache.ts'
import { badRequest } from '../shared/errors.ts'
import { toCard } from './card.ts'
import { episodePath, itemPath, type ItemAddress } from './paths.ts'
import type { ContentCard, PublishedItem } from './schema.ts'
import { cardsQuerySchema, parseOr400 } from './public-schema.ts'
import { isContentType, isSlug } from './vocabulary.ts'

/** One page's card: the item's, or for an episode its series' card with the episode's title, text and length. */
export type PageCard = { path: string; status: 200; card: ContentCard } | { path: string; status: 404 | 410 }

interface PagePath {
  path: string
  item: ItemAddress
  episode?: string
}

/**
 * `/{tenant}/{type}/{slug}` or an episode's `/{tenant}/podkast/{series}/{episode}`, checked by hand against the
 * vocabulary (their count and length by cardsQuerySchema, public-schema.ts).
 */
function parsePagePath(path: string): PagePath {
  const [empty, tenant = '', type = '', slug = '', episode, ...rest] = path.split('/')
  const valid =
    empty === '' &&
    rest.length === 0 &&
    isSlug(tenant) &&
    isSlug(slug) &&
    (episode === undefined || (type === 'podkast' && isSlug(episode)))
  if (!(valid && isContentType(type)))
    throw badRequest(`Invalid query: path: '${path}' is not an item's page (/{tenant}/{type}/{slug}, or an episode under its series).`)
  return { path, item: { tenant, type, slug }, ...(episode ? { episode } : {}) }
}

function pageCard(page: PagePath, view: PublishedItem | 'gone' | undefined): PageCard {
  if (view === 'gone') return { path: page.path, status: 410 }
  if (!view) return { path: page.path, status: 404 }
  if (!page.episode) return { path: page.path, status: 200, card: toCard(view) }
  const episode = view.type === 'podkast' ? view.episodes.find((entry) => entry.slug === page.episode) : undefined
  if (!episode) return { path: page.path, status: 404 }
  // The series' updatedAt says nothing about one episode, which may have been released after it.
  const { episodeCount, updatedAt, ...series } = toCard(view)
  return {
    path: episodePath(page.item, episode.slug),
    status: 200,
    card: { ...series, title: episode.title, summary: episode.summary, publishedAt: episode.publishedAt, durationSeconds: episode.audio.durationSeconds },
  }
}

/**
 * `GET /api/v1/cards?path=…&path=…`: the cards of up to 50 item and episode pages in one BatchGetItem, for the
 * reader's "Mine favoritter" (web/islands/favourites-page.ts). A withdrawn page answers its 410 in the list, one never
 * published 404, so the reader sees which of their favourites went. Cached at the CDN like pages (the island sorts the
 * paths, so one list has one key); nothing about who asked is kept.
 */
export function cardRoutes(services: Pick<PublicReadingServices, 'content'>) {
  return new Hono().get('/cards', async (c) => {
    const { path: requested } = parseOr400('query', cardsQuerySchema, { path: c.req.queries('path') ?? [] })
    const pages = requested.map(parsePagePath)
    const distinct = [...new Map(pages.map((page) => [itemPath(page.item), page.item])).values()]
    const views = await services.content.readerViews(distinct)
    c.header('cache-control', sharedCacheControl)
    return c.json({ items: pages.map((page) => pageCard(page, views.get(itemPath(page.item)))) })
  })
}

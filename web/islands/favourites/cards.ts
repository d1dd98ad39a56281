import type { PageCard } from '../../../functions/content/card-routes.ts'
import { formatDate, formatDuration, formatEventTime } from '../../site/format.ts'
import { fill } from '../shared/fill.ts'

/** The wording web/site/pages/mine.tsx hands the island. */
export interface CardLabels {
  types: Record<string, string>
  minutes: string
  unavailable: string
  offline: string
  remove: string
  removeHidden: string
  removed: string
  empty: string
  loading: string
  summary: string
  imported: string
  copied: string
}

export type Card = Extract<PageCard, { status: 200 }>['card']

/**
 * The cards of `paths` from the public API (GET /api/v1/cards, 50 a request, sorted so one list is one CDN key).
 * Pages the network could not answer are missing from the map: offline, the list shows their saved titles.
 */
export async function fetchCards(paths: string[]): Promise<Map<string, PageCard>> {
  const sorted = [...paths].sort()
  const found = new Map<string, PageCard>()
  for (let start = 0; start < sorted.length; start += 50) {
    const query = sorted.slice(start, start + 50).map((path) => `path=${encodeURIComponent(path)}`)
    try {
      const response = await fetch(`/api/v1/cards?${query.join('&')}`)
      if (!response.ok) continue
      for (const entry of ((await response.json()) as { items: PageCard[] }).items) found.set(entry.path, entry)
    } catch {
      // Offline or unreachable: the titles stored with the favourites stand in.
    }
  }
  return found
}

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text = '') => Object.assign(document.createElement(tag), { className, textContent: text })

/** The facts line listings show (web/site/components/cards.tsx CardFacts): type, then time, length or date. */
function facts(card: Card, labels: CardLabels) {
  const parts = [labels.types[card.type] ?? card.type]
  if (card.startsAt && card.endsAt) parts.push(formatEventTime(card.startsAt, card.endsAt))
  else if (card.durationMinutes) parts.push(fill(labels.minutes, { n: card.durationMinutes }))
  else if (card.durationSeconds) parts.push(formatDuration(card.durationSeconds))
  else parts.push(formatDate(card.publishedAt))
  return parts.join(' · ')
}

/**
 * One card as listings draw it (`li.card`: picture, linked title, facts, summary), or for a page withdrawn or out of
 * reach its stored title (saying so when withdrawn). The picture is decorative here, as in listings: the title names the card.
 */
export function cardItem(path: string, title: string, entry: PageCard | undefined, labels: CardLabels, heading: 'h3' | 'h4') {
  const item = element('li', 'card')
  const card = entry?.status === 200 ? entry.card : undefined
  if (card?.image) {
    const variants = card.image.variants
    const width = variants?.widths.find((candidate) => candidate >= 400) ?? variants?.widths.at(-1)
    // functions/media/paths.ts variantPath's `{base}-w{width}.webp`, written out: importing it brings the media path
    // rules and their definitions (~1.2 KB) into the reader's JavaScript.
    const src = width && variants?.formats.includes('webp') ? card.image.src.replace(/(\.[a-z0-9]+)?$/, `-w${width}.webp`) : card.image.src
    item.append(Object.assign(element('img'), { src, alt: '', loading: 'lazy', width: card.image.width ?? 1200, height: card.image.height ?? 630 }))
  }
  const head = element(heading, 'card-title')
  head.append(Object.assign(element('a', '', card?.title ?? title), { href: path }))
  item.append(head)
  if (card) item.append(element('p', 'card-facts', facts(card, labels)), element('p', 'card-summary', card.summary))
  // Withdrawn (410) or gone (404); a page the network did not answer shows its title alone.
  else if (entry) item.append(element('p', 'card-facts', labels.unavailable))
  return item
}

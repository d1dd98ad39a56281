import { richTextToPlain } from '../content/richtext-plain.ts'
import { toCard, type ContentCard, type PublishedItem } from '../content/schema.ts'

/**
 * What search knows of one published item: its card (what a result shows, built as listings build theirs), the
 * text it is found by, and the editions that show it. Written beside the item's snapshot in the publish
 * transaction (storage.ts), so search never sees a draft and never misses a publish.
 */
export interface SearchDocument {
  card: ContentCard
  /** Everything searchable but the title and summary: body, episodes, transcripts, captions, lessons, place. */
  text: string
  /** The editions listing the item: the owner's, the national one when shared, and those following it. */
  editions: string[]
}

/** Text beyond the body, read by storage.ts from other capabilities' records (transcripts, lessons). */
export interface ExtraText {
  /** Podcast transcripts and film captions, as spoken. */
  spoken?: string[]
  /** A built course's lessons: title and body. */
  lessons?: string[]
}

/**
 * Far more than any snippet needs, and bounded so a document stays a small DynamoDB item (a long transcript is
 * found by its first hour) and the index a predictable size (docs/search.md has the arithmetic).
 */
export const MAX_TEXT_CHARS = 30_000

const osloMonth = new Intl.DateTimeFormat('nb-NO', { month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' })

/** The item's own searchable text, type by type, without title and summary (those are fields of their own). */
function ownText(item: PublishedItem): string[] {
  const body = richTextToPlain(item.body)
  switch (item.type) {
    case 'e-kurs':
      return [body, item.provider, ...item.learningGoals]
    case 'podkast':
      return [body, ...item.episodes.flatMap((episode) => [episode.title, episode.summary])]
    case 'artikler':
      return [body, item.author ?? '']
    case 'arrangementer':
      // "demens mars" or "Hamar" should find an event: its place, organiser and month are words readers use.
      return [body, item.location?.name ?? '', item.location?.address ?? '', item.organiser, osloMonth.format(new Date(item.startsAt))]
    case 'film':
      return [body]
  }
}

export function searchDocument(item: PublishedItem, editions: string[], extra: ExtraText = {}): SearchDocument {
  const text = [...ownText(item), ...(extra.lessons ?? []), ...(extra.spoken ?? [])]
    .map((part) => part.trim())
    .filter(Boolean)
    .join('\n\n')
  return { card: toCard(item), text: text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text, editions: [...new Set(editions)].sort() }
}

/** One id for an item across editions: owner and item id. */
export const documentId = (card: Pick<ContentCard, 'tenant' | 'id'>) => `${card.tenant}/${card.id}`

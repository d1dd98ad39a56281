import * as z from 'zod'
import { badRequest } from '../shared/errors.ts'
import type { MediaKind } from './kinds.ts'
import type { MediaSort, MediaStatusFilter, MediaUsageFilter } from './listing.ts'
import type { MediaRecord } from './schema.ts'

/**
 * How the media library is searched, filtered and sorted (issue 17), apart from how it is read (store.ts): the
 * records of one tenant are read by a Query on their partition, and these rules pick and order them.
 */

export const isKeyOrdered = (sort: MediaSort) => sort === 'newest' || sort === 'oldest'

export interface LibraryFilter {
  kind?: MediaKind
  status?: MediaStatusFilter
  /** Words an editor typed: matched in the file name, title and alt text. */
  q?: string
  usage?: MediaUsageFilter
}

/**
 * Lower case with æ, ø, å and accents folded as a Norwegian types without them: "hand" finds "Håndhygiene.jpg",
 * "sor" finds "Sør-Fron", "HÅND" finds "hånd".
 */
export const fold = (text: string) =>
  text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/[øö]/g, 'o')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')

/**
 * A test for records, or undefined when nothing is filtered (so the store reads just one page). `useCount` says how
 * many items use a file (store.ts useCounts), for the usage filter.
 */
export function matcher(filter: LibraryFilter, useCount: (id: string) => number = () => 0): ((record: MediaRecord) => boolean) | undefined {
  const words = fold(filter.q ?? '').split(/\s+/).filter(Boolean)
  if (!filter.kind && !filter.status && !filter.usage && !words.length) return undefined
  return (record) => {
    if (filter.kind && record.kind !== filter.kind) return false
    if (filter.status && (record.status === 'pending' ? 'processing' : record.status) !== filter.status) return false
    if (filter.usage && (useCount(record.id) > 0 ? 'used' : 'unused') !== filter.usage) return false
    if (!words.length) return true
    // Every word somewhere, in any of the three: "hygiene hånd" finds "Håndhygiene på sykehjem.jpg".
    const haystack = fold([record.filename, record.title, record.alt].filter(Boolean).join(' '))
    return words.every((word) => haystack.includes(word))
  }
}

/** What an editor sees as a file's name: its title, else the name it was uploaded with. */
const shownName = (record: Pick<MediaRecord, 'title' | 'filename'>) => record.title ?? record.filename
const collator = new Intl.Collator('nb-NO', { sensitivity: 'base', numeric: true })

/** Where a record falls in a name or size order: its name (A–Å) or size (largest first), then its id. */
type Position = { sort: 'name'; value: string; id: string } | { sort: 'size'; value: number; id: string }
const positionOf = (sort: 'name' | 'size', record: MediaRecord): Position =>
  sort === 'name' ? { sort, value: shownName(record), id: record.id } : { sort, value: record.bytes, id: record.id }

function compare(a: Position, b: Position): number {
  const first = a.sort === 'name' && b.sort === 'name' ? collator.compare(a.value, b.value) : (b.value as number) - (a.value as number)
  return first || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

const positionSchema = z.discriminatedUnion('sort', [
  z.object({ sort: z.literal('name'), value: z.string().max(300), id: z.string().max(26) }),
  z.object({ sort: z.literal('size'), value: z.number().int().min(0), id: z.string().max(26) }),
])

/**
 * A name- or size-ordered page: the last file's position, so a file added or deleted between pages neither repeats
 * one nor skips one. A cursor from another order (or a date-ordered listing) is refused, not misread.
 */
function readPosition(cursor: string, sort: 'name' | 'size'): Position {
  let decoded: unknown
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    decoded = undefined
  }
  const position = positionSchema.safeParse(decoded)
  if (!position.success || position.data.sort !== sort)
    throw badRequest('The cursor does not belong to this listing. Start again from the first page.', 'invalid_cursor')
  return position.data
}

/** One page of `records` (all of a library, filtered) in name or size order, after `cursor`. */
export function pageInOrder(records: MediaRecord[], sort: 'name' | 'size', limit: number, cursor?: string): { items: MediaRecord[]; nextCursor?: string } {
  const after = cursor ? readPosition(cursor, sort) : undefined
  const ordered = records
    .map((record) => ({ record, position: positionOf(sort, record) }))
    .filter(({ position }) => !after || compare(position, after) > 0)
    .sort((a, b) => compare(a.position, b.position))
  const page = ordered.slice(0, limit)
  const last = page.at(-1)
  return {
    items: page.map(({ record }) => record),
    nextCursor: ordered.length > limit && last ? Buffer.from(JSON.stringify(last.position)).toString('base64url') : undefined,
  }
}

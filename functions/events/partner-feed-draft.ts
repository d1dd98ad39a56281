import { createHash } from 'node:crypto'
import type { RichText } from '../content/richtext.ts'
import type { ContentOf } from '../content/schema.ts'
import type { SourceEvent } from './partner-feed-parse.ts'
import type { PartnerFeed } from './partner-feed-model.ts'

type EventFields = ContentOf<'arrangementer'>

/** What an import compares: a changed hash is a changed event; the same hash leaves the draft alone. */
export const sourceHash = (event: SourceEvent) =>
  createHash('sha256')
    .update(JSON.stringify([event.title, event.description, event.location, event.url, event.startsAt, event.endsAt, event.cancelled]))
    .digest('base64url')

// Many calendar systems put HTML in DESCRIPTION; our text fields refuse tags (content/schema.ts), so they become text.
const withoutTags = (text: string) => text.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>/gi, '\n\n').replace(/<[^>]*>/g, '')
const oneLine = (text: string, max: number) => withoutTags(text).replace(/\s+/g, ' ').trim().slice(0, max).trim()

function bodyOf(event: SourceEvent, partner: string): RichText {
  const paragraphs = withoutTags(event.description)
    .split(/\n\s*\n|\r\n\s*\r\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .slice(0, 100)
  return {
    type: 'doc',
    content: [
      ...paragraphs.map((text) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] })),
      ...(event.url ? [{ type: 'paragraph' as const, content: [{ type: 'link' as const, href: event.url, text: `Mer om arrangementet hos ${partner}`.slice(0, 500) }] }] : []),
    ],
  }
}

/**
 * The fields a source event gives its draft, credited to the partner (organiser, and `importedFrom` naming the feed and
 * the event's own page). Time, text, place and status come from the partner; an editor adds topics and audiences.
 */
export function importedFields(event: SourceEvent, feed: PartnerFeed) {
  const title = oneLine(event.title, 200) || 'Arrangement uten tittel'
  return {
    title,
    summary: oneLine(event.description, 400) || `Arrangement i regi av ${oneLine(feed.partner, 200)}.`,
    body: bodyOf(event, feed.partner),
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    location: event.location ? { name: oneLine(event.location, 200) } : undefined,
    organiser: feed.partner,
    // The partner's page is where people sign up for the partner's event.
    registration: event.url ? ('external' as const) : ('none' as const),
    registrationUrl: event.url,
    eventStatus: event.cancelled ? ('cancelled' as const) : undefined,
    importedFrom: { feedId: feed.id, partner: feed.partner, sourceUrl: event.url },
  } satisfies Partial<EventFields>
}

/** A new draft's fields: the imported ones, not shared nationally, no topics yet. */
export function newDraft(event: SourceEvent, feed: PartnerFeed, id: string, slug: string): EventFields {
  return { type: 'arrangementer', id, tenant: feed.tenant, slug, topics: [], audiences: [], sharedNationally: false, ...importedFields(event, feed) }
}

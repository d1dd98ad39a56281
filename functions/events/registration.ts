import type { ContentOf } from '../content/schema.ts'
import { defaultRetentionDays, type RegistrationMode } from '../content/vocabulary.ts'

/*
 * An event's sign-up rules as plain functions (no zod), so the reader site, the events function and the workspace
 * agree on them without loading schemas.
 */
export type EventItem = ContentOf<'arrangementer'>

/** Events saved before `registration` existed sign up at their link if they have one. */
export function registrationMode(event: Pick<EventItem, 'registration' | 'registrationUrl'>): RegistrationMode {
  return event.registration ?? (event.registrationUrl ? 'external' : 'none')
}

/** When sign-up closes: the editor's deadline, or the start. */
export const signupClosesAt = (event: Pick<EventItem, 'registrationDeadline' | 'startsAt'>) => event.registrationDeadline ?? event.startsAt

/** Why a reader cannot sign up here now, if they cannot: no built-in sign-up, or its time is over. */
export function signupBlocked(event: EventItem, now: Date): 'not-here' | 'deadline-passed' | undefined {
  if (registrationMode(event) !== 'built-in') return 'not-here'
  if (Date.parse(signupClosesAt(event)) <= now.getTime()) return 'deadline-passed'
  return undefined
}

export const retentionDaysOf = (event: Pick<EventItem, 'retentionDays'>) => event.retentionDays ?? defaultRetentionDays

/** Epoch seconds at which DynamoDB's TTL removes a sign-up: the event's end plus its retention days. */
export const signupExpiresAt = (event: Pick<EventItem, 'endsAt' | 'retentionDays'>) =>
  Math.floor(Date.parse(event.endsAt) / 1000) + retentionDaysOf(event) * 86_400

/** Whether the online link may be shown to anyone (on the public page), or only to confirmed participants. */
export const onlineLinkIsPublic = (event: Pick<EventItem, 'onlineUrl' | 'onlineUrlForParticipants'>) => Boolean(event.onlineUrl) && !event.onlineUrlForParticipants

/** A plain link to the place on OpenStreetMap's search: no map is embedded, so no third party loads with the page. */
export function mapLink(location: { name: string; address?: string }): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent([location.name, location.address].filter(Boolean).join(', '))}`
}

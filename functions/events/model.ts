/** What the sign-up records hold (docs/data-model.md, "Event sign-ups"); shared by the events function, the editor API and the workspace. */

export type ParticipantStatus = 'confirmed' | 'waiting' | 'cancelled'

/** One person's sign-up: what the form asked, the consent they gave, and where they stand. */
export interface Participant {
  tenant: string
  eventId: string
  /** The event's address and title when signing up, for the cancel page and its e-mails. */
  eventSlug: string
  eventTitle: string
  emailHash: string
  name: string
  email: string
  workplace: string
  municipality: string
  needs?: string
  /** The consent text as the form showed it, kept with the sign-up (DOMAIN.md). */
  consentText: string
  status: ParticipantStatus
  signedUpAt: string
  /** Sort key of the waiting-list place while `waiting`. */
  waitKey?: string
  promotedAt?: string
  cancelledAt?: string
  /** SHA-256 of each cancel link's token this sign-up was sent (a promotion sends a new one). */
  tokenHashes: string[]
  /** Epoch seconds: DynamoDB deletes the record then (the event's end plus its retention days). */
  expiresAt: number
}

/** An event's seats as counted with every sign-up and cancellation. */
export interface Seats {
  confirmed: number
  waiting: number
  /** The capacity the last sign-up saw; absent when the event has none. */
  capacity?: number
  /** Closed by an organiser: nobody else can sign up, cancellations still work. */
  closed: boolean
  /** The site's origin as the last sign-up reached it, for e-mails sent without a request (the scheduler's). */
  origin?: string
}

/** What a reader's sign-up came to. */
export type SignupOutcome =
  | { outcome: 'confirmed' | 'waiting'; participant: Participant; token: string }
  | { outcome: 'duplicate' }
  | { outcome: 'full' }
  | { outcome: 'closed' }

/** What a cancel link came to. */
export type CancelOutcome =
  | { outcome: 'cancelled'; participant: Participant; promoted?: { participant: Participant; token: string } }
  | { outcome: 'already-cancelled'; participant: Participant }
  | { outcome: 'unknown' }

/** The organiser's view of an event's sign-ups (functions/events/editor-routes.ts). */
export interface SignupList {
  seats: Seats
  /** Confirmed, in order of sign-up. */
  confirmed: Participant[]
  /** Waiting, first in line first. */
  waiting: Participant[]
}

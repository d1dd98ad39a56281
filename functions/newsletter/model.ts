/**
 * A subscriber, and all that is kept about one (issue 14): the address, the choices, the consent (its time and the
 * text agreed to) and, once confirmed, the confirmation time. While unconfirmed it also holds the confirmation link's
 * hash and expires (TTL) 48 hours after sign-up; an unsubscribe deletes it.
 */
export interface Subscriber {
  tenant: string
  emailHash: string
  email: string
  /** Fagtema slugs, or `['alt']`. */
  topics: string[]
  consentText: string
  consentedAt: string
  status: 'pending' | 'confirmed'
  confirmedAt?: string
  confirmTokenHash?: string
  expiresAt?: number
}

/** What a sign-up leads to; the reader's page says the same whatever it is (no enumeration). */
export type SubscribeResult =
  | { mail: 'confirm'; token: string; subscriber: Subscriber }
  | { mail: 'already-subscribed'; token: string; subscriber: Subscriber }
  | { mail: 'none'; reason: 'rate-limited' | 'suppressed' }

import type { TransactItem } from '../shared/db.ts'
import { hashOf } from '../events/signups.ts'
import { tokenPk, tokenSk } from './keys.ts'

export { hashOf, isToken, newToken } from '../events/signups.ts'

/** What a link may do: confirm a pending sign-up, or open the preferences and unsubscribe (every mail's link). */
export type TokenPurpose = 'confirm' | 'manage'
export interface TokenRecord {
  purpose: TokenPurpose
  tenant: string
  emailHash: string
  expiresAt: number
}

export const confirmLifetimeSeconds = 48 * 3600
/**
 * A mail's preferences/unsubscribe link works for half a year: long enough for an old newsletter's link to still
 * unsubscribe, short enough that the records of every mail sent do not pile up.
 */
export const manageLifetimeSeconds = 180 * 86_400

export const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000)

/** The token's record, written in the transaction that makes the token mean something. */
export function tokenPut(token: string, record: TokenRecord): TransactItem {
  return { Put: { Item: { PK: tokenPk(hashOf(token)), SK: tokenSk, ...record }, ConditionExpression: 'attribute_not_exists(PK)' } }
}

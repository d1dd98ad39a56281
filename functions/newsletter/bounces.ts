import * as z from 'zod'
import type { Db } from '../shared/db.ts'
import { emailHashOf } from '../events/signups.ts'
import { newsletterPk, subscriberSk, suppressedPk, suppressedSk } from './keys.ts'
import { epochSeconds } from './tokens.ts'

/*
 * Bounces and complaints (issue 14): SES publishes them to the configuration set's SNS topic
 * (infra/stacks/newsletter.ts), and the bounce function hands each notification here (ses-events.ts). A permanent bounce or a
 * complaint suppresses the address (no newsletter mail goes there again, in any edition) and deletes its subscription
 * in the edition the mail was tagged with; a transient bounce (a full mailbox) changes nothing.
 */

/** SES's event record (event publishing), as far as this and ses-events.ts read it. */
export const sesEventSchema = z.object({
  eventType: z.string().optional(),
  notificationType: z.string().optional(),
  mail: z.object({ tags: z.record(z.string(), z.array(z.string())).optional() }).loose(),
  bounce: z.object({ bounceType: z.string(), bouncedRecipients: z.array(z.object({ emailAddress: z.string() }).loose()) }).loose().optional(),
  complaint: z.object({ complainedRecipients: z.array(z.object({ emailAddress: z.string() }).loose()) }).loose().optional(),
})

export interface Suppression {
  email: string
  reason: 'bounce' | 'complaint'
  tenant?: string
}

/** The addresses one SES event says must not be mailed again. */
export function suppressionsOf(message: unknown): Suppression[] {
  const parsed = sesEventSchema.safeParse(message)
  if (!parsed.success) return []
  const event = parsed.data
  const type = event.eventType ?? event.notificationType
  const tenant = event.mail.tags?.tenant?.[0]
  if (type === 'Bounce' && event.bounce?.bounceType === 'Permanent') return event.bounce.bouncedRecipients.map(({ emailAddress }) => ({ email: emailAddress, reason: 'bounce', tenant }))
  if (type === 'Complaint' && event.complaint) return event.complaint.complainedRecipients.map(({ emailAddress }) => ({ email: emailAddress, reason: 'complaint', tenant }))
  return []
}

/** A suppression record keeps only the address's hash, for a year (SES's own account-level list keeps it too). */
export const suppressionSeconds = 365 * 86_400

export function createSuppressions(db: Db, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date())
  return {
    async suppress(suppression: Suppression): Promise<void> {
      const emailHash = emailHashOf(suppression.email)
      await db.transact([
        { Put: { Item: { PK: suppressedPk(emailHash), SK: suppressedSk, reason: suppression.reason, expiresAt: epochSeconds(now()) + suppressionSeconds } } },
        ...(suppression.tenant && /^[a-z0-9-]{1,40}$/.test(suppression.tenant) ? [{ Delete: { Key: { PK: newsletterPk(suppression.tenant), SK: subscriberSk(emailHash) } } }] : []),
      ])
    },
  }
}
export type SuppressionStore = ReturnType<typeof createSuppressions>

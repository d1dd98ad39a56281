import * as z from 'zod'
import type { Db } from '../shared/db.ts'
import { createSuppressions, sesEventSchema, suppressionsOf } from './bounces.ts'
import { createSendLog, type MarkerTags } from './send-log.ts'

/*
 * What SES publishes about the newsletter's mail through the configuration set's SNS topic (infra/stacks/newsletter.ts),
 * read by the bounce function: bounces and complaints suppress an address (bounces.ts); a Send event confirms that
 * SES took a mail, so a send resumed after a crash knows the one in flight went out (send-log.ts). Locally the SES
 * emulator publishes nothing, so the local runner's relay in front of it (infra/local/ses-events.ts) hands the same
 * event records here.
 */

const snsEventSchema = z.object({ Records: z.array(z.object({ Sns: z.object({ Message: z.string() }).loose() }).loose()) })

const tagValue = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/)
const markerTagsSchema = z.object({ tenant: z.tuple([tagValue]), issue: z.tuple([tagValue]), subscriber: z.tuple([tagValue]) })

/** The marker a Send event confirms: only the newsletter's mail carries all three tags. */
export function confirmationOf(message: unknown): MarkerTags | undefined {
  const event = sesEventSchema.safeParse(message)
  if (!event.success || (event.data.eventType ?? event.data.notificationType) !== 'Send') return undefined
  const tags = markerTagsSchema.safeParse(event.data.mail.tags)
  return tags.success ? { tenant: tags.data.tenant[0], issue: tags.data.issue[0], subscriber: tags.data.subscriber[0] } : undefined
}

export interface SesEventOutcome {
  suppressed: number
  confirmed: number
}

export function createSesEventHandler(db: Db, options: { now?: () => Date } = {}) {
  const suppressions = createSuppressions(db, options)
  const sendLog = createSendLog(db, options)

  /** One SES event record; anything it does not know is skipped. */
  async function handleEvent(message: unknown): Promise<SesEventOutcome> {
    const outcome: SesEventOutcome = { suppressed: 0, confirmed: 0 }
    for (const suppression of suppressionsOf(message)) {
      await suppressions.suppress(suppression)
      outcome.suppressed++
    }
    const confirmation = confirmationOf(message)
    if (confirmation && (await sendLog.confirm(confirmation))) outcome.confirmed++
    return outcome
  }

  return {
    handleEvent,
    /** An SNS delivery (one or more notifications); a message that is not an SES event is skipped, not retried. */
    async handleSns(event: unknown): Promise<SesEventOutcome> {
      const total: SesEventOutcome = { suppressed: 0, confirmed: 0 }
      const parsed = snsEventSchema.safeParse(event)
      if (!parsed.success) return total
      for (const record of parsed.data.Records) {
        let message: unknown
        try {
          message = JSON.parse(record.Sns.Message)
        } catch {
          continue
        }
        const outcome = await handleEvent(message)
        total.suppressed += outcome.suppressed
        total.confirmed += outcome.confirmed
      }
      return total
    },
  }
}
export type SesEventHandler = ReturnType<typeof createSesEventHandler>

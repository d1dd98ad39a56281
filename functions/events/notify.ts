import { itemPath } from '../content/paths.ts'
import { createLogger, type Logger } from '../shared/logger.ts'
import { absoluteUrl } from '../../web/site/origin.ts'
import { sendQuietly, type Mailer } from './mail.ts'
import { signupMessage, type MailKind } from './messages.tsx'
import type { Participant, Seats } from './model.ts'
import { cancelPath } from './paths.ts'
import type { EventItem } from './registration.ts'

/**
 * The sign-up e-mails sent without a reader's request (the scheduler's promotions and reminders), rendered and sent
 * like the events function's. Their links need the site's origin: the configured one, else the one the event's
 * sign-ups came through (stored on its seat count). Without either the e-mail is not sent, and the log says so.
 */
export function scheduledNotifier(mailer: Mailer, options: { siteOrigin?: string; log?: Logger } = {}) {
  const log = options.log ?? createLogger()
  return async (kind: MailKind, event: EventItem, participant: Participant, seats: Pick<Seats, 'origin'>, token?: string): Promise<boolean> => {
    const origin = options.siteOrigin ?? seats.origin
    if (!origin) {
      log.error('E-mail not sent: no site origin for its links', { kind, tenant: event.tenant, eventId: event.id })
      return false
    }
    const eventUrl = absoluteUrl(origin, itemPath({ tenant: event.tenant, type: 'arrangementer', slug: event.slug }))
    return sendQuietly(mailer, signupMessage({ kind, event, participant, eventUrl, ...(token ? { cancelUrl: absoluteUrl(origin, cancelPath(token)) } : {}) }), log)
  }
}
export type ScheduledNotifier = ReturnType<typeof scheduledNotifier>

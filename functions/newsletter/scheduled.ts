import type { Mailer } from '../events/mail.ts'
import type { RuntimeConfig } from '../shared/config.ts'
import type { Db } from '../shared/db.ts'
import { createCatalogStore } from '../tenants/catalog.ts'
import { createIssues } from './issues.ts'
import { createNewsletterSender, type SendOutcome, type SenderOptions } from './sending.ts'
import { createSubscribers } from './subscribers.ts'

/**
 * The scheduler's newsletter run (functions/scheduler-services.ts, and the local runner's timer): due issues sent in
 * pages. Without a fixed public origin (`-c siteOrigin` or a domain) a mail's links could not be built, so nothing
 * is sent and, while an issue waits, the run says why.
 */
export function scheduledNewsletters(
  db: Db,
  mailer: Mailer,
  config: Pick<RuntimeConfig, 'siteOrigin'>,
  options: Pick<SenderOptions, 'now' | 'pageSize' | 'maxPerSecond' | 'concurrency' | 'confirmationWaitMs' | 'budgetMs' | 'sleep'> = {},
): () => Promise<SendOutcome[] | 'no-origin'> {
  const origin = config.siteOrigin
  const issues = createIssues(db, { now: options.now })
  // Said only when an issue is waiting, so a deploy that sends no newsletter logs nothing every minute.
  if (!origin) return async () => ((await issues.due(1)).length ? 'no-origin' : [])
  const catalog = createCatalogStore(db)
  const sender = createNewsletterSender({
    ...options,
    db,
    mailer,
    origin,
    issues,
    subscribers: createSubscribers(db, { now: options.now }),
    edition: async (tenant) => {
      const found = (await catalog.get()).tenant(tenant)
      return found && { id: found.id, name: found.name }
    },
  })
  return sender.runDue
}

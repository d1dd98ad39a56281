import type { Db } from '../shared/db.ts'
import type { Mailer } from '../events/mail.ts'
import { cancellationReasons, failedCondition } from '../events/retry.ts'
import { itemPath } from '../content/paths.ts'
import { ALL_TOPICS } from './form.ts'
import type { IssueStore } from './issues.ts'
import type { NewsletterIssue } from './issue-model.ts'
import { newsletterPk, sentPk, subscriberPrefix, suppressedPk, suppressedSk } from './keys.ts'
import { issueMessage, type Edition } from './messages.tsx'
import type { Subscriber } from './model.ts'
import { preferencesPath, unsubscribePath } from './paths.ts'
import type { SubscriberStore } from './subscribers.ts'
import { epochSeconds } from './tokens.ts'
import { createLogger } from '../shared/logger.ts'

const logger = createLogger()

export interface SenderOptions {
  db: Db
  issues: IssueStore
  subscribers: SubscriberStore
  mailer: Mailer
  /** The site's public origin: every link in a mail is absolute. */
  origin: string
  edition(tenant: string): Promise<Edition | undefined>
  now?: () => Date
  /** Subscribers read per page (one Query); the cursor is saved after each. */
  pageSize?: number
  /** SES's sending rate for the account (14/s once out of the sandbox); the send never goes faster. */
  maxPerSecond?: number
  /** A run stops taking subscribers after this long, and the next run goes on from the saved cursor. */
  budgetMs?: number
  sleep?: (ms: number) => Promise<void>
}

export type SendOutcome = { issueId: string; tenant: string; sent: number; outcome: 'finished' | 'paused' | 'failed' }

/** A send marker lives as long as a mail's links do not matter any more: long enough to block any retry. */
const sentMarkerSeconds = 60 * 86_400

/** Whether an issue is for this subscriber: everything, or one of the items is on a topic they follow. */
export function wants(subscriber: Pick<Subscriber, 'topics'>, issue: Pick<NewsletterIssue, 'items'>): boolean {
  return subscriber.topics.includes(ALL_TOPICS) || issue.items.some((item) => item.topics.some((topic) => subscriber.topics.includes(topic)))
}

/**
 * Sends due issues (issue 14), run by the scheduler every minute. A send is a job over the edition's subscribers in
 * pages: for each subscriber, one transaction writes the send log's marker (only if absent), checks the address is
 * not suppressed, and stores the hash of the mail's own preferences/unsubscribe token; only then is the mail sent.
 * A second run, or one resumed after a crash, meets the markers and sends nobody twice; the cursor saved after each
 * page means a resumed run re-reads at most one page. If SES refuses a mail, its marker is removed and the run stops,
 * so the next run sends it (nobody is skipped). SES has no idempotency key, so one mail in flight stays uncertain: a
 * process killed between its marker and SES's answer leaves that one subscriber without this issue (never two mails),
 * and an SES call that times out after SES accepted it would send that one twice. Tested by a SIGKILL halfway
 * (tests/functions/newsletter/resume.test.ts).
 */
export function createNewsletterSender(options: SenderOptions) {
  const now = options.now ?? (() => new Date())
  const pageSize = options.pageSize ?? 100
  const gapMs = 1000 / (options.maxPerSecond ?? 10)
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const { db } = options

  /** The marker, the suppression check and the link's token together; false when the marker was there (or suppressed). */
  async function claim(issue: NewsletterIssue, subscriber: Subscriber, tokenWrite: Parameters<Db['transact']>[0][number]): Promise<boolean> {
    try {
      await db.transact([
        { Put: { Item: { PK: sentPk(issue.tenant, issue.id), SK: subscriber.emailHash, expiresAt: epochSeconds(now()) + sentMarkerSeconds }, ConditionExpression: 'attribute_not_exists(PK)' } },
        { ConditionCheck: { Key: { PK: suppressedPk(subscriber.emailHash), SK: suppressedSk }, ConditionExpression: 'attribute_not_exists(PK)' } },
        tokenWrite,
      ])
      return true
    } catch (error) {
      const reasons = cancellationReasons(error)
      if (reasons && (failedCondition(reasons, 0) || failedCondition(reasons, 1))) return false
      throw error
    }
  }

  async function sendIssue(issue: NewsletterIssue, deadline: number): Promise<SendOutcome> {
    const edition = await options.edition(issue.tenant)
    let sent = 0
    const result = (outcome: SendOutcome['outcome']): SendOutcome => ({ issueId: issue.id, tenant: issue.tenant, sent, outcome })
    if (!edition) return result('failed')
    const items = issue.items.map((item) => ({ ...item, url: new URL(itemPath(item), options.origin).href }))
    let cursor = issue.cursor
    for (;;) {
      if (Date.now() >= deadline) return result('paused')
      const page = await db.query<Subscriber>({ partitionKey: { name: 'PK', value: newsletterPk(issue.tenant) }, sortKeyPrefix: { name: 'SK', value: subscriberPrefix }, limit: pageSize, cursor, consistent: true })
      let pageSent = 0
      for (const subscriber of page.items) {
        if (subscriber.status !== 'confirmed' || !wants(subscriber, issue)) continue
        const link = options.subscribers.manageToken(issue.tenant, subscriber.emailHash)
        if (!(await claim(issue, subscriber, link.write))) continue
        const started = Date.now()
        try {
          await options.mailer.send(
            issueMessage({
              edition,
              subject: issue.subject,
              intro: issue.intro,
              items,
              email: subscriber.email,
              preferencesUrl: new URL(preferencesPath(issue.tenant, link.token), options.origin).href,
              unsubscribeUrl: new URL(unsubscribePath(issue.tenant, link.token), options.origin).href,
            }),
          )
        } catch (error) {
          // Not sent: free the marker so the next run tries this subscriber again, and stop (SES is refusing).
          await db.transact([{ Delete: { Key: { PK: sentPk(issue.tenant, issue.id), SK: subscriber.emailHash } } }])
          await options.issues.progress(issue, cursor, pageSent)
          logger.error('Newsletter mail refused; the send resumes next run', { issueId: issue.id, error })
          return { ...result('paused'), sent: sent + pageSent }
        }
        pageSent++
        const rest = gapMs - (Date.now() - started)
        if (rest > 0) await sleep(rest)
      }
      sent += pageSent
      cursor = page.nextCursor
      if (!cursor) {
        await options.issues.finish(issue, pageSent)
        return result('finished')
      }
      await options.issues.progress(issue, cursor, pageSent)
    }
  }

  return {
    sendIssue,
    /** Every due issue, one after another, until the run's time is up. */
    async runDue(): Promise<SendOutcome[]> {
      const deadline = Date.now() + (options.budgetMs ?? 40_000)
      const outcomes: SendOutcome[] = []
      for (const issue of await options.issues.due()) {
        if (Date.now() >= deadline) break
        outcomes.push(await sendIssue(issue, deadline))
      }
      return outcomes
    },
  }
}
export type NewsletterSender = ReturnType<typeof createNewsletterSender>

import type { Db } from '../shared/db.ts'
import { surelyNotSent, type Mailer } from '../events/mail.ts'
import { itemPath } from '../content/paths.ts'
import { ALL_TOPICS } from './form.ts'
import type { IssueStore } from './issues.ts'
import type { NewsletterIssue } from './issue-model.ts'
import { newsletterPk, subscriberPrefix, subscriberSk, suppressedPk, suppressedSk } from './keys.ts'
import { issueMessage, type Edition } from './messages.tsx'
import type { Subscriber } from './model.ts'
import { preferencesPath, unsubscribePath } from './paths.ts'
import { createSendLog, type SendMarker } from './send-log.ts'
import type { SubscriberStore } from './subscribers.ts'
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
  /** Mails in flight at once within that rate (one SES call takes ~50–100 ms, so one at a time would stay far below it). */
  concurrency?: number
  /**
   * How long a claim with no answer waits for SES's Send event before its mail is sent again. SES publishes it within
   * seconds; the wait is long so a late event never costs a subscriber a second mail.
   */
  confirmationWaitMs?: number
  /** A run stops taking subscribers after this long, and the next run goes on from the saved cursor. */
  budgetMs?: number
  sleep?: (ms: number) => Promise<void>
}

export type SendOutcome = { issueId: string; tenant: string; sent: number; outcome: 'finished' | 'paused' | 'failed' }

/** Whether an issue is for this subscriber: everything, or one of the items is on a topic they follow. */
export function wants(subscriber: Pick<Subscriber, 'topics'>, issue: Pick<NewsletterIssue, 'items'>): boolean {
  return subscriber.topics.includes(ALL_TOPICS) || issue.items.some((item) => item.topics.some((topic) => subscriber.topics.includes(topic)))
}

type Delivery = 'sent' | 'refused' | 'uncertain'
type Letter = { issue: NewsletterIssue; edition: Edition; items: Array<NewsletterIssue['items'][number] & { url: string }> }

/**
 * Sends due issues (issue 14), run by the scheduler every minute. A send is a job over the edition's subscribers in
 * pages. For each subscriber, one transaction claims the send log's marker (only if absent), checks the address is not
 * suppressed and stores the hash of the mail's own preferences/unsubscribe token; only then is the mail sent, tagged
 * with its marker, and the marker is marked sent when SES answers. A second run, or one resumed after a crash, meets
 * the markers and sends nobody twice; the cursor saved after each page means a resumed run re-reads at most one page.
 *
 * SES has no idempotency key, so a mail in flight when a process dies (or whose call timed out) is known only by SES's
 * Send event, which confirms its marker (ses-events.ts). Once every subscriber has had their turn, the claims left
 * open wait for that event; one still unconfirmed after the wait is sent again. A mail SES surely refused (a 4xx)
 * frees its marker at once. Tested by a SIGKILL halfway through 10,000 subscribers (tests/functions/newsletter/resume.test.ts).
 */
export function createNewsletterSender(options: SenderOptions) {
  const now = options.now ?? (() => new Date())
  const pageSize = options.pageSize ?? 100
  const concurrency = options.concurrency ?? 4
  const gapMs = 1000 / (options.maxPerSecond ?? 10)
  const waitMs = options.confirmationWaitMs ?? 15 * 60_000
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const { db } = options
  const sendLog = createSendLog(db, { now })

  // Each mail takes the next slot of the account's rate, however many are in flight.
  let nextSlot = 0
  async function pace(): Promise<void> {
    const at = Math.max(Date.now(), nextSlot)
    nextSlot = at + gapMs
    if (at > Date.now()) await sleep(at - Date.now())
  }

  /** One mail to a subscriber whose marker this run holds; the marker says what became of it. */
  async function deliver({ issue, edition, items }: Letter, subscriber: Subscriber, token: string): Promise<Delivery> {
    await pace()
    try {
      const message = issueMessage({
        edition,
        subject: issue.subject,
        intro: issue.intro,
        items,
        email: subscriber.email,
        preferencesUrl: new URL(preferencesPath(issue.tenant, token), options.origin).href,
        unsubscribeUrl: new URL(unsubscribePath(issue.tenant, token), options.origin).href,
      })
      await options.mailer.send({ ...message, tags: { ...message.tags, issue: issue.id, subscriber: subscriber.emailHash } })
    } catch (error) {
      logger.error('Newsletter mail not sent; the send resumes next run', { issueId: issue.id, error })
      if (!surelyNotSent(error)) return 'uncertain'
      await sendLog.release(issue.tenant, issue.id, subscriber.emailHash)
      return 'refused'
    }
    await sendLog.markSent(issue.tenant, issue.id, subscriber.emailHash)
    return 'sent'
  }

  /** One page of subscribers, `concurrency` at a time; false when SES stopped taking mail (the run pauses). */
  async function sendPage(letter: Letter, page: Subscriber[], counted: { sent: number }): Promise<boolean> {
    const queue = page.filter((subscriber) => subscriber.status === 'confirmed' && wants(subscriber, letter.issue))
    let stopped = false
    const worker = async () => {
      for (let subscriber = queue.shift(); subscriber && !stopped; subscriber = queue.shift()) {
        const link = options.subscribers.manageToken(letter.issue.tenant, subscriber.emailHash)
        if (!(await sendLog.claim(letter.issue.tenant, letter.issue.id, subscriber.emailHash, link.write))) continue
        if ((await deliver(letter, subscriber, link.token)) === 'sent') counted.sent++
        else stopped = true
      }
    }
    await Promise.all(Array.from({ length: concurrency }, worker))
    return !stopped
  }

  /** A claim nobody confirmed within the wait: sent again if its subscriber still wants it, else dropped. */
  async function retryClaim(letter: Letter, marker: SendMarker): Promise<Delivery | 'dropped' | 'taken'> {
    if (!(await sendLog.reclaim(marker))) return 'taken'
    const subscriber = await db.get<Subscriber>({ PK: newsletterPk(letter.issue.tenant), SK: subscriberSk(marker.SK) }, { consistent: true })
    const suppressed = await db.get({ PK: suppressedPk(marker.SK), SK: suppressedSk }, { consistent: true })
    if (!subscriber || subscriber.status !== 'confirmed' || !wants(subscriber, letter.issue) || suppressed) {
      await sendLog.drop(marker)
      return 'dropped'
    }
    const link = options.subscribers.manageToken(letter.issue.tenant, subscriber.emailHash)
    await db.transact([link.write])
    return deliver(letter, subscriber, link.token)
  }

  /** After the walk: open claims are settled by SES's events or, past the wait, sent again; finished when none is left. */
  async function settle(letter: Letter, deadline: number, sentThisRun: number, unreported: number): Promise<SendOutcome> {
    const { issue } = letter
    const { sent, claimed } = await sendLog.tally(issue.tenant, issue.id)
    let open = 0
    let resent = 0
    let stopped = false
    for (const marker of claimed) {
      const due = Date.parse(marker.claimedAt ?? '') + waitMs <= now().getTime()
      if (stopped || !due || Date.now() >= deadline) {
        open++
        continue
      }
      const result = await retryClaim(letter, marker)
      if (result === 'sent') resent++
      else if (result === 'taken' || result === 'uncertain' || result === 'refused') {
        open++
        stopped = result !== 'taken'
      }
    }
    const outcome = { issueId: issue.id, tenant: issue.tenant, sent: sentThisRun + resent }
    if (open) {
      await options.issues.awaitConfirmations(issue, unreported + resent)
      return { ...outcome, outcome: 'paused' }
    }
    await options.issues.finish(issue, sent + resent)
    return { ...outcome, outcome: 'finished' }
  }

  async function sendIssue(issue: NewsletterIssue, deadline: number): Promise<SendOutcome> {
    const edition = await options.edition(issue.tenant)
    if (!edition) return { issueId: issue.id, tenant: issue.tenant, sent: 0, outcome: 'failed' }
    const letter: Letter = { issue, edition, items: issue.items.map((item) => ({ ...item, url: new URL(itemPath(item), options.origin).href })) }
    if (issue.phase === 'confirming') return settle(letter, deadline, 0, 0)
    let cursor = issue.cursor
    const counted = { sent: 0 }
    for (;;) {
      if (Date.now() >= deadline) return { issueId: issue.id, tenant: issue.tenant, sent: counted.sent, outcome: 'paused' }
      const page = await db.query<Subscriber>({ partitionKey: { name: 'PK', value: newsletterPk(issue.tenant) }, sortKeyPrefix: { name: 'SK', value: subscriberPrefix }, limit: pageSize, cursor, consistent: true })
      const before = counted.sent
      if (!(await sendPage(letter, page.items, counted))) {
        // The page is read again next run (its cursor is not saved); its markers keep it from sending twice.
        await options.issues.progress(issue, cursor, counted.sent - before)
        return { issueId: issue.id, tenant: issue.tenant, sent: counted.sent, outcome: 'paused' }
      }
      cursor = page.nextCursor
      if (!cursor) return settle(letter, deadline, counted.sent, counted.sent - before)
      await options.issues.progress(issue, cursor, counted.sent - before)
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

import { ulid } from 'ulid'
import type { Db } from '../shared/db.ts'
import { cancellationReasons } from '../events/retry.ts'
import { duePk, dueSk, issuePrefix, issueSk, newsletterPk } from './keys.ts'
import type { IssueDraft, IssueItem, NewsletterIssue } from './issue-model.ts'

type Row = NewsletterIssue & { PK: string; SK: string }
const strip = ({ PK: _pk, SK: _sk, ...issue }: Row): NewsletterIssue => issue

/** A due record: which issue to send, found by the scheduler with one Query up to now. */
interface DueRow {
  tenant: string
  issueId: string
}

/**
 * An edition's newsletter issues. Scheduling one writes the issue and its due record in one transaction; the
 * scheduler's send (sending.ts) moves its cursor page by page and, at the end, marks it sent and drops the due record
 * in another, so an issue is either waiting, on its way, or done.
 */
export function createIssues(db: Db, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date())
  const key = (tenant: string, id: string) => ({ PK: newsletterPk(tenant), SK: issueSk(id) })

  async function get(tenant: string, id: string): Promise<NewsletterIssue | undefined> {
    const row = await db.get<Row>(key(tenant, id), { consistent: true })
    return row ? strip(row) : undefined
  }

  return {
    get,

    async schedule(tenant: string, draft: IssueDraft, items: IssueItem[], by: { createdBy: string; sendAt?: Date }): Promise<NewsletterIssue> {
      const at = now()
      const sendAt = (by.sendAt && by.sendAt > at ? by.sendAt : at).toISOString()
      const issue: NewsletterIssue = {
        tenant,
        id: ulid(at.getTime()),
        subject: draft.subject,
        intro: draft.intro,
        items,
        status: 'scheduled',
        sendAt,
        createdAt: at.toISOString(),
        createdBy: by.createdBy,
        sentCount: 0,
      }
      await db.transact([
        { Put: { Item: { ...key(tenant, issue.id), ...issue }, ConditionExpression: 'attribute_not_exists(PK)' } },
        { Put: { Item: { PK: duePk, SK: dueSk(sendAt, tenant, issue.id), tenant, issueId: issue.id }, ConditionExpression: 'attribute_not_exists(PK)' } },
      ])
      return issue
    },

    /** The edition's issues, newest first. */
    async list(tenant: string, limit = 20): Promise<NewsletterIssue[]> {
      const page = await db.query<Row>({ partitionKey: { name: 'PK', value: newsletterPk(tenant) }, sortKeyPrefix: { name: 'SK', value: issuePrefix }, ascending: false, limit })
      return page.items.map(strip)
    },

    /** A scheduled issue that has not started is withdrawn; one on its way cannot be (false). */
    async cancel(tenant: string, id: string): Promise<boolean> {
      const issue = await get(tenant, id)
      if (!issue || issue.status !== 'scheduled') return false
      try {
        await db.transact([
          { Delete: { Key: key(tenant, id), ConditionExpression: '#status = :scheduled', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':scheduled': 'scheduled' } } },
          { Delete: { Key: { PK: duePk, SK: dueSk(issue.sendAt, tenant, id) } } },
        ])
        return true
      } catch (error) {
        if (cancellationReasons(error)) return false
        throw error
      }
    },

    /** Issues due by now, oldest first. */
    async due(limit = 10): Promise<NewsletterIssue[]> {
      const page = await db.query<DueRow>({ partitionKey: { name: 'PK', value: duePk }, sortKeyTo: { name: 'SK', value: `${now().toISOString()}#~` }, limit })
      const issues = await Promise.all(page.items.map((due) => get(due.tenant, due.issueId)))
      return issues.filter((issue): issue is NewsletterIssue => issue !== undefined && issue.status !== 'sent')
    },

    /** A page is done: the cursor moves on and the count grows (the send log, not this, prevents doubles). */
    async progress(issue: NewsletterIssue, cursor: string | undefined, sent: number): Promise<void> {
      try {
        await db.transact([
          {
            Update: {
              Key: key(issue.tenant, issue.id),
              UpdateExpression: `SET #status = :sending, sentCount = sentCount + :sent${cursor ? ', #cursor = :cursor' : ' REMOVE #cursor'}`,
              // A run that overlapped another must not reopen an issue the other finished.
              ConditionExpression: '#status <> :done',
              ExpressionAttributeNames: { '#status': 'status', '#cursor': 'cursor' },
              ExpressionAttributeValues: { ':sending': 'sending', ':done': 'sent', ':sent': sent, ...(cursor ? { ':cursor': cursor } : {}) },
            },
          },
        ])
      } catch (error) {
        if (!cancellationReasons(error)) throw error
      }
    },

    /**
     * Every subscriber has had their turn, and some claims wait for SES's word (send-log.ts): the walk is not read
     * again, only the open claims, until none is left.
     */
    async awaitConfirmations(issue: NewsletterIssue, sent: number): Promise<void> {
      try {
        await db.transact([
          {
            Update: {
              Key: key(issue.tenant, issue.id),
              UpdateExpression: 'SET #status = :sending, phase = :confirming, sentCount = sentCount + :sent REMOVE #cursor',
              ConditionExpression: '#status <> :done',
              ExpressionAttributeNames: { '#status': 'status', '#cursor': 'cursor' },
              ExpressionAttributeValues: { ':sending': 'sending', ':confirming': 'confirming', ':done': 'sent', ':sent': sent },
            },
          },
        ])
      } catch (error) {
        if (!cancellationReasons(error)) throw error
      }
    },

    /** Done: the count is the send log's own (a page cut short by a crash never reported what it sent). */
    async finish(issue: NewsletterIssue, sentTotal: number): Promise<void> {
      await db.transact([
        {
          Update: {
            Key: key(issue.tenant, issue.id),
            UpdateExpression: 'SET #status = :sent, sentCount = :count, finishedAt = :at REMOVE #cursor, phase',
            ExpressionAttributeNames: { '#status': 'status', '#cursor': 'cursor' },
            ExpressionAttributeValues: { ':sent': 'sent', ':count': sentTotal, ':at': now().toISOString() },
          },
        },
        { Delete: { Key: { PK: duePk, SK: dueSk(issue.sendAt, issue.tenant, issue.id) } } },
      ])
    },
  }
}
export type IssueStore = ReturnType<typeof createIssues>

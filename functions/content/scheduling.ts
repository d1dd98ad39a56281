import type { Db, TransactItem } from '../shared/db.ts'
import { badRequest } from '../shared/errors.ts'
import { editableFields, StaleVersionError } from './editing.ts'
import * as keys from './keys.ts'
import { publishProblems } from './rules.ts'
import type { StoredItem } from './store.ts'

type Action = 'publish' | 'unpublish'

const SCHEDULE_PK = 'SCHEDULE'
const scheduleKey = (dueAt: string, tenant: string, id: string, action: Action) => ({ PK: SCHEDULE_PK, SK: `${dueAt}#${tenant}#${id}#${action}` })

export interface ScheduleResult {
  tenant: string
  id: string
  action: Action
  outcome: 'done' | 'skipped' | 'refused'
  detail?: string
}

/**
 * Publish and unpublish at a chosen time. The item's `scheduledPublishAt`/`scheduledUnpublishAt` are the
 * truth; one small record per pending action, in a single `SCHEDULE` partition sorted by time, lets the
 * minute-by-minute runner find what is due with one Query. A record whose item no longer has that time is
 * stale (the editor changed or cancelled it) and is simply removed.
 */
export function createScheduling(
  db: Db,
  options: {
    now: () => string
    getItem: (tenant: string, id: string) => Promise<StoredItem | undefined>
    publish: (tenant: string, id: string, version: number, alsoWrite: TransactItem[]) => Promise<StoredItem>
    withdraw: (tenant: string, id: string, version: number, status: 'unpublished', alsoWrite: TransactItem[]) => Promise<StoredItem>
  },
) {
  const { getItem } = options
  return {
    async schedule(tenant: string, id: string, expectedVersion: number, times: { publishAt?: string; unpublishAt?: string }, by?: string): Promise<StoredItem> {
      const item = await getItem(tenant, id)
      if (!item) throw badRequest(`No item ${id} in ${tenant}.`)
      if (item.version !== expectedVersion) throw new StaleVersionError(item, expectedVersion)
      const now = options.now()
      const publishAt = times.publishAt ? new Date(times.publishAt).toISOString() : undefined
      const unpublishAt = times.unpublishAt ? new Date(times.unpublishAt).toISOString() : undefined
      if (publishAt && publishAt <= now) throw badRequest('publishAt must be in the future. To publish now, use publish.')
      if (unpublishAt && unpublishAt <= now) throw badRequest('unpublishAt must be in the future. To unpublish now, use unpublish.')
      if (publishAt && unpublishAt && unpublishAt <= publishAt) throw badRequest('unpublishAt must come after publishAt.')
      if (publishAt && item.status === 'published') throw badRequest('The item is already published; schedule only its unpublishing, or unpublish it first.')
      if (unpublishAt && !publishAt && item.status !== 'published') throw badRequest('Only a published item (or one scheduled for publishing) can be scheduled for unpublishing.')
      if (publishAt) {
        const problems = publishProblems(editableFields(item))
        if (problems.length) throw badRequest(`Cannot schedule publishing yet: ${problems.map((problem) => problem.message).join(' ')}`)
      }

      const next: StoredItem = {
        ...item,
        status: publishAt ? 'scheduled' : item.status === 'scheduled' ? 'draft' : item.status,
        scheduledPublishAt: publishAt,
        scheduledUnpublishAt: unpublishAt,
        version: item.version + 1,
        updatedAt: now,
        savedBy: by,
      }
      const records = (target: StoredItem) => [
        ...(target.scheduledPublishAt ? [scheduleKey(target.scheduledPublishAt, tenant, id, 'publish')] : []),
        ...(target.scheduledUnpublishAt ? [scheduleKey(target.scheduledUnpublishAt, tenant, id, 'unpublish')] : []),
      ]
      const added = records(next)
      const removed = records(item).filter((key) => !added.some((kept) => kept.SK === key.SK))
      try {
        await db.transact([
          {
            Put: {
              Item: { PK: keys.tenantPk(tenant), SK: keys.itemSk(id), ...next },
              ConditionExpression: 'version = :expected',
              ExpressionAttributeValues: { ':expected': expectedVersion },
            },
          },
          ...added.map((key) => ({ Put: { Item: { ...key, tenant, id } } })),
          ...removed.map((Key) => ({ Delete: { Key } })),
        ])
      } catch (error) {
        if ((error as Error).name !== 'TransactionCanceledException') throw error
        const latest = await getItem(tenant, id)
        throw latest ? new StaleVersionError(latest, expectedVersion) : error
      }
      return next
    },

    /** Carries out everything due by now; each action is one transaction that also removes its record. */
    async runDue(): Promise<ScheduleResult[]> {
      const due = await db.query<{ SK: string; tenant: string; id: string }>({
        partitionKey: { name: 'PK', value: SCHEDULE_PK },
        sortKeyTo: { name: 'SK', value: `${options.now()}~` },
        limit: 100,
      })
      const results: ScheduleResult[] = []
      for (const record of due.items) {
        const [dueAt, , , action] = record.SK.split('#') as [string, string, string, Action]
        const key = scheduleKey(dueAt, record.tenant, record.id, action)
        const result: ScheduleResult = { tenant: record.tenant, id: record.id, action, outcome: 'done' }
        const item = await getItem(record.tenant, record.id)
        const current = action === 'publish' ? item?.scheduledPublishAt : item?.scheduledUnpublishAt
        try {
          if (!item || current !== dueAt) {
            await db.transact([{ Delete: { Key: key } }])
            result.outcome = 'skipped'
          } else if (action === 'publish') {
            const problems = publishProblems(editableFields(item))
            if (problems.length) {
              await db.transact([{ Delete: { Key: key } }])
              Object.assign(result, { outcome: 'refused', detail: problems.map((problem) => problem.message).join(' ') })
            } else await options.publish(record.tenant, record.id, item.version, [{ Delete: { Key: key } }])
          } else await options.withdraw(record.tenant, record.id, item.version, 'unpublished', [{ Delete: { Key: key } }])
        } catch (error) {
          // An editor saved at the same moment: leave the record, the next run tries again.
          Object.assign(result, { outcome: 'skipped', detail: (error as Error).message })
        }
        results.push(result)
      }
      return results
    },
  }
}

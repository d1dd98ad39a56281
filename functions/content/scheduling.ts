import type { Db, TransactItem } from '../shared/db.ts'
import { badRequest, notFound } from '../shared/errors.ts'
import { StaleVersionError } from '../shared/versioned.ts'
import { editableFields } from './editing.ts'
import * as keys from './keys.ts'
import type { ContentChange } from './publishing.ts'
import { publishProblems } from './rules.ts'
import type { StoredItem } from './store.ts'

type Action = 'publish' | 'unpublish'

/** What the editor sees on an item whose scheduled action the scheduler gave up on. */
export interface ScheduleFailure {
  action: Action
  reason: string
  at: string
  attempts: number
}

export interface ScheduleResult {
  tenant: string
  id: string
  action: Action
  /** `retrying`: it failed and will be tried again later; `failed`: it failed too often and the item says why. */
  outcome: 'done' | 'skipped' | 'refused' | 'retrying' | 'failed'
  detail?: string
}

/** Tries per record before the scheduler gives up; between tries it waits 1, 2, 4, 8 minutes. */
export const MAX_SCHEDULE_ATTEMPTS = 5
/** Bounds on one run, so an invocation ends within its minute; whatever is left is due again next minute. */
/** What one run may do: the records a minute's run gets through, and time to spare before the Lambda's timeout. */
export const RUN_LIMITS = { records: 500, millis: 40_000 }

const SCHEDULE_PK = 'SCHEDULE'
const scheduleSk = (dueAt: string, tenant: string, id: string, action: Action) => `${dueAt}#${tenant}#${id}#${action}`

interface ScheduleRecord {
  SK: string
  tenant: string
  id: string
  action?: Action
  /** The time the item holds (its `scheduled*At`); the sort key moves later when a try fails. */
  scheduledAt?: string
  attempts?: number
}

/**
 * Publish and unpublish at a chosen time. The item's `scheduledPublishAt`/`scheduledUnpublishAt` are the
 * truth; one small record per pending action, in a single `SCHEDULE` partition sorted by due time, lets the
 * minute-by-minute runner page through what is due for every tenant. A record whose item no longer has that
 * time is stale (the editor changed or cancelled it) and is simply removed. A record that fails moves later
 * (so it never stands in front of others) and, after MAX_SCHEDULE_ATTEMPTS, is dropped and the item carries
 * `scheduleFailure` with the reason.
 */
export function createScheduling(
  db: Db,
  options: {
    now: () => string
    getItem: (tenant: string, id: string) => Promise<StoredItem | undefined>
    publish: (tenant: string, id: string, version: number, alsoWrite: TransactItem[]) => Promise<ContentChange>
    withdraw: (tenant: string, id: string, version: number, status: 'unpublished', alsoWrite: TransactItem[]) => Promise<ContentChange>
  },
) {
  const { getItem } = options
  const recordsOf = (target: Pick<StoredItem, 'tenant' | 'id' | 'scheduledPublishAt' | 'scheduledUnpublishAt'>) =>
    (
      [
        ['publish', target.scheduledPublishAt],
        ['unpublish', target.scheduledUnpublishAt],
      ] as const
    ).flatMap(([action, at]) => (at ? [{ PK: SCHEDULE_PK, SK: scheduleSk(at, target.tenant, target.id, action), tenant: target.tenant, id: target.id, action, scheduledAt: at }] : []))

  /** Drops the record(s) and tells the editor on the item why the scheduled action did not happen. */
  async function giveUp(item: StoredItem, action: Action, reason: string, attempts: number, record: { PK: string; SK: string }) {
    const failure: ScheduleFailure = { action, reason: reason.slice(0, 1000), at: options.now(), attempts }
    // A publish that never happens leaves no reason to unpublish later either.
    const cleared = action === 'publish' ? { ...item, scheduledPublishAt: undefined, scheduledUnpublishAt: undefined } : { ...item, scheduledUnpublishAt: undefined }
    const dropped = [record, ...recordsOf(item).map(({ PK, SK }) => ({ PK, SK })).filter((key) => key.SK !== record.SK && !recordsOf(cleared).some((kept) => kept.SK === key.SK))]
    const removed = action === 'publish' ? '#publishAt, #unpublishAt' : '#unpublishAt'
    await db.writeVersioned({
      missing: `No item ${item.id} in ${item.tenant}.`,
      current: () => getItem(item.tenant, item.id),
      build: () => ({
        write: {
          Update: {
            Key: { PK: keys.tenantPk(item.tenant), SK: keys.itemSk(item.id) },
            UpdateExpression: `SET #failure = :failure, #version = :next, #updatedAt = :at, #status = :status REMOVE ${removed}`,
            ExpressionAttributeNames: {
              '#failure': 'scheduleFailure',
              '#version': 'version',
              '#updatedAt': 'updatedAt',
              '#status': 'status',
              '#unpublishAt': 'scheduledUnpublishAt',
              ...(action === 'publish' ? { '#publishAt': 'scheduledPublishAt' } : {}),
            },
            ExpressionAttributeValues: {
              ':failure': failure,
              ':next': item.version + 1,
              ':at': failure.at,
              ':status': item.status === 'scheduled' ? 'draft' : item.status,
            },
          },
        },
        expectedVersion: item.version,
        writes: dropped.map((Key) => ({ Delete: { Key } })),
        result: undefined,
      }),
    })
  }

  /** Moves a failed record later (1, 2, 4, 8 minutes), so it is tried again without blocking what is due. */
  async function retryLater(record: ScheduleRecord, action: Action, scheduledAt: string, attempts: number, reason: string) {
    const dueAt = new Date(Date.parse(options.now()) + 60_000 * 2 ** (attempts - 1)).toISOString()
    try {
      await db.transact([
        { Delete: { Key: { PK: SCHEDULE_PK, SK: record.SK }, ConditionExpression: 'attribute_exists(PK)' } },
        { Put: { Item: { PK: SCHEDULE_PK, SK: scheduleSk(dueAt, record.tenant, record.id, action), tenant: record.tenant, id: record.id, action, scheduledAt, attempts, lastError: reason.slice(0, 1000) } } },
      ])
    } catch (error) {
      // The editor rescheduled meanwhile and the record is gone: nothing to move.
      if ((error as Error).name !== 'TransactionCanceledException') throw error
    }
  }

  async function runOne(record: ScheduleRecord): Promise<ScheduleResult> {
    const [dueAt, , , actionInKey] = record.SK.split('#') as [string, string, string, Action]
    const action = record.action ?? actionInKey
    const scheduledAt = record.scheduledAt ?? dueAt
    const attempts = (record.attempts ?? 0) + 1
    const key = { PK: SCHEDULE_PK, SK: record.SK }
    const result: ScheduleResult = { tenant: record.tenant, id: record.id, action, outcome: 'done' }
    const item = await getItem(record.tenant, record.id)
    try {
      const current = action === 'publish' ? item?.scheduledPublishAt : item?.scheduledUnpublishAt
      if (!item || current !== scheduledAt) {
        await db.transact([{ Delete: { Key: key } }])
        return { ...result, outcome: 'skipped' }
      }
      if (action === 'publish') {
        const problems = publishProblems(editableFields(item))
        if (problems.length) {
          // Trying again cannot help: the editor must change the item.
          const reason = `Cannot publish yet: ${problems.map((problem) => problem.message).join(' ')}`
          await giveUp(item, action, reason, attempts, key)
          return { ...result, outcome: 'refused', detail: reason }
        }
      }
      // The publish or withdraw writes the CDN's outbox record in the same transaction as the record's delete.
      if (action === 'publish') await options.publish(record.tenant, record.id, item.version, [{ Delete: { Key: key } }])
      else await options.withdraw(record.tenant, record.id, item.version, 'unpublished', [{ Delete: { Key: key } }])
      return result
    } catch (error) {
      const reason = (error as Error).message || String(error)
      if (item && attempts >= MAX_SCHEDULE_ATTEMPTS) {
        try {
          await giveUp(item, action, reason, attempts, key)
          return { ...result, outcome: 'failed', detail: reason }
        } catch (giveUpError) {
          // An editor saved at this moment: their next save or schedule decides; try again next minute.
          if (!(giveUpError instanceof StaleVersionError)) throw giveUpError
        }
      }
      await retryLater(record, action, scheduledAt, attempts, reason)
      return { ...result, outcome: 'retrying', detail: reason }
    }
  }

  return {
    async schedule(tenant: string, id: string, expectedVersion: number, times: { publishAt?: string; unpublishAt?: string }, by?: string): Promise<StoredItem> {
      const item = await getItem(tenant, id)
      if (!item) throw notFound(`No item ${id} in ${tenant}.`)
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
        // A new plan replaces the one that failed.
        scheduleFailure: undefined,
        version: item.version + 1,
        updatedAt: now,
        savedBy: by,
      }
      const added = recordsOf(next)
      const removed = recordsOf(item).filter((key) => !added.some((kept) => kept.SK === key.SK))
      return db.writeVersioned({
        missing: `No item ${id} in ${tenant}.`,
        current: () => getItem(tenant, id),
        build: () => ({
          write: { Put: { Item: { PK: keys.tenantPk(tenant), SK: keys.itemSk(id), ...next } } },
          expectedVersion,
          writes: [...added.map((Item) => ({ Put: { Item } })), ...removed.map(({ PK, SK }) => ({ Delete: { Key: { PK, SK } } }))],
          result: next,
        }),
      })
    },

    /**
     * Carries out everything due by now, for every tenant, oldest first, paging through all due records within
     * the run's bounds; each action is one transaction that also removes its record.
     */
    async runDue(limits = RUN_LIMITS): Promise<ScheduleResult[]> {
      const started = Date.now()
      const results: ScheduleResult[] = []
      const dueBy = `${options.now()}~`
      let cursor: string | undefined
      do {
        const page = await db.query<ScheduleRecord>({
          partitionKey: { name: 'PK', value: SCHEDULE_PK },
          sortKeyTo: { name: 'SK', value: dueBy },
          limit: 100,
          cursor,
        })
        for (const record of page.items) {
          if (results.length >= limits.records || Date.now() - started > limits.millis) return results
          results.push(await runOne(record))
        }
        cursor = page.nextCursor
      } while (cursor)
      return results
    },
  }
}

import { readFollowers, visibleFollowers } from '../content/followers.ts'
import { itemSk } from '../content/keys.ts'
import type { Services } from '../services.ts'
import type { TransactItem } from '../shared/db.ts'
import * as keys from './keys.ts'
import { changeRecord, documentFields, documentKey, type SearchWriteOptions } from './writes.ts'

export interface RebuildReport {
  written: number
  removed: number
  /** Items a publish changed while the rebuild read them (their own transaction wrote their document), or left as they were (`onlyMissing`). */
  skipped: number
}

/**
 * Recovery (`npm run search:rebuild`): every published item's search document written again from its published
 * snapshot, and documents of items no longer published removed, each with a change-log record so warm search
 * functions follow. Each write checks the item's version unchanged since it was read, so a publish meanwhile is
 * never overwritten with older text. Reads every tenant's items: an operator's command, never a request path.
 */
export async function rebuildSearchDocuments(
  services: Pick<Services, 'db' | 'catalog' | 'content'>,
  options: SearchWriteOptions & {
    /** Write documents only for published items that have none (the local runner's start on older data): no rewrites. */
    onlyMissing?: boolean
  },
): Promise<RebuildReport> {
  const { db, content } = services
  const report: RebuildReport = { written: 0, removed: 0, skipped: 0 }
  const at = () => (options.now?.() ?? new Date()).toISOString()
  const write = async (writes: TransactItem[], item: { tenant: string; id: string; version: number }) => {
    const unchanged: TransactItem = {
      ConditionCheck: { Key: { PK: keys.tenantPk(item.tenant), SK: itemSk(item.id) }, ConditionExpression: '#version = :seen', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':seen': item.version } },
    }
    try {
      await db.transact([unchanged, ...writes, changeRecord(item.tenant, item.id, at())])
      return true
    } catch (error) {
      if ((error as Error).name !== 'TransactionCanceledException') throw error
      report.skipped++
      return false
    }
  }

  for (const tenant of (await services.catalog.get()).allTenants) {
    const documented = new Set((await allDocumentIds(services, tenant.id)))
    let cursor: string | undefined
    do {
      const page = await content.list(tenant.id, { limit: 100, cursor })
      for (const item of page.items) {
        const path = item.publishedPath
        const snapshot = item.status === 'published' && path ? await content.getPublished(item.tenant, path.type, path.slug) : undefined
        if (snapshot && options.onlyMissing && documented.has(item.id)) report.skipped++
        else if (snapshot) {
          const shown = visibleFollowers(item, await readFollowers(db, item, options.nationalTenant), options.nationalTenant)
          const record = { ...documentKey(item), ...(await documentFields(db, options, item, snapshot, shown)) }
          if (await write([{ Put: { Item: record } }], item)) report.written++
        } else if (documented.has(item.id) && (await write([{ Delete: { Key: documentKey(item) } }], item))) report.removed++
        documented.delete(item.id)
      }
      cursor = page.nextCursor
    } while (cursor)
    // Documents whose item is gone altogether.
    for (const id of documented) {
      await db.transact([{ Delete: { Key: documentKey({ tenant: tenant.id, id }) } }, changeRecord(tenant.id, id, at())])
      report.removed++
    }
  }
  return report
}

async function allDocumentIds(services: Pick<Services, 'db'>, tenant: string): Promise<string[]> {
  const ids: string[] = []
  let cursor: string | undefined
  do {
    const page = await services.db.query<{ SK: string }>({ partitionKey: { name: 'PK', value: keys.tenantPk(tenant) }, sortKeyPrefix: { name: 'SK', value: keys.documentPrefix }, limit: 500, cursor })
    ids.push(...page.items.map((record) => record.SK.slice(keys.documentPrefix.length)))
    cursor = page.nextCursor
  } while (cursor)
  return ids
}

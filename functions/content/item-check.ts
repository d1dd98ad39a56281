import type { Db, TransactItem } from '../shared/db.ts'
import { conflict } from '../shared/errors.ts'
import * as keys from './keys.ts'

/**
 * For another capability's transaction that writes records belonging to an item (a course's lessons, its exam): a
 * check that the item is still in the workspace, not in the bin (bin.ts), so nothing is written beside a deleted item
 * without its TTL. Its own module, so the exams function's bundle takes no more of the bin than this.
 */
export const itemStillThere = (tenant: string, id: string): TransactItem => ({
  ConditionCheck: { Key: { PK: keys.tenantPk(tenant), SK: keys.itemSk(id) }, ConditionExpression: 'attribute_exists(PK)' },
})
export const isItemCheck = (write: TransactItem) => 'ConditionCheck' in write && String(write.ConditionCheck.Key?.SK).startsWith(keys.itemSk(''))

/**
 * Throws 409 item_binned when the item is in the bin (bin.ts), so a save that lost to a delete says so rather than
 * 404; resolves undefined otherwise. Here rather than in bin.ts so the content store (and the scheduler) carry only it.
 */
export const binnedRefusal =
  (db: Db) =>
  async (tenant: string, id: string): Promise<undefined> => {
    if (await db.get({ PK: keys.tenantPk(tenant), SK: keys.binSk(id) }, { consistent: true }))
      throw conflict(`Item ${id} was deleted (it is in the bin). Restore it from the bin before changing it.`, 'item_binned')
    return undefined
  }

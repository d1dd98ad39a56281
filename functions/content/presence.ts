import type { Db } from '../shared/db.ts'
import * as keys from './keys.ts'

/**
 * Presence (issue 17, "no lost work"): who else has an item open in the workspace. Personal data kept minimal: the
 * username (to tell editors apart), the display name shown to colleagues, and the time of the last heartbeat. Each
 * record expires by DynamoDB's TTL minutes after the editor's last heartbeat, so closing a tab without a goodbye
 * leaves nothing behind for long.
 */

/** How long after the last heartbeat someone counts as present (the workspace beats every 30 s). */
export const presenceWindowMs = 90_000
/** When DynamoDB may remove the record (TTL deletes lag, so reads also check `at`). */
const presenceTtlSeconds = 5 * 60
/** More editors than this on one item is not a case the notice needs to count exactly. */
const maxPresent = 25

export interface Present {
  username: string
  /**
   * The display name: the route puts the one on record (tenants/sign-ins.ts) over the token's, which Cognito's access
   * tokens lack; null when neither is known (the workspace says «en redaktør»).
   */
  name: string | null
  at: string
}

export function createPresence(db: Db, options: { now?: () => Date } = {}) {
  const now = () => options.now?.() ?? new Date()
  const key = (tenant: string, id: string, username: string) => ({ PK: keys.tenantPk(tenant), SK: keys.presenceSk(id, username) })

  return {
    /** Records the editor's heartbeat and answers the other editors seen in the last 90 s. */
    async heartbeat(tenant: string, id: string, editor: { username: string; name?: string }): Promise<Present[]> {
      const at = now()
      await db.put({
        ...key(tenant, id, editor.username),
        username: editor.username,
        name: editor.name ?? null,
        at: at.toISOString(),
        [keys.ttlAttribute]: Math.floor(at.getTime() / 1000) + presenceTtlSeconds,
      })
      const since = new Date(at.getTime() - presenceWindowMs).toISOString()
      const page = await db.query<Present>({
        partitionKey: { name: 'PK', value: keys.tenantPk(tenant) },
        sortKeyPrefix: { name: 'SK', value: keys.presencePrefix(id) },
        limit: maxPresent,
      })
      return page.items
        .filter((record) => record.username !== editor.username && record.at >= since)
        .map(({ username, name, at: seen }) => ({ username, name: name ?? null, at: seen }))
    },

    /** The editor left the item (best effort: a lost goodbye just waits for the TTL). */
    async leave(tenant: string, id: string, username: string): Promise<void> {
      await db.writeOne({ Delete: { Key: key(tenant, id, username) } })
    },
  }
}
export type PresenceStore = ReturnType<typeof createPresence>

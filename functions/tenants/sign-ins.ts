import type { Db } from '../shared/db.ts'

/**
 * When each editor last signed in, for the admin area's account list (issue 17). Only the username and one time
 * are kept: no IP address, device or history, the least that answers «is this account still in use?».
 */
const SIGN_INS_PK = 'EDITOR_SIGN_INS'
const signInKey = (username: string) => ({ PK: SIGN_INS_PK, SK: `SIGNIN#${username}` })

export function createSignIns(db: Db) {
  return {
    /**
     * Records a sign-in at `at` (the token's auth_time): written only when it is newer than the one stored, so the
     * workspace asking who it is on every load costs one conditional write that fails cheaply after the first.
     */
    async record(username: string, at: string): Promise<void> {
      await db.writeOne({
        Update: {
          Key: signInKey(username),
          UpdateExpression: 'SET lastSignInAt = :at',
          ConditionExpression: 'attribute_not_exists(lastSignInAt) OR lastSignInAt < :at',
          ExpressionAttributeValues: { ':at': at },
        },
      })
    },
    /** Every editor's last sign-in by username: one Query (a few hundred editors at most). */
    async all(): Promise<Map<string, string>> {
      const found = new Map<string, string>()
      let cursor: string | undefined
      do {
        const page = await db.query<{ SK: string; lastSignInAt: string }>({ partitionKey: { name: 'PK', value: SIGN_INS_PK }, limit: 1000, cursor })
        for (const item of page.items) found.set(item.SK.slice('SIGNIN#'.length), item.lastSignInAt)
        cursor = page.nextCursor
      } while (cursor)
      return found
    },
  }
}

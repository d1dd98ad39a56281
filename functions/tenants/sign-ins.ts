import type { Db } from '../shared/db.ts'

/**
 * One small record per editor account (issue 17), all in one partition: when they last signed in (the admin area's
 * «Sist innlogget»), the display name colleagues see them by (history, the conflict view, presence), and whether an
 * admin has deactivated them (the editor API then refuses their tokens). The name is the one the account directory
 * already holds, copied here once per sign-in; nothing else is kept: no IP address, device or history, the least
 * that answers «who saved this?» and «is this account still in use?».
 */
const SIGN_INS_PK = 'EDITOR_SIGN_INS'
const SK_PREFIX = 'SIGNIN#'
const signInKey = (username: string) => ({ PK: SIGN_INS_PK, SK: `${SK_PREFIX}${username}` })

export interface EditorRecord {
  lastSignInAt?: string
  /** The directory's name for the account, as of its last sign-in. */
  displayName?: string
  /** Set while an admin has the account deactivated. */
  deactivatedAt?: string
}

/**
 * How long a Lambda instance trusts what it read: the auth middleware asks on every request, so it is one Query per
 * instance per 30 s, not one read per request. A deactivation is seen at once by the instance that made it and
 * within this time by the others (tokens would otherwise last up to an hour).
 */
export const rosterTtlMs = 30_000
const cache = new WeakMap<Db, { loadedAt: number; roster: Promise<Map<string, EditorRecord>> }>()
/** Usernames are e-mails; Cognito and the local sign-in compare them without case. */
const normal = (username: string) => username.toLowerCase()

export function createSignIns(db: Db, options: { now?: () => number } = {}) {
  const now = () => options.now?.() ?? Date.now()

  /** Every editor's record: one Query (a few hundred editors at most). */
  async function load(): Promise<Map<string, EditorRecord>> {
    const found = new Map<string, EditorRecord>()
    let cursor: string | undefined
    do {
      const page = await db.query<EditorRecord & { SK: string }>({ partitionKey: { name: 'PK', value: SIGN_INS_PK }, limit: 1000, cursor })
      for (const { SK, lastSignInAt, displayName, deactivatedAt } of page.items) {
        const username = normal(SK.slice(SK_PREFIX.length))
        found.set(username, { ...found.get(username), ...(lastSignInAt ? { lastSignInAt } : {}), ...(displayName ? { displayName } : {}), ...(deactivatedAt ? { deactivatedAt } : {}) })
      }
      cursor = page.nextCursor
    } while (cursor)
    return found
  }

  function roster(): Promise<Map<string, EditorRecord>> {
    const cached = cache.get(db)
    if (cached && now() - cached.loadedAt < rosterTtlMs) return cached.roster
    const loading = load()
    cache.set(db, { loadedAt: now(), roster: loading })
    loading.catch(() => cache.delete(db))
    return loading
  }
  const forget = () => cache.delete(db)

  return {
    roster,
    /** True when `at` (the token's auth_time) is newer than the sign-in on record: the first /me of a sign-in. */
    async isNewSignIn(username: string, at: string): Promise<boolean> {
      const known = (await roster()).get(normal(username))?.lastSignInAt
      return !known || known < at
    },
    /**
     * Records a sign-in at `at` with the directory's name for the account: written only when it is newer than the one
     * stored, so a second /me of the same sign-in costs one conditional write that fails cheaply.
     */
    async record(username: string, at: string, displayName?: string): Promise<void> {
      const written = await db.writeOne({
        Update: {
          Key: signInKey(username),
          UpdateExpression: displayName ? 'SET lastSignInAt = :at, displayName = :name' : 'SET lastSignInAt = :at',
          ConditionExpression: 'attribute_not_exists(lastSignInAt) OR lastSignInAt < :at',
          ExpressionAttributeValues: { ':at': at, ...(displayName ? { ':name': displayName } : {}) },
        },
      })
      if (written) forget()
    },
    /** Every editor's last sign-in by username (accounts never seen since sign-ins were recorded are absent). */
    async all(): Promise<Map<string, string>> {
      forget()
      const signIns = new Map<string, string>()
      for (const [username, record] of await roster()) if (record.lastSignInAt) signIns.set(username, record.lastSignInAt)
      return signIns
    },
    /** Looks display names up by username (undefined when none is on record, e.g. no sign-in since names were kept). */
    async namer(): Promise<(username: string | undefined) => string | undefined> {
      const known = await roster()
      return (username) => (username ? known.get(normal(username))?.displayName : undefined)
    },
    async isDeactivated(username: string): Promise<boolean> {
      return Boolean((await roster()).get(normal(username))?.deactivatedAt)
    },
    /** Marks the account deactivated (the API refuses its tokens) or active again. */
    async setDeactivated(username: string, deactivated: boolean): Promise<void> {
      await db.writeOne({
        Update: {
          Key: signInKey(normal(username)),
          ...(deactivated
            ? { UpdateExpression: 'SET deactivatedAt = :at', ExpressionAttributeValues: { ':at': new Date(now()).toISOString() } }
            : { UpdateExpression: 'REMOVE deactivatedAt' }),
        },
      })
      forget()
    },
  }
}
export type SignIns = ReturnType<typeof createSignIns>

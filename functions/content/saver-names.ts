import type { Db } from '../shared/db.ts'
import { StaleVersionError } from '../shared/versioned.ts'
import { createSignIns } from '../tenants/sign-ins.ts'
import type { RevisionSummary } from './editing.ts'

/**
 * Who saved a version, by name (issue 17): items and revisions keep only `savedBy`, the username (an e-mail), and the
 * answers add `savedByName`, looked up when read from the one place editors' names are kept (tenants/sign-ins.ts,
 * cached). Read-time rather than copied into every revision: old versions get names too, a changed name shows
 * everywhere, and no personal data spreads into content records. Absent when no name is known: the workspace then
 * shows the e-mail.
 */
export function saverNames(db: Db) {
  const signIns = createSignIns(db)
  return {
    async revisions(list: RevisionSummary[]): Promise<RevisionSummary[]> {
      const nameOf = await signIns.namer()
      return list.map((revision) => {
        const savedByName = nameOf(revision.savedBy)
        return savedByName ? { ...revision, savedByName } : revision
      })
    },
    /**
     * For `.catch` on a versioned write: a 409 stale_version's `current` (what the conflict view shows) gets the name
     * of whoever saved it. Every other error passes unchanged.
     */
    conflict: async (error: unknown): Promise<never> => {
      if (error instanceof StaleVersionError) {
        const savedByName = (await signIns.namer())(typeof error.current.savedBy === 'string' ? error.current.savedBy : undefined)
        if (savedByName) error.current.savedByName = savedByName
      }
      throw error
    },
  }
}

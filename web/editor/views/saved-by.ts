import type { RevisionSummary } from '../api/types.ts'
import { historyText } from '../text/history.ts'

/**
 * Who saved a version, as the workspace names them (issue 17): «deg» for the signed-in editor, else the name the API
 * found on record (`savedByName`), else the e-mail, the only name older accounts may have until they sign in again.
 */
export function savedByLabel(saved: Pick<RevisionSummary, 'savedBy' | 'savedByName'>, me: { username: string }): string | undefined {
  if (saved.savedBy === undefined) return undefined
  if (saved.savedBy === me.username) return historyText.savedByYou
  return saved.savedByName ?? saved.savedBy
}

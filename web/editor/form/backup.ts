import type { FormState } from './model.ts'

/**
 * Unsaved work is copied to sessionStorage as the editor types, so an expired session, a closed dialog or a
 * reload loses nothing. sessionStorage (not localStorage): the copy stays in this tab and is gone when it
 * closes, so drafts are not left behind on a shared computer.
 */
export interface Backup {
  form: FormState
  /** The item version the changes were made on (undefined for an item not created yet). */
  version?: number
  at: string
}

const keyFor = (tenant: string, itemKey: string) => `kb.editor.backup:${tenant}:${itemKey}`

export function readBackup(tenant: string, itemKey: string): Backup | undefined {
  try {
    const raw = sessionStorage.getItem(keyFor(tenant, itemKey))
    const backup = raw ? (JSON.parse(raw) as Backup) : undefined
    // A copy made by the markup editor before the visual one (blocks, no body) cannot be restored into it.
    return backup?.form?.body ? backup : undefined
  } catch {
    return undefined
  }
}

export function writeBackup(tenant: string, itemKey: string, backup: Backup): void {
  try {
    sessionStorage.setItem(keyFor(tenant, itemKey), JSON.stringify(backup))
  } catch {
    // Storage full or disabled: the editor still works, only without the safety copy.
  }
}

export function clearBackup(tenant: string, itemKey: string): void {
  sessionStorage.removeItem(keyFor(tenant, itemKey))
}

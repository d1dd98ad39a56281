import type { Db } from '../shared/db.ts'
import { ApiError } from '../shared/errors.ts'
import * as keys from './keys.ts'

/**
 * Server autosave (issue 17, "no lost work"): the editor's unsaved form, kept per (item, editor) so work survives a
 * crashed browser or another computer. Not a revision: it never touches the item or its version, so it cannot cause
 * a conflict for anyone. Only the editor who wrote it reads it (the key holds their username). Personal data: the
 * username and the time; DynamoDB's TTL removes an autosave 30 days after it was last written, and a save removes it.
 */

/** The form as JSON, at most: well under DynamoDB's 400 KB item, with room for the record's other attributes. */
export const maxAutosaveBytes = 300 * 1024
const autosaveTtlSeconds = 30 * 24 * 3600

export interface Autosave {
  baseVersion: number
  /** The form as the workspace had it: not validated, since a half-written form may not be valid yet. */
  fields: Record<string, unknown>
  savedAt: string
}

export function createAutosaves(db: Db, options: { now?: () => Date } = {}) {
  const now = () => options.now?.() ?? new Date()
  const key = (tenant: string, id: string, username: string) => ({ PK: keys.tenantPk(tenant), SK: keys.autosaveSk(id, username) })

  return {
    async get(tenant: string, id: string, username: string): Promise<Autosave | undefined> {
      const record = await db.get<Autosave>(key(tenant, id, username), { consistent: true })
      return record ? { baseVersion: record.baseVersion, fields: record.fields, savedAt: record.savedAt } : undefined
    },

    async put(tenant: string, id: string, username: string, autosave: Omit<Autosave, 'savedAt'>): Promise<Autosave> {
      const bytes = new TextEncoder().encode(JSON.stringify(autosave.fields)).length
      if (bytes > maxAutosaveBytes)
        throw new ApiError(
          413,
          `The form is ${Math.ceil(bytes / 1024)} KB, more than the ${maxAutosaveBytes / 1024} KB an autosave holds. Save the item instead (split a very long text into several items).`,
          'payload_too_large',
        )
      const at = now()
      const saved: Autosave = { ...autosave, savedAt: at.toISOString() }
      // One Put replaces the previous autosave whole: nothing is ever half-written.
      await db.put({ ...key(tenant, id, username), ...saved, [keys.ttlAttribute]: Math.floor(at.getTime() / 1000) + autosaveTtlSeconds })
      return saved
    },

    async discard(tenant: string, id: string, username: string): Promise<void> {
      await db.writeOne({ Delete: { Key: key(tenant, id, username) } })
    },
  }
}
export type AutosaveStore = ReturnType<typeof createAutosaves>

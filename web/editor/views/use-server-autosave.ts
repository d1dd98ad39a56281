import { useEffect, useRef, useState } from 'preact/hooks'
import type { ServerAutosave } from '../api/endpoints.ts'
import type { StoredItem } from '../api/types.ts'
import { useWorkspace } from '../context.ts'
import { fingerprint, formFromItem, type FormState } from '../form/model.ts'
import { presenceText } from './presence-text.ts'

/** Unsaved changes go to the server this long after the last one (and at once when the page is left). */
export const autosaveDelayMs = 20_000
/** Below the 64 KB browsers allow a keepalive request, leaving room for the rest of the JSON. */
const keepaliveLimit = 60_000

/** An autosave holds the form as the workspace had it; anything else (an older shape) is not offered. */
const isForm = (fields: Record<string, unknown>): fields is Record<string, unknown> & FormState =>
  typeof fields.fields === 'object' && fields.fields !== null && typeof fields.body === 'object' && fields.body !== null

/**
 * Server autosave of the item editor (issue 17): the editor's unsaved form kept on the server for them alone, so a
 * crash or another computer loses nothing. It is not a save: no version, no conflict for others. On opening an item,
 * an autosave that differs from what loaded is offered («Gjenopprett» / «Forkast»), with a warning when the item has
 * been saved since the autosave's version.
 */
export function useServerAutosave(options: {
  item: StoredItem | undefined
  form: FormState | undefined
  dirty: boolean
  baseVersion: number | undefined
  restore: (form: FormState, version: number) => void
}) {
  const { tenantApi: server, announce } = useWorkspace()
  const [offer, setOffer] = useState<ServerAutosave & FormStateFields>()
  const [savedAt, setSavedAt] = useState<string>()
  const itemId = options.item?.id
  const latest = useRef(options)
  latest.current = options

  // Once per opened item: the editor's own autosave, if it holds work the loaded version does not.
  useEffect(() => {
    const item = latest.current.item
    if (!itemId || !item) return
    server.getAutosave(itemId).then(
      (found) => {
        if (found && isForm(found.fields) && fingerprint(found.fields) !== fingerprint(formFromItem(item))) setOffer(found as ServerAutosave & FormStateFields)
      },
      () => {},
    )
  }, [itemId])

  const send = (event?: Event) => {
    const { item, form, dirty, baseVersion } = latest.current
    if (!item || !form || !dirty || baseVersion === undefined) return
    // As the page goes away, keepalive lets the request finish; browsers allow it for bodies up to 64 KB only.
    const leaving = event?.type === 'pagehide' && JSON.stringify(form).length < keepaliveLimit
    server.autosave(item.id, baseVersion, { ...form }, leaving).then(
      (saved) => setSavedAt(saved.savedAt),
      () => {}, // the local backup still has it; the next change tries again
    )
  }

  // 20 s after the last change; each change restarts the wait. A saved form needs no autosave (the save removed it).
  useEffect(() => {
    if (!options.dirty) return setSavedAt(undefined)
    const timer = setTimeout(() => send(), autosaveDelayMs)
    return () => clearTimeout(timer)
  }, [options.form, options.dirty])

  useEffect(() => {
    addEventListener('pagehide', send)
    return () => removeEventListener('pagehide', send)
  }, [])

  return {
    offer,
    /** The item has been saved (by anyone) since the version the autosave was made on: a save may conflict. */
    outdated: Boolean(offer && options.item && offer.baseVersion < options.item.version),
    /** When the server last took the form (ISO), while there are unsaved changes. */
    savedAt,
    restore: () => {
      if (!offer) return
      options.restore({ fields: offer.fields.fields, body: offer.fields.body }, offer.baseVersion)
      setOffer(undefined)
      announce(presenceText.restored)
    },
    discard: () => {
      if (!itemId) return
      setOffer(undefined)
      server.discardAutosave(itemId).catch(() => {})
      announce(presenceText.discarded)
    },
  }
}
type FormStateFields = { fields: FormState & Record<string, unknown> }
export type ServerAutosaveState = ReturnType<typeof useServerAutosave>

import type { ComponentChildren } from 'preact'
import type { OtherEditor } from '../api/endpoints.ts'
import { formatClock, formatDateTime } from '../text/format.ts'
import { presenceText } from './presence-text.ts'
import type { ServerAutosaveState } from './use-server-autosave.ts'

/**
 * «Ola Haugen har også dette innholdet åpent.» at the top of the form while someone else has the item open. Polite:
 * the hook reads it out once through the workspace's live region, so this is plain text, not a second live region.
 */
export function PresenceNotice({ others }: { others: OtherEditor[] }) {
  if (!others.length) return null
  return (
    <div class="notice notice-upcoming presence-notice">
      <p>{presenceText.othersHere(others)}</p>
    </div>
  )
}

/**
 * Work kept outside the form (this browser's backup, the server's autosave) offered back: restore it for review, or
 * throw it away. An alert, since it asks for a decision before the editor goes on.
 */
export function RestoreOffer(props: { children: ComponentChildren; restore: string; discard: string; onRestore: () => void; onDiscard: () => void }) {
  return (
    <div class="notice notice-warning" role="alert">
      {props.children}
      <div class="button-row">
        <button type="button" class="button button-primary" onClick={props.onRestore}>
          {props.restore}
        </button>
        <button type="button" class="button" onClick={props.onDiscard}>
          {props.discard}
        </button>
      </div>
    </div>
  )
}

/** The editor's own server autosave, offered when they open the item. */
export function AutosaveOffer({ autosave }: { autosave: ServerAutosaveState }) {
  if (!autosave.offer) return null
  return (
    <RestoreOffer restore={presenceText.restore} discard={presenceText.discard} onRestore={autosave.restore} onDiscard={autosave.discard}>
      <p>{presenceText.autosaveFound(formatDateTime(autosave.offer.savedAt))}</p>
      {autosave.outdated && <p>{presenceText.autosaveOutdated}</p>}
    </RestoreOffer>
  )
}

/** «Automatisk lagret kl. 14:03» beside the save button, while there are unsaved changes the server has kept. */
export function AutosaveStatus({ savedAt }: { savedAt: string | undefined }) {
  return savedAt ? <span class="save-state">{presenceText.savedAt(formatClock(new Date(savedAt)))}</span> : null
}

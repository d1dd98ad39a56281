import { mineText } from '../pages/mine-text.ts'

/** What "Lagre for bruk uten nett" keeps: the saved entry's key (its page), title and every page it takes along. */
export interface OfflineSave {
  path: string
  title: string
  pages: string[]
  label: string
  /** The status once saved, `{size}` where the size goes. */
  savedLabel: string
}

export const offlineSave = (path: string, title: string): OfflineSave => ({ path, title, pages: [path], label: mineText.saveOffline, savedLabel: mineText.saved })
export const offlineCourseSave = (path: string, title: string, pages: string[]): OfflineSave => ({ path, title, pages, label: mineText.saveCourse, savedLabel: mineText.savedCourse })

/**
 * "Legg til i favoritter" and "Lagre for bruk uten nett" on an item's page (issue 14). Both live in the browser only,
 * so without JavaScript they stay hidden (/mine says why): web/islands/favourites-button.ts shows the favourite
 * toggle, web/islands/offline-save.ts the save buttons, both announcing what happened in the one status line.
 */
export function ReaderActions(props: { favourite?: { path: string; title: string }; saves?: OfflineSave[] }) {
  const { favourite, saves = [] } = props
  return (
    <div
      class="reader-actions"
      data-added={mineText.favouriteAdded}
      data-removed={mineText.favouriteRemoved}
      data-not-kept={mineText.favouriteNotKept}
      data-saving={mineText.saving}
      data-failed={mineText.saveFailed}
      data-remove-saved={mineText.removeSaved}
      data-removed-saved={mineText.removedSavedCopy}
    >
      {favourite && (
        <button type="button" class="toggle" data-favourite={favourite.path} data-title={favourite.title} aria-pressed="false" hidden>
          <span aria-hidden="true" class="toggle-mark" /> {mineText.addFavourite}
        </button>
      )}
      {saves.map((save) => (
        <button type="button" class="toggle" data-save={save.path} data-title={save.title} data-pages={save.pages.join(' ')} data-label={save.label} data-saved={save.savedLabel} hidden>
          {save.label}
        </button>
      ))}
      <p role="status" class="reader-status" />
    </div>
  )
}

import { useEffect, useRef, useState } from 'preact/hooks'
import type { Media } from '../api/types.ts'
import { useConfirm } from '../components/confirm-dialog.tsx'
import { useWorkspace } from '../context.ts'
import { deleteFiles, type DeleteResult } from './delete.ts'
import { libraryText } from './library-text.ts'
import type { MediaPages, Selection } from './media-list.tsx'

/** Ticked files; another search mounts the view afresh, so they are forgotten with the listing they were in. */
export function useSelection(): Selection & { clear: (keep?: string[]) => void } {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  return {
    selected,
    toggle: (id, on) =>
      setSelected((current) => {
        const next = new Set(current)
        if (on) next.add(id)
        else next.delete(id)
        return next
      }),
    clear: (keep = []) => setSelected(new Set(keep)),
  }
}

/**
 * «Velg alle synlige» and «Slett valgte» above the files, and what a bulk delete did: the files deleted by name,
 * and each kept file with why (used by which items, by title). Focus goes to that result, which stays on the
 * page, rather than to the body as the deleted cards' checkboxes vanish (WCAG 2.4.3).
 */
export function BulkDelete({ pages, selection }: { pages: MediaPages; selection: ReturnType<typeof useSelection> }) {
  const { tenantApi, announce } = useWorkspace()
  const confirmation = useConfirm()
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<DeleteResult>()
  const all = useRef<HTMLInputElement>(null)
  const resultHeading = useRef<HTMLHeadingElement>(null)
  const visible = pages.items ?? []
  const chosen = visible.filter((media) => selection.selected.has(media.id))
  const allChosen = visible.length > 0 && chosen.length === visible.length
  useEffect(() => {
    if (all.current) all.current.indeterminate = chosen.length > 0 && !allChosen
  })
  useEffect(() => {
    if (result) resultHeading.current?.focus()
  }, [result])

  const removeChosen = async () => {
    if (busy || !chosen.length || !(await confirmation.ask(libraryText.confirmDeleteSelected(chosen.length)))) return
    setBusy(true)
    const done = await deleteFiles(tenantApi, chosen)
    setBusy(false)
    pages.remove(done.deleted.map((media) => media.id))
    // What could not be deleted stays ticked, so the editor sees which files they were.
    selection.clear(done.kept.map(({ media }) => media.id))
    announce(libraryText.bulkAnnounce(done.deleted.length, done.kept.length))
    setResult(done)
  }

  if (!visible.length && !result) return null
  return (
    <>
      {visible.length > 0 && (
        <div class="button-row">
          <label>
            <input
              ref={all}
              type="checkbox"
              checked={allChosen}
              onChange={(event) => selection.clear((event.currentTarget as HTMLInputElement).checked ? visible.map((media) => media.id) : [])}
            />{' '}
            {libraryText.selectAllVisible}
          </label>
          <span class="muted">{libraryText.selectedCount(chosen.length)}</span>
          {/* Never disabled: a disabled button under focus drops focus to the body. */}
          <button type="button" class="button button-danger" aria-disabled={busy || !chosen.length} onClick={() => void removeChosen()}>
            {busy ? libraryText.deleting : libraryText.deleteSelected}
          </button>
        </div>
      )}
      {result && (
        <section class={`notice ${result.kept.length ? 'notice-warning' : 'notice-success'}`} aria-labelledby="bulk-result-title">
          <h3 id="bulk-result-title" tabIndex={-1} ref={resultHeading}>
            {libraryText.resultTitle}
          </h3>
          <p>{result.deleted.length ? libraryText.deletedSome(result.deleted.length) : libraryText.deletedNone}</p>
          {result.deleted.length > 0 && <NameList files={result.deleted.map((media) => ({ media }))} />}
          {result.kept.length > 0 && (
            <>
              <p>{libraryText.keptSome(result.kept.length)}</p>
              <NameList files={result.kept} />
            </>
          )}
        </section>
      )}
      {confirmation.dialog}
    </>
  )
}

function NameList({ files }: { files: Array<{ media: Media; reason?: string }> }) {
  return (
    <ul>
      {files.map(({ media, reason }) => (
        <li key={media.id}>{reason ?? media.title ?? media.filename}</li>
      ))}
    </ul>
  )
}

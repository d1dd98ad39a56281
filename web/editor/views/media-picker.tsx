import { useEffect, useRef, useState } from 'preact/hooks'
import type { Media, MediaKind } from '../api/types.ts'
import { MediaList, useMediaPages } from '../media/media-list.tsx'
import { Uploader } from '../media/uploader.tsx'
import { t } from '../text.ts'

/** Choose a file of one kind from the library (or upload one) without leaving the item: a modal dialog. */
export function MediaPicker({ kind, onPick, onClose }: { kind: MediaKind; onPick: (media: Media) => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const pages = useMediaPages({ kind })
  useEffect(() => {
    // Focus goes back to the button that opened the dialog, however it closes.
    const opener = document.activeElement as HTMLElement | null
    dialog.current?.showModal()
    return () => opener?.focus()
  }, [])
  return (
    <dialog ref={dialog} class="media-dialog" aria-labelledby="picker-title" onClose={onClose}>
      <div class="dialog-head">
        <h2 id="picker-title">{t.pickerTitle(t.kindText[kind] ?? kind)}</h2>
        <button type="button" class="button" onClick={() => dialog.current?.close()}>
          {t.close}
        </button>
      </div>
      <Uploader kind={kind} onUploaded={pages.add} />
      <MediaList pages={pages} onPick={onPick} />
    </dialog>
  )
}

/**
 * The picker as a view opens it: `pick(kind, onPicked)` from any field, and the dialog to render (or nothing) while one
 * is open. The item editor and the course builder share it.
 */
export function useMediaPicker() {
  const [picker, setPicker] = useState<{ kind: MediaKind; onPicked: (media: Media) => void }>()
  const pick = (kind: MediaKind, onPicked: (media: Media) => void) => setPicker({ kind, onPicked })
  const dialog = picker && (
    <MediaPicker
      kind={picker.kind}
      onPick={(media) => {
        picker.onPicked(media)
        setPicker(undefined)
      }}
      onClose={() => setPicker(undefined)}
    />
  )
  return { pick, dialog }
}

import { useEffect, useRef } from 'preact/hooks'
import { t } from '../text.ts'

/**
 * The reader page for the working copy, rendered by the server exactly as readers will get it, shown in a
 * sandboxed srcdoc frame inside a modal dialog (which traps focus and closes on Escape). Links in the page
 * open in a new tab: the reader site itself refuses to be framed.
 */
export function PreviewDialog({ html, title, onClose }: { html: string; title: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    // Focus goes back to the button that opened the dialog, however it closes.
    const opener = document.activeElement as HTMLElement | null
    dialog.current?.showModal()
    return () => opener?.focus()
  }, [])
  const page = html.replace(/<head>/i, '<head><base target="_blank">')
  return (
    <dialog ref={dialog} class="preview-dialog" aria-labelledby="preview-title" onClose={onClose}>
      <div class="dialog-head">
        <h2 id="preview-title">{t.previewTitle(title)}</h2>
        <button type="button" class="button" onClick={() => dialog.current?.close()}>
          {t.close}
        </button>
      </div>
      <p class="hint">{t.previewNote}</p>
      <iframe
        class="preview-frame"
        title={t.previewTitle(title)}
        srcdoc={page}
        sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
        // Keys pressed inside the frame go to its own document, so Escape there never reached the dialog (issue 17).
        // The frame is same-origin (srcdoc with allow-same-origin, no scripts of its own): the workspace listens there.
        onLoad={(event) =>
          (event.currentTarget as HTMLIFrameElement).contentWindow?.addEventListener('keydown', (key) => {
            if (key.key === 'Escape') dialog.current?.close()
          })
        }
      />
    </dialog>
  )
}

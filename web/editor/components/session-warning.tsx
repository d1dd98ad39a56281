import { useEffect, useRef, useState } from 'preact/hooks'
import { minutesLeft } from '../auth/session-timer.ts'
import { t } from '../text.ts'

/**
 * Two minutes before the session ends (WCAG 2.2.1, issue 17): a modal alert dialog that says so and offers «Forleng»,
 * which takes focus. Closing it (or Escape) leaves the session to end; focus goes back to where the editor was.
 */
export function SessionWarning({ expiresAt, onExtend }: { expiresAt: number; onExtend: () => Promise<void> }) {
  const ref = useRef<HTMLDialogElement>(null)
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)
  const [closed, setClosed] = useState(false)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog || closed) return
    const opener = document.activeElement as HTMLElement | null
    dialog.showModal()
    dialog.querySelector<HTMLElement>('[data-extend]')?.focus()
    return () => {
      if (dialog.open) dialog.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [closed])
  if (closed) return null
  const extend = async () => {
    setBusy(true)
    try {
      await onExtend()
    } catch {
      setFailed(true)
      setBusy(false)
    }
  }
  return (
    <dialog ref={ref} class="confirm-dialog" role="alertdialog" aria-labelledby="session-title" aria-describedby="session-text" onClose={() => setClosed(true)}>
      <h2 id="session-title">{t.sessionEndsIn(minutesLeft(expiresAt, Date.now()))}</h2>
      <p id="session-text">{failed ? t.sessionExtendFailed : t.sessionEndsText}</p>
      <div class="button-row">
        <button type="button" class="button button-primary" data-extend disabled={busy} onClick={() => void extend()}>
          {t.sessionExtend}
        </button>
        <button type="button" class="button" onClick={() => ref.current?.close()}>
          {t.close}
        </button>
      </div>
    </dialog>
  )
}

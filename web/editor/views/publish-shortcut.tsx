import { useEffect } from 'preact/hooks'
import { t } from '../text.ts'

/** The publishing panel's heading (views/publish-panel.tsx): focusable by script, named by it. */
export const publishingHeadingId = 'publishing-title'

/** Alt+Shift+P: ARIA's notation, announced by the skip link and the panel (aria-keyshortcuts). */
export const publishShortcut = 'Alt+Shift+P'

/** Moves focus to the publishing panel's heading, where Tab reaches «Publiser nå» next. */
export function goToPublishing(): void {
  const heading = document.getElementById(publishingHeadingId)
  heading?.focus()
  heading?.scrollIntoView({ block: 'start' })
}

/** Alt+Shift+P by the key's place, not its character: on a Mac Alt+Shift+P types «∏». */
export const isPublishShortcut = (event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>) =>
  event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyP'

/**
 * «Publiser nå» sat ~130 Tab stops into the item editor (issue 17, ATAG A.3.1): a skip link at the top of the editor
 * and a keyboard shortcut take the editor to the publishing panel. The link handles its own click, since following
 * `#publishing-title` would change the address and ask the leave guard.
 */
export function PublishingSkipLink() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isPublishShortcut(event)) return
      event.preventDefault()
      goToPublishing()
    }
    addEventListener('keydown', onKey)
    return () => removeEventListener('keydown', onKey)
  }, [])
  return (
    <a
      class="skip-link"
      href={`#${publishingHeadingId}`}
      aria-keyshortcuts={publishShortcut}
      onClick={(event) => {
        event.preventDefault()
        goToPublishing()
      }}
    >
      {t.skipToPublishing}
    </a>
  )
}

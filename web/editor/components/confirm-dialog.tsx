import type { ComponentChildren } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { t } from '../text.ts'

/** What the workspace asks before an action that readers would notice or that cannot be undone. */
export interface Question {
  title: string
  text: string
  /** The button that goes ahead: names the action ("Avpubliser"), never just "OK". */
  confirm: string
  danger?: boolean
}

type Modal = Pick<HTMLDialogElement, 'showModal' | 'querySelector'>
type Focusable = Pick<HTMLElement, 'focus'> & { isConnected: boolean }

/**
 * Opens the dialog modally (the browser keeps focus inside and makes the rest inert) and moves focus to the
 * safe choice, "Avbryt"; answers how to give focus back to what had it, the button that asked, if it is still
 * on the page (WCAG 2.4.3, the APG's dialog pattern).
 */
export function openModal(dialog: Modal, opener: Focusable | null): () => void {
  dialog.showModal()
  dialog.querySelector<HTMLElement>('[data-cancel]')?.focus()
  return () => {
    if (opener?.isConnected) opener.focus()
  }
}

/**
 * A modal <dialog>'s life as every workspace dialog has it: opened modally on mount (openModal; `onOpen` may then
 * move focus further), answered once, and Escape (the cancel event) or a close is the `cancelled` answer. Chrome
 * may close a dialog on Escape without a cancel event it lets us stop (its close-watcher rules), hence both.
 * Spread `dialogProps` onto the <dialog>.
 */
export function useModalAnswer<T>(onDone: (value: T) => void, cancelled: NoInfer<T>, onOpen?: (dialog: HTMLDialogElement) => void) {
  const ref = useRef<HTMLDialogElement>(null)
  const done = useRef(false)
  const answer = (value: T) => {
    if (done.current) return
    done.current = true
    onDone(value)
  }
  useEffect(() => {
    if (!ref.current) return
    const restore = openModal(ref.current, document.activeElement as HTMLElement | null)
    onOpen?.(ref.current)
    return restore
  }, [])
  const dialogProps = {
    ref,
    onCancel: (event: Event) => {
      event.preventDefault()
      answer(cancelled)
    },
    onClose: () => answer(cancelled),
  }
  return { answer, dialogProps }
}

/**
 * An accessible confirmation in place of the browser's confirm() (issue 17): a <dialog> named by its heading
 * and described by its text; Escape or a close is "Avbryt" (useModalAnswer), and the editor answers once.
 */
export function ConfirmDialog({ question, onAnswer, children }: { question: Question; onAnswer: (yes: boolean) => void; children?: ComponentChildren }) {
  const { answer, dialogProps } = useModalAnswer(onAnswer, false)
  return (
    <dialog {...dialogProps} class="confirm-dialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">
      <h2 id="confirm-title">{question.title}</h2>
      <p id="confirm-text">{question.text}</p>
      {/* A choice that belongs to the answer (the topic a retired one redirects to, views/admin/retire-dialog.tsx). */}
      {children}
      <div class="button-row">
        <button type="button" class={`button ${question.danger ? 'button-danger' : 'button-primary'}`} onClick={() => answer(true)}>
          {question.confirm}
        </button>
        <button type="button" class="button" data-cancel onClick={() => answer(false)}>
          {t.cancel}
        </button>
      </div>
    </dialog>
  )
}

/** `ask(question)` resolves true or false once the editor answers; render `dialog` where the view renders. */
export function useConfirm() {
  const [asking, setAsking] = useState<{ question: Question; resolve: (yes: boolean) => void }>()
  const ask = (question: Question) => new Promise<boolean>((resolve) => setAsking({ question, resolve }))
  const dialog = asking ? (
    <ConfirmDialog
      question={asking.question}
      onAnswer={(yes) => {
        setAsking(undefined)
        asking.resolve(yes)
      }}
    />
  ) : null
  return { ask, dialog }
}

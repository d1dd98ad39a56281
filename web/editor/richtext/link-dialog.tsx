import { useState } from 'preact/hooks'
import { useModalAnswer } from '../components/confirm-dialog.tsx'
import { TextField } from '../components/fields.tsx'
import { blockText, t } from '../text.ts'
import { isSafeHref } from './schema.ts'

export interface LinkAnswer {
  href: string
  /** Only asked for when nothing was selected: the text the link is put on. */
  text?: string
}

interface Props {
  /** The address of the link being edited, or '' for a new one. */
  href: string
  /** Whether the link needs its own text (nothing was selected). */
  askText: boolean
  onDone: (answer: LinkAnswer | 'remove' | undefined) => void
}

/**
 * Ctrl+K or «Lenke»: a modal <dialog> like ConfirmDialog (named by its heading, Escape cancels, focus goes
 * back to what opened it), asking for the address. An address the stored document would refuse (javascript:,
 * data:, a bare word) is refused here, with the reason, before it reaches the text.
 */
export function LinkDialog({ href: initial, askText, onDone }: Props) {
  const [href, setHref] = useState(initial || 'https://')
  const [text, setText] = useState('')
  const [errors, setErrors] = useState<{ href?: string; text?: string }>({})
  const { answer, dialogProps } = useModalAnswer(onDone, undefined, (dialog) => dialog.querySelector<HTMLInputElement>('#f-link-href')?.select())
  const ref = dialogProps.ref

  const submit = () => {
    const next = { href: isSafeHref(href) ? undefined : blockText.linkUnsafe, text: askText && !text.trim() ? blockText.linkTextMissing : undefined }
    setErrors(next)
    if (next.href || next.text) {
      ref.current?.querySelector<HTMLInputElement>(next.href ? '#f-link-href' : '#f-link-text')?.focus()
      return
    }
    answer({ href: href.trim(), ...(askText ? { text: text.trim() } : {}) })
  }
  // The dialog sits inside the item's form: Enter here adds the link instead of saving the item.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return
    event.preventDefault()
    submit()
  }

  return (
    <dialog {...dialogProps} class="confirm-dialog link-dialog" aria-labelledby="link-title" onKeyDown={onKeyDown}>
      <h2 id="link-title">{blockText.linkTitle}</h2>
      <TextField path="link.href" label={blockText.linkHref} hint={blockText.linkHrefHint} inputMode="url" value={href} error={errors.href} onValue={setHref} required />
      {askText && <TextField path="link.text" label={blockText.linkText} value={text} error={errors.text} onValue={setText} required />}
      <div class="button-row">
        <button type="button" class="button button-primary" onClick={submit}>
          {blockText.linkSave}
        </button>
        {initial && (
          <button type="button" class="button" onClick={() => answer('remove')}>
            {blockText.linkRemove}
          </button>
        )}
        <button type="button" class="button" data-cancel onClick={() => answer(undefined)}>
          {t.cancel}
        </button>
      </div>
    </dialog>
  )
}

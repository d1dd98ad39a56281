import { useState } from 'preact/hooks'
import { useModalAnswer } from '../components/confirm-dialog.tsx'
import { TextField } from '../components/fields.tsx'
import { embedText, t } from '../text.ts'
import { matching, type EmbedChoice } from './embeddable.ts'

interface Props {
  /** Loads what may be embedded (embeddable.ts, or a stub in tests). */
  load: () => Promise<EmbedChoice[]>
  onDone: (choice: EmbedChoice | undefined) => void
}

/**
 * «Sett inn film eller podkast»: a modal <dialog> like LinkDialog (named by its heading, Escape cancels, focus
 * goes back to the caret in the body), with a title search over the published films and episodes and one button
 * per choice. The number of matches is a status message, so a screen reader hears the list narrow.
 */
export function EmbedDialog({ load, onDone }: Props) {
  const [choices, setChoices] = useState<EmbedChoice[]>()
  const [failed, setFailed] = useState(false)
  const [query, setQuery] = useState('')
  const { answer, dialogProps } = useModalAnswer(onDone, undefined, (dialog) => {
    dialog.querySelector<HTMLInputElement>('#f-embed-search')?.focus()
    load().then(setChoices, () => setFailed(true))
  })

  const shown = choices && matching(choices, query)
  // The dialog sits inside the item's form: Enter in the search field must not save the item.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault()
  }

  return (
    <dialog {...dialogProps} class="confirm-dialog embed-dialog" aria-labelledby="embed-title" aria-describedby="embed-intro" onKeyDown={onKeyDown}>
      <h2 id="embed-title">{embedText.title}</h2>
      <p id="embed-intro">{embedText.intro}</p>
      <TextField path="embed.search" type="search" label={embedText.search} value={query} onValue={setQuery} />
      <p role="status" class="hint">
        {failed ? embedText.failed : !shown ? embedText.loading : shown.length ? embedText.count(shown.length) : query.trim() ? embedText.noMatch(query.trim()) : embedText.none}
      </p>
      {shown && shown.length > 0 && (
        <ul class="embed-choices">
          {shown.map((choice) => (
            <li key={`${choice.block.item.tenant}/${choice.block.item.id}/${choice.block.episode ?? ''}`}>
              <button type="button" class="button-small" onClick={() => answer(choice)}>
                {embedText.choose}
                <span class="visually-hidden">: </span> <strong>{choice.block.facts.title}</strong>{' '}
                <span class="embed-choice-kind">
                  ({choice.block.episode ? embedText.episode : embedText.film}
                  {choice.from ? `, ${embedText.from(choice.from)}` : ''})
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="button-row">
        <button type="button" class="button" data-cancel onClick={() => answer(undefined)}>
          {t.cancel}
        </button>
      </div>
    </dialog>
  )
}

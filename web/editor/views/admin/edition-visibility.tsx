import type { Question } from '../../components/confirm-dialog.tsx'
import { adminText as t } from './admin-text.ts'

/** What the admin is asked before readers start or stop seeing an edition: both are things readers notice. */
export const visibilityQuestion = (name: string, visible: boolean): Question =>
  visible ? { title: t.showTitle(name), text: t.showText, confirm: t.show } : { title: t.hideTitle(name), text: t.hideText, confirm: t.hide, danger: true }

/**
 * An existing edition's «Skjult for lesere» / «Synlig for lesere» (issue 17), with the action that changes it. Apart
 * from the form: visibility is not saved with the fields, it changes at once (and empties the CDN) once confirmed.
 */
export function EditionVisibility(props: { hidden: boolean; national: boolean; busy?: boolean; onChange?: (visible: boolean) => void }) {
  const { hidden } = props
  return (
    <section class="edition-visibility" aria-labelledby="visibility-title">
      <h2 id="visibility-title">{t.visibilityTitle}</h2>
      <p>
        <strong>{hidden ? t.hiddenState : t.liveState}</strong>. {hidden ? t.hiddenExplained : t.liveExplained}
      </p>
      {props.national && !hidden ? (
        <p class="hint">{t.nationalAlwaysLive}</p>
      ) : (
        <p>
          <button type="button" class={`button ${hidden ? 'button-primary' : 'button-danger'}`} disabled={props.busy} onClick={() => props.onChange?.(hidden)}>
            {hidden ? t.show : t.hide}
          </button>
        </p>
      )}
    </section>
  )
}

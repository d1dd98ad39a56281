import { useEffect, useRef } from 'preact/hooks'
import type { RevisionSummary, StoredItem } from '../api/types.ts'
import { ComparisonTable, compareFields } from '../components/field-comparison.tsx'
import { useWorkspace } from '../context.ts'
import { formFromItem, toInput, type FormState } from '../form/model.ts'
import { formatOslo } from '../form/time.ts'
import { t } from '../text.ts'
import { savedByLabel } from './saved-by.ts'

interface ConflictProps {
  mine: FormState
  /** The stored item from the 409, with the saver's name when the API knows it. */
  current: StoredItem & Pick<RevisionSummary, 'savedByName'>
  busy: boolean
  onKeepMine: () => void
  onDiscardMine: () => void
}

/**
 * A stale save: the editor's version and the stored one side by side, differences marked in words. Either
 * choice is explicit; until one is made, the editor's work stays in the form (and in the tab's backup).
 */
export function ConflictView(props: ConflictProps) {
  const { me } = useWorkspace()
  // The newer save may be the editor's own, from another tab or window: they are told so, not that someone else did it.
  const savedByMe = props.current.savedBy !== undefined && props.current.savedBy === me.username
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const mine = toInput(props.mine)
  const theirs = toInput(formFromItem(props.current))
  const { changed, same } = compareFields(mine, theirs)
  const table = (rows: string[]) => (
    <ComparisonTable
      rows={rows}
      left={{ heading: t.conflictMine, fields: mine }}
      right={{ heading: t.conflictTheirs(props.current.version, savedByLabel(props.current, me)), fields: theirs }}
    />
  )

  return (
    <section class="conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title" tabIndex={-1} ref={heading}>
        {savedByMe ? t.conflictTitleSelf : t.conflictTitle}
      </h2>
      <p>{t.conflictIntro}</p>
      {props.current.updatedAt && <p class="muted">{t.conflictSavedAt(formatOslo(props.current.updatedAt))}</p>}
      <div class="button-row">
        <button type="button" class="button button-primary" disabled={props.busy} onClick={props.onKeepMine}>
          {t.conflictKeepMine}
        </button>
        <button type="button" class="button" disabled={props.busy} onClick={props.onDiscardMine}>
          {t.conflictDiscardMine}
        </button>
      </div>
      {changed.length > 0 ? table(changed) : <p>{t.conflictNoFieldDiffers}</p>}
      {same.length > 0 && (
        <details>
          <summary>{t.conflictSame(same.length)}</summary>
          {table(same)}
        </details>
      )}
    </section>
  )
}

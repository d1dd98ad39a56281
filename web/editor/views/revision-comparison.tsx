import { useRef, useState } from 'preact/hooks'
import type { RevisionSummary, StoredItem } from '../api/types.ts'
import { describeError } from '../components/common.tsx'
import { ComparisonTable, compareFields } from '../components/field-comparison.tsx'
import { useWorkspace } from '../context.ts'
import { formFromItem, toInput } from '../form/model.ts'
import { formatOslo } from '../form/time.ts'
import { historyText } from '../text/history.ts'
import { savedByLabel } from './saved-by.ts'

interface Props {
  id: string
  /** Newest first, as the history lists them. */
  revisions: RevisionSummary[]
  current: number
}

/**
 * Two versions of an item side by side, as WordPress's revision compare shows them: every field that differs, what
 * went struck through on the earlier side and what came underlined on the later, the rest folded away. Plain GETs of
 * stored revisions: nothing is changed until the editor restores one.
 */
export function RevisionComparison({ id, revisions, current }: Props) {
  const { tenantApi, announce, me } = useWorkspace()
  const [from, setFrom] = useState(revisions[1]?.revision ?? current)
  const [to, setTo] = useState(current)
  const [shown, setShown] = useState<{ before: StoredItem; after: StoredItem }>()
  const [problem, setProblem] = useState<string>()
  const [busy, setBusy] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)

  const compare = async (event: Event) => {
    event.preventDefault()
    if (from === to) return setProblem(historyText.compareSameVersion)
    setProblem(undefined)
    setBusy(true)
    try {
      // The earlier version on the left, whichever way round they were chosen.
      const [before, after] = await Promise.all([tenantApi.revision(id, Math.min(from, to)), tenantApi.revision(id, Math.max(from, to))])
      setShown({ before, after })
      const { changed } = compareFields(toInput(formFromItem(before)), toInput(formFromItem(after)))
      announce(historyText.comparisonReady(before.version, after.version, changed.length))
      requestAnimationFrame(() => heading.current?.focus())
    } catch (caught) {
      setProblem(describeError(caught))
    } finally {
      setBusy(false)
    }
  }

  const option = (revision: RevisionSummary) => (
    <option value={revision.revision}>
      {revision.revision} – {formatOslo(revision.savedAt)}
      {revision.title ? ` – ${revision.title}` : ''}
    </option>
  )
  const select = (label: string, value: number, onValue: (next: number) => void, name: string) => (
    <div class="field">
      <label for={`compare-${name}`}>{label}</label>
      <select id={`compare-${name}`} value={value} onChange={(event) => onValue(Number(event.currentTarget.value))} aria-describedby={problem ? 'compare-problem' : undefined}>
        {revisions.map(option)}
      </select>
    </div>
  )

  const summaryOf = (item: StoredItem) => revisions.find((revision) => revision.revision === item.version)
  const columnHeading = (item: StoredItem) => {
    const summary = summaryOf(item)
    return historyText.versionColumn(item.version, formatOslo(summary?.savedAt ?? item.updatedAt ?? ''), summary && savedByLabel(summary, me))
  }
  const comparison = shown && (() => {
    const before = toInput(formFromItem(shown.before))
    const after = toInput(formFromItem(shown.after))
    const { changed, same } = compareFields(before, after)
    const table = (rows: string[]) => (
      <ComparisonTable rows={rows} marks changedTag={historyText.changed} left={{ heading: columnHeading(shown.before), fields: before }} right={{ heading: columnHeading(shown.after), fields: after }} />
    )
    return (
      <section class="panel comparison" aria-labelledby="comparison-title">
        <h2 id="comparison-title" tabIndex={-1} ref={heading}>
          {historyText.comparisonTitle(shown.before.version, shown.after.version)}
        </h2>
        {changed.length > 0 ? (
          <>
            <p>{historyText.comparisonIntro}</p>
            {table(changed)}
          </>
        ) : (
          <p>{historyText.noChanges}</p>
        )}
        {same.length > 0 && (
          <details>
            <summary>{historyText.unchangedFields(same.length)}</summary>
            {table(same)}
          </details>
        )}
      </section>
    )
  })()

  return (
    <>
      <form class="panel compare-form" onSubmit={compare} aria-labelledby="compare-title">
        <h2 id="compare-title">{historyText.compareTitle}</h2>
        <div class="compare-choices">
          {select(historyText.compareFrom, from, setFrom, 'from')}
          {select(historyText.compareTo, to, setTo, 'to')}
          <button type="submit" class="button" disabled={busy}>
            {busy ? historyText.comparing : historyText.compare}
          </button>
        </div>
        {problem && (
          <p id="compare-problem" class="field-error" role="alert">
            {problem}
          </p>
        )}
      </form>
      {comparison}
    </>
  )
}

import type { ComponentChildren } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import type { RichText as RichTextDoc } from '../../../functions/content/richtext.ts'
import { RichText } from '../../site/components/rich-text.tsx'
import type { StoredItem } from '../api/types.ts'
import { useWorkspace } from '../context.ts'
import { formFromItem, toInput, type FormState } from '../form/model.ts'
import { formatOslo } from '../form/time.ts'
import { audienceText, labelFor, t } from '../text.ts'

/** One field's value in words (the body rendered as readers see it). */
function Value({ name, value, topicName }: { name: string; value: unknown; topicName: (slug: string) => string }): ComponentChildren {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return <span class="muted">{t.empty}</span>
  if (name === 'body') return <RichText doc={value as RichTextDoc} />
  if (typeof value === 'boolean') return value ? t.yes : t.no
  if (name === 'audiences') return (value as string[]).map((audience) => audienceText[audience as keyof typeof audienceText] ?? audience).join(', ')
  if (name === 'topics') return (value as string[]).map(topicName).join(', ')
  if (name === 'startsAt' || name === 'endsAt') return formatOslo(String(value))
  if (name === 'episodes') return (
    <ol>
      {(value as Array<{ title?: string }>).map((episode) => (
        <li>{episode.title}</li>
      ))}
    </ol>
  )
  if (typeof value === 'object')
    return (
      <dl class="value-list">
        {Object.entries(value as Record<string, unknown>).map(([key, inner]) => (
          <>
            <dt>{labelFor(`${name}.${key}`)}</dt>
            <dd>{typeof inner === 'object' ? JSON.stringify(inner) : String(inner)}</dd>
          </>
        ))}
      </dl>
    )
  return String(value)
}

interface ConflictProps {
  mine: FormState
  current: StoredItem
  busy: boolean
  onKeepMine: () => void
  onDiscardMine: () => void
}

/**
 * A stale save: the editor's version and the stored one side by side, differences marked in words. Either
 * choice is explicit; until one is made, the editor's work stays in the form (and in the tab's backup).
 */
export function ConflictView(props: ConflictProps) {
  const { topics, me } = useWorkspace()
  // The newer save may be the editor's own, from another tab or window: they are told so, not that someone else did it.
  const savedByMe = props.current.savedBy !== undefined && props.current.savedBy === me.username
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const mine = toInput(props.mine)
  const theirs = toInput(formFromItem(props.current))
  const names = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].filter((name) => name !== 'type')
  const differs = (name: string) => JSON.stringify(mine[name]) !== JSON.stringify(theirs[name])
  const changed = names.filter(differs)
  const same = names.filter((name) => !differs(name))
  const topicName = (slug: string) => topics.find((topic) => topic.slug === slug)?.name ?? slug

  const table = (rows: string[]) => (
    <table class="conflict-table">
      <thead>
        <tr>
          <th scope="col">{t.conflictField}</th>
          <th scope="col">{t.conflictMine}</th>
          <th scope="col">{t.conflictTheirs(props.current.version, savedByMe ? t.conflictByYou : props.current.savedBy)}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((name) => (
          <tr class={differs(name) ? 'differs' : undefined}>
            <th scope="row">
              {labelFor(name)}
              {differs(name) && <span class="tag tag-warning">{t.conflictDifferent}</span>}
            </th>
            <td>
              <Value name={name} value={mine[name]} topicName={topicName} />
            </td>
            <td>
              <Value name={name} value={theirs[name]} topicName={topicName} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
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

import type { ComponentChildren } from 'preact'
import type { RichText as RichTextDoc } from '../../../functions/content/richtext.ts'
import { richTextToPlain } from '../../../functions/content/richtext-plain.ts'
import { RichText } from '../../site/components/rich-text.tsx'
import { useWorkspace } from '../context.ts'
import { formatOslo } from '../form/time.ts'
import { audienceText, labelFor, t } from '../text.ts'
import { WordDiff } from './word-diff.tsx'

type Fields = Record<string, unknown>
type TopicName = (slug: string) => string

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)

/** The fields two versions of an item have, split into those that differ and those that do not (`type` never does). */
export function compareFields(left: Fields, right: Fields): { changed: string[]; same: string[] } {
  const names = [...new Set([...Object.keys(left), ...Object.keys(right)])].filter((name) => name !== 'type')
  const differs = (name: string) => JSON.stringify(left[name]) !== JSON.stringify(right[name])
  return { changed: names.filter(differs), same: names.filter((name) => !differs(name)) }
}

/** A field as words, where a word-by-word comparison means something: text, lists of names, the body's text. */
function textOf(name: string, value: unknown, topicName: TopicName): string | undefined {
  if (isEmpty(value)) return ''
  if (typeof value === 'string' && name !== 'startsAt' && name !== 'endsAt') return value
  if (name === 'body') return richTextToPlain(value as RichTextDoc)
  if (name === 'topics') return (value as string[]).map(topicName).join(', ')
  if (name === 'audiences') return (value as string[]).map((audience) => audienceText[audience as keyof typeof audienceText] ?? audience).join(', ')
  if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) return value.join('\n')
  return undefined
}

/** One field's value in words (the body rendered as readers see it). */
function Value({ name, value, topicName }: { name: string; value: unknown; topicName: TopicName }): ComponentChildren {
  if (isEmpty(value)) return <span class="muted">{t.empty}</span>
  if (name === 'body') return <RichText doc={value as RichTextDoc} />
  if (typeof value === 'boolean') return value ? t.yes : t.no
  if (name === 'audiences' || name === 'topics') return textOf(name, value, topicName)
  if (name === 'startsAt' || name === 'endsAt') return formatOslo(String(value))
  if (name === 'episodes')
    return (
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

interface ComparisonProps {
  rows: string[]
  left: { heading: ComponentChildren; fields: Fields }
  right: { heading: ComponentChildren; fields: Fields }
  /** Left is the earlier version: mark removed words on the left and added ones on the right. */
  marks?: boolean
  /** The tag on a row that differs (the conflict view's «Ulik» unless told). */
  changedTag?: string
}

/** Two versions of an item side by side, a row per field; rows that differ are tagged «Endret». */
export function ComparisonTable({ rows, left, right, marks, changedTag = t.conflictDifferent }: ComparisonProps) {
  const { topics } = useWorkspace()
  const topicName = (slug: string) => topics.find((topic) => topic.slug === slug)?.name ?? slug
  const cell = (name: string, side: 'before' | 'after') => {
    const value = (side === 'before' ? left : right).fields[name]
    const before = textOf(name, left.fields[name], topicName)
    const after = textOf(name, right.fields[name], topicName)
    if (marks && before !== undefined && after !== undefined && before !== after)
      return (
        <div class="text-diff">
          <WordDiff before={before} after={after} side={side} />
        </div>
      )
    return <Value name={name} value={value} topicName={topicName} />
  }
  return (
    <table class="conflict-table">
      <thead>
        <tr>
          <th scope="col">{t.conflictField}</th>
          <th scope="col">{left.heading}</th>
          <th scope="col">{right.heading}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((name) => {
          const differs = JSON.stringify(left.fields[name]) !== JSON.stringify(right.fields[name])
          return (
            <tr class={differs ? 'differs' : undefined}>
              <th scope="row">
                {labelFor(name)}
                {differs && <span class="tag tag-warning">{changedTag}</span>}
              </th>
              <td>{cell(name, 'before')}</td>
              <td>{cell(name, 'after')}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

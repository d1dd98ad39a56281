import { useState } from 'preact/hooks'
import type { AdminTopic } from '../../api/admin.ts'
import { ConfirmDialog } from '../../components/confirm-dialog.tsx'
import { adminText as t } from './admin-text.ts'

/**
 * Asks before retiring or merging a topic area, with the topic its pages should send readers to (retiring: the topic
 * index by default; merging: a topic must be chosen, the first is preselected): the workspace's own dialog (focus on
 * «Avbryt», Escape cancels, focus back to the button), with the choice in it.
 */
export function TopicChoiceDialog(props: { kind: 'retire' | 'merge'; topic: AdminTopic; replacements: AdminTopic[]; onAnswer: (answer: { to?: string } | undefined) => void }) {
  const merge = props.kind === 'merge'
  const [to, setTo] = useState(merge ? (props.replacements[0]?.slug ?? '') : '')
  const question = merge
    ? { title: t.mergeTitle(props.topic.name), text: t.mergeText, confirm: t.mergeConfirm, danger: true }
    : { title: t.retireTitle(props.topic.name), text: t.retireText, confirm: t.retireConfirm, danger: true }
  return (
    <ConfirmDialog question={question} onAnswer={(yes) => props.onAnswer(yes && (!merge || to) ? (to ? { to } : {}) : undefined)}>
      <div class="field">
        <label for="topic-choice">{merge ? t.mergeInto : t.retireReplacement}</label>
        <select id="topic-choice" value={to} onChange={(event) => setTo((event.currentTarget as HTMLSelectElement).value)}>
          {!merge && <option value="">{t.retireToIndex}</option>}
          {props.replacements.map((topic) => (
            <option value={topic.slug}>{topic.name}</option>
          ))}
        </select>
      </div>
    </ConfirmDialog>
  )
}

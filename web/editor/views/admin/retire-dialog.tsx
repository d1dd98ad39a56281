import { useState } from 'preact/hooks'
import type { AdminTopic } from '../../api/admin.ts'
import { ConfirmDialog } from '../../components/confirm-dialog.tsx'
import { adminText as t } from './admin-text.ts'

/**
 * Asks before retiring a topic area, and where its pages should send readers: the workspace's own dialog
 * (focus on «Avbryt», Escape cancels, focus back to the button), with the choice in it.
 */
export function RetireDialog(props: { topic: AdminTopic; replacements: AdminTopic[]; onAnswer: (answer: { redirectTo?: string } | undefined) => void }) {
  const [redirectTo, setRedirectTo] = useState('')
  return (
    <ConfirmDialog
      question={{ title: t.retireTitle(props.topic.name), text: t.retireText, confirm: t.retireConfirm, danger: true }}
      onAnswer={(yes) => props.onAnswer(yes ? (redirectTo ? { redirectTo } : {}) : undefined)}
    >
      <div class="field">
        <label for="retire-to">{t.retireReplacement}</label>
        <select id="retire-to" value={redirectTo} onChange={(event) => setRedirectTo((event.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t.retireToIndex}</option>
          {props.replacements.map((topic) => (
            <option value={topic.slug}>{topic.name}</option>
          ))}
        </select>
      </div>
    </ConfirmDialog>
  )
}

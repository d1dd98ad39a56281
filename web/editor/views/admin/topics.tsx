import { useEffect, useRef, useState } from 'preact/hooks'
import { slugSchema } from '../../../../functions/content/schema.ts'
import { adminApi, type AdminTopic } from '../../api/admin.ts'
import { ApiError } from '../../api/client.ts'
import { Alert, describeError, Loading, PageTitle } from '../../components/common.tsx'
import { TextField } from '../../components/fields.tsx'
import { StatsTable } from '../../components/stats-table.tsx'
import { errorCodeText } from '../../text.ts'
import type { AdminProps } from './admin-area.tsx'
import { AdminRefused } from './admin-refused.tsx'
import { adminText as t } from './admin-text.ts'
import { TopicChoiceDialog } from './topic-choice-dialog.tsx'
import { useAdminAction } from './use-admin-action.ts'

type TopicDraft = { slug: string; name: string; summary: string }
type TopicErrors = Partial<Record<keyof TopicDraft, string>>
const blank: TopicDraft = { slug: '', name: '', summary: '' }

/** What is wrong with a new topic or a new name, in bokmål, before anything is sent. */
export function topicErrors(draft: TopicDraft, isNew: boolean): TopicErrors {
  const errors: TopicErrors = {}
  if (isNew && !slugSchema.safeParse(draft.slug.trim()).success) errors.slug = draft.slug.trim() ? t.slugInvalid : t.required
  if (!draft.name.trim()) errors.name = t.required
  else if (draft.name.length > 120) errors.name = t.tooLong(120)
  if (!draft.summary.trim()) errors.summary = t.required
  else if (draft.summary.length > 400) errors.summary = t.tooLong(400)
  return errors
}

/** `/redaktor/admin/fagtema`: create, rename (the address stays) and retire topic areas, with a redirect for their pages. */
export function TopicsView({ admin }: { admin: AdminProps }) {
  const api = adminApi(admin.api)
  const [topics, setTopics] = useState<AdminTopic[]>()
  const [editing, setEditing] = useState<AdminTopic>()
  const [asking, setAsking] = useState<{ kind: 'retire' | 'merge'; topic: AdminTopic }>()
  const [draft, setDraft] = useState<TopicDraft>(blank)
  const [errors, setErrors] = useState<TopicErrors>({})
  const load = () => api.topics().then(({ items }) => setTopics(items), (error) => setProblem(describeError(error)))
  const { busy, problem, setProblem, status, statusRef, act } = useAdminAction({
    announce: admin.announce,
    reload: load,
    atField: (error) => error instanceof ApiError && error.code === 'topic_exists' && (setErrors({ slug: errorCodeText.topic_exists }), true),
  })
  useEffect(() => void load(), [])

  /** Step by step until the API says done, each step bounded; progress is announced as it goes. */
  const merge = async (topic: AdminTopic, into: string) => {
    const totals = { moved: 0, skipped: 0, waiting: 0 }
    const intoName = topics?.find((candidate) => candidate.slug === into)?.name ?? into
    await act(async () => {
      let cursor: string | undefined
      for (;;) {
        const step = await api.mergeTopic(topic.slug, into, cursor)
        totals.moved += step.moved
        totals.skipped += step.skipped
        totals.waiting += step.waiting
        if (step.done) return
        admin.announce(t.merging(totals.moved))
        cursor = step.cursor ?? undefined
      }
    }, () => t.merged(topic.name, intoName, totals.moved, totals.skipped, totals.waiting))
  }

  const submit = async (event: Event) => {
    event.preventDefault()
    const found = topicErrors(draft, !editing)
    setErrors(found)
    if (Object.keys(found).length) return
    const fields = { name: draft.name.trim(), summary: draft.summary.trim() }
    const ok = editing
      ? await act(() => api.saveTopic(editing.slug, { ...fields, intro: editing.intro }), t.topicRenamed(fields.name))
      : await act(() => api.createTopic({ slug: draft.slug.trim(), ...fields, intro: { type: 'doc', content: [] } }), t.topicCreated(fields.name))
    if (ok) (setEditing(undefined), setDraft(blank))
  }

  if (!topics) return problem ? <AdminRefused problem={problem} /> : <Loading />
  return (
    <>
      <TopicsPage
        topics={topics}
        problem={problem}
        status={status}
        statusRef={statusRef}
        busy={busy}
        editing={editing}
        draft={draft}
        errors={errors}
        onDraft={setDraft}
        onSubmit={submit}
        onRename={(topic) => (setEditing(topic), setDraft({ slug: topic.slug, name: topic.name, summary: topic.summary }), setErrors({}))}
        onCancel={() => (setEditing(undefined), setDraft(blank), setErrors({}))}
        onRetire={(topic) => setAsking({ kind: 'retire', topic })}
        onMerge={(topic) => setAsking({ kind: 'merge', topic })}
      />
      {asking && (
        <TopicChoiceDialog
          kind={asking.kind}
          topic={asking.topic}
          replacements={topics.filter((topic) => !topic.retired && topic.slug !== asking.topic.slug)}
          onAnswer={(answer) => {
            const { kind, topic } = asking
            setAsking(undefined)
            if (!answer) return
            if (kind === 'retire') void act(() => api.retireTopic(topic.slug, answer.to), t.topicRetired(topic.name))
            else if (answer.to) void merge(topic, answer.to)
          }}
        />
      )}
    </>
  )
}

/** The screen from what the API answered: rendered as is by tests (tests/web/editor/admin-topics.test.tsx). */
export function TopicsPage(props: {
  topics: AdminTopic[]
  problem?: string
  status?: string
  statusRef?: { current: HTMLParagraphElement | null }
  busy?: boolean
  editing?: AdminTopic
  draft: TopicDraft
  errors: TopicErrors
  onDraft?: (draft: TopicDraft) => void
  onSubmit?: (event: Event) => void
  onRename?: (topic: AdminTopic) => void
  onCancel?: () => void
  onRetire?: (topic: AdminTopic) => void
  onMerge?: (topic: AdminTopic) => void
}) {
  const nameOf = (slug: string) => props.topics.find((topic) => topic.slug === slug)?.name ?? slug
  const set = (field: keyof TopicDraft) => (value: string) => props.onDraft?.({ ...props.draft, [field]: value })
  const formRef = useRef<HTMLHeadingElement>(null)
  // Opening the rename form moves focus to its heading, so the editor hears which topic they are renaming.
  useEffect(() => {
    if (props.editing) formRef.current?.focus()
  }, [props.editing?.slug])
  return (
    <>
      <PageTitle>{t.topicsTitle}</PageTitle>
      <p>{t.topicsIntro}</p>
      {props.problem && <Alert>{props.problem}</Alert>}
      <p class={props.status ? 'notice notice-success' : undefined} tabIndex={-1} ref={props.statusRef}>
        {props.status}
      </p>
      <StatsTable id="topics" caption={t.topicsCaption} columns={[t.colName, t.colAddress, t.colState, t.colActions]}>
        {props.topics.map((topic) => (
          <tr key={topic.slug}>
            <th scope="row">{topic.name}</th>
            <td>/fagtema/{topic.slug}</td>
            <td>{topic.retired ? (topic.retired.redirectTo ? t.retiredTo(nameOf(topic.retired.redirectTo)) : t.retiredToIndex) : t.inUse}</td>
            <td>
              <button type="button" class="button button-quiet" disabled={props.busy} aria-label={t.renameFor(topic.name)} onClick={() => props.onRename?.(topic)}>
                {t.rename}
              </button>{' '}
              {!topic.retired && (
                <button type="button" class="button button-quiet" disabled={props.busy} aria-label={t.retireFor(topic.name)} onClick={() => props.onRetire?.(topic)}>
                  {t.retire}
                </button>
              )}{' '}
              {!topic.retired && (
                <button type="button" class="button button-quiet" disabled={props.busy} aria-label={t.mergeFor(topic.name)} onClick={() => props.onMerge?.(topic)}>
                  {t.merge}
                </button>
              )}
            </td>
          </tr>
        ))}
      </StatsTable>
      <h2 tabIndex={-1} ref={formRef}>
        {props.editing ? t.renameFor(props.editing.name) : t.newTopic}
      </h2>
      <form onSubmit={props.onSubmit} noValidate>
        {!props.editing && <TextField path="topic-slug" label={t.fieldSlug} hint={t.fieldSlugHint} required value={props.draft.slug} error={props.errors.slug} onValue={set('slug')} />}
        <TextField path="topic-name" label={t.fieldTopicName} required value={props.draft.name} error={props.errors.name} onValue={set('name')} />
        <TextField path="topic-summary" label={t.fieldSummary} hint={t.fieldSummaryHint} required value={props.draft.summary} error={props.errors.summary} onValue={set('summary')} />
        <p class="button-row">
          <button type="submit" class="button button-primary" disabled={props.busy}>
            {props.editing ? t.saveName : t.createTopic}
          </button>
          {props.editing && (
            <button type="button" class="button" onClick={props.onCancel}>
              {t.cancelEdit}
            </button>
          )}
        </p>
      </form>
    </>
  )
}

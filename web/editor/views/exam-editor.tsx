import { useEffect, useState } from 'preact/hooks'
import { examIntroPath } from '../../../functions/courses/exam-paths.ts'
import type { ExamDraft } from '../../../functions/courses/exam-types.ts'
import { ApiError } from '../api/client.ts'
import type { ExamAnswer, StoredItem } from '../api/types.ts'
import { Alert, describeError, ErrorSummary, Link, Loading, PageTitle } from '../components/common.tsx'
import { Refused } from '../components/refused.tsx'
import { useConfirm } from '../components/confirm-dialog.tsx'
import { fieldId } from '../components/fields.tsx'
import { useWorkspace } from '../context.ts'
import { paths, setLeaveGuard } from '../routes.ts'
import { examErrorCodeText, examText as text, problemText, publishGapText, t } from '../text.ts'
import { moved } from './course-builder-model.ts'
import { ExamQuestion } from './exam-question.tsx'
import { ExamSettings } from './exam-settings.tsx'
import { formOf, inputOf, newQuestion, problemsOf, publishGaps, questionPath, questionsPerAttempt, questionsPerGoal, type ExamForm, type Problem } from './exam-model.ts'

type Notice = { kind: 'error'; text: string; details?: string[]; stale?: ExamDraft } | { kind: 'success'; text: string }

/**
 * `/redaktor/{tenant}/elementer/{id}/eksamen`: an e-course's question bank. Settings and questions are saved
 * together over the version loaded (a stale save keeps the editor's work and offers to overwrite or reload);
 * "Publiser eksamen" saves what is unsaved and copies the bank to where readers are examined.
 */
export function ExamEditor({ id }: { id: string }) {
  const workspace = useWorkspace()
  const [course, setCourse] = useState<StoredItem>()
  const [goals, setGoals] = useState<string[]>([])
  const [exam, setExam] = useState<ExamDraft>()
  const [form, setForm] = useState<ExamForm>()
  /** The form as last loaded or saved, to tell unsaved changes. */
  const [baseline, setBaseline] = useState('')
  /** The problems found when a save was refused, for the summary; fields follow corrections live. */
  const [summary, setSummary] = useState<Problem[]>()
  const [notice, setNotice] = useState<Notice>()
  const [busy, setBusy] = useState<'save' | 'publish'>()
  const confirmation = useConfirm()

  const fingerprint = (current: ExamForm) => JSON.stringify(inputOf(current, 0))
  const adopt = (answer: Pick<ExamAnswer, 'exam'>, keepForm?: ExamForm) => {
    const next = keepForm ?? formOf(answer.exam)
    setExam(answer.exam)
    setForm(next)
    setBaseline(fingerprint(next))
  }
  const load = async () => {
    setNotice(undefined)
    try {
      const [item, answer] = await Promise.all([workspace.tenantApi.getItem(id), workspace.tenantApi.getExam(id)])
      setCourse(item)
      setGoals(answer.course.learningGoals)
      adopt(answer)
    } catch (error) {
      setNotice({ kind: 'error', text: describeExamError(error) })
    }
  }
  useEffect(() => void load(), [id])

  const dirty = form !== undefined && fingerprint(form) !== baseline
  useEffect(() => {
    if (!dirty) return setLeaveGuard(undefined)
    setLeaveGuard(() => confirmation.ask(t.confirmLeave))
    const warn = (event: BeforeUnloadEvent) => event.preventDefault()
    addEventListener('beforeunload', warn)
    return () => removeEventListener('beforeunload', warn)
  }, [dirty])
  useEffect(() => () => setLeaveGuard(undefined), [])

  if (!form || !course || !exam) return notice ? <Refused view="exam">{notice.text}</Refused> : <Loading />

  const problems = problemsOf(form, goals.length)
  // Once everything the summary named is fixed, errors rest until the next save (a new empty option is no error yet).
  if (summary && problems.length === 0) setSummary(undefined)
  const errors = summary ? Object.fromEntries(problems.map((problem) => [problem.path, problemText(problem)])) : {}
  const focusLater = (elementId: string) => requestAnimationFrame(() => document.getElementById(elementId)?.focus())
  const announce = (sentence: string, focus?: string) => {
    workspace.announce(sentence)
    if (focus) focusLater(focus)
  }
  const setQuestions = (questions: ExamForm['questions']) => setForm({ ...form, questions })

  /** Saves over `version` (the one loaded, or the current one when overwriting); the saved draft, or undefined. */
  const save = async (version = exam.version): Promise<ExamDraft | undefined> => {
    if (problems.length) {
      setSummary(problems)
      setNotice(undefined)
      return undefined
    }
    setSummary(undefined)
    setNotice(undefined)
    try {
      const answer = await workspace.tenantApi.saveExam(id, inputOf(form, version))
      // The editor keeps typing in the same form: keys and focus stay where they are.
      adopt(answer, form)
      return answer.exam
    } catch (error) {
      const current = error instanceof ApiError && error.code === 'stale_version' ? (error.current as ExamDraft | undefined) : undefined
      setNotice({ kind: 'error', text: current ? text.stale : describeExamError(error), ...(current ? { stale: current } : {}) })
      return undefined
    }
  }
  const run = async (what: 'save' | 'publish', action: () => Promise<void>) => {
    setBusy(what)
    try {
      await action()
    } finally {
      setBusy(undefined)
    }
  }
  const onSave = (version?: number) =>
    run('save', async () => {
      const saved = await save(version)
      if (saved) {
        setNotice({ kind: 'success', text: text.saved(saved.version) })
        workspace.announce(text.saved(saved.version))
      }
    })
  const onPublish = () =>
    run('publish', async () => {
      const draft = dirty || exam.version === 0 ? await save() : exam
      if (!draft) return
      try {
        const answer = await workspace.tenantApi.publishExam(id, draft.version)
        adopt(answer, form)
        setNotice({ kind: 'success', text: text.published(answer.exam.version) })
        workspace.announce(text.published(answer.exam.version))
      } catch (error) {
        if (error instanceof ApiError && error.code === 'stale_version' && error.current)
          return setNotice({ kind: 'error', text: text.stale, stale: error.current as ExamDraft })
        if (error instanceof ApiError && error.code === 'publish_blocked') {
          const gaps = publishGaps(form, goals.length)
          if (gaps.length) return setNotice({ kind: 'error', text: text.publishBlocked, details: gaps.map((gap) => publishGapText(gap, goals)) })
        }
        setNotice({ kind: 'error', text: describeExamError(error) })
      }
    })
  const reloadTheirs = (current: ExamDraft) => {
    adopt({ exam: current })
    setSummary(undefined)
    setNotice(undefined)
    announce(text.reloaded(current.version))
  }

  const counts = questionsPerGoal(form, goals.length)
  const state = exam.publishedVersion === undefined ? text.stateNever : `${text.statePublished(exam.publishedVersion)}${exam.version > exam.publishedVersion ? ` ${text.stateChanged}` : ''}`
  return (
    <>
      <PageTitle>{text.title(course.title)}</PageTitle>
      <p>{text.intro}</p>
      <p>
        <Link href={paths.item(workspace.tenant.id, id)}>{text.backToCourse}</Link>
        {exam.publishedVersion !== undefined && (
          <>
            {' · '}
            <a href={examIntroPath(course)} target="_blank" rel="noopener">
              {text.readerPage}
            </a>
          </>
        )}
      </p>
      <p class="status-line">
        {state}
        {dirty && <strong class="save-state unsaved"> {text.unsaved}</strong>}
      </p>
      {summary && problems.length > 0 && <ErrorSummary errors={summary.map((problem) => ({ path: problem.path, text: problemText(problem) }))} labels={(path) => labelOf(form, path)} />}
      {notice?.kind === 'error' && (
        <Alert>
          <p>{notice.text}</p>
          {notice.details && (
            <ul>
              {notice.details.map((detail) => (
                <li>{detail}</li>
              ))}
            </ul>
          )}
          {notice.stale && (
            <div class="button-row">
              <button type="button" class="button" onClick={() => onSave(notice.stale!.version)}>
                {text.overwrite}
              </button>
              <button type="button" class="button button-quiet" onClick={() => reloadTheirs(notice.stale!)}>
                {text.reload}
              </button>
            </div>
          )}
        </Alert>
      )}
      {notice?.kind === 'success' && <p class="notice notice-success">{notice.text}</p>}
      {goals.length === 0 && <p class="notice notice-warning">{text.noGoals}</p>}

      <ExamSettings settings={form.settings} errors={errors} perAttempt={questionsPerAttempt(form)} onChange={(settings) => setForm({ ...form, settings })} />
      {goals.length > 0 && (
        <>
          <h2>{text.goalCounts}</h2>
          <ul>
            {goals.map((goal, index) => (
              <li>{text.goalCount(index, goal, counts[index]!)}</li>
            ))}
          </ul>
        </>
      )}

      <h2>{text.questions}</h2>
      {form.questions.length === 0 && <p>{text.empty}</p>}
      <ol class="episodes">
        {form.questions.map((question, index) => (
          <li key={question.key}>
            <ExamQuestion
              question={question}
              n={index + 1}
              count={form.questions.length}
              goals={goals}
              errors={errors}
              announce={announce}
              onChange={(changed) => setQuestions(form.questions.map((candidate) => (candidate.key === question.key ? changed : candidate)))}
              onMove={(offset) => {
                setQuestions(moved(form.questions, index, offset))
                const edge = offset === -1 ? index === 1 : index === form.questions.length - 2
                announce(text.moved, `${question.key}-${edge ? (offset === -1 ? 'down' : 'up') : offset === -1 ? 'up' : 'down'}`)
              }}
              onRemove={() => {
                setQuestions(form.questions.filter((candidate) => candidate.key !== question.key))
                announce(text.removedQuestion(index + 1), 'add-question')
              }}
            />
          </li>
        ))}
      </ol>
      <p>
        <button
          type="button"
          class="button"
          id="add-question"
          disabled={goals.length === 0}
          onClick={() => {
            // A new question goes to the goal with fewest questions, which is usually the one to fill.
            const goal = counts.indexOf(Math.min(...counts))
            const question = newQuestion(form.questions, Math.max(goal, 0))
            setQuestions([...form.questions, question])
            announce(text.added(text.question(form.questions.length + 1)), fieldId(questionPath(question, 'text')))
          }}
        >
          {text.addQuestion}
        </button>
      </p>

      <div class="form-actions">
        <button type="button" class="button button-primary" onClick={() => onSave()} disabled={busy !== undefined}>
          {busy === 'save' ? text.saving : text.save}
        </button>
        <button type="button" class="button" onClick={onPublish} disabled={busy !== undefined}>
          {busy === 'publish' ? text.publishing : text.publish}
        </button>
      </div>
      {confirmation.dialog}
    </>
  )
}

/** An API refusal in bokmål: the exam's own meaning of a code first, then the workspace's. */
export function describeExamError(error: unknown): string {
  const own = error instanceof ApiError && error.code ? examErrorCodeText[error.code] : undefined
  return own ?? describeError(error)
}

/** The label an error summary line starts with, from the field's path (exam-model.ts settingPath etc.). */
function labelOf(form: ExamForm, path: string): string {
  const [scope, key, field] = path.split('.') as [string, string, string?]
  if (scope === 'settings') return text.setting[key as keyof typeof text.setting]
  const n = form.questions.findIndex((question) => question.key === key || question.options.some((option) => option.key === key)) + 1
  if (scope === 'q') return field === 'goal' ? text.goal(n) : field === 'options' ? text.options(n) : text.questionText(n)
  const o = form.questions[n - 1]!.options.findIndex((option) => option.key === key) + 1
  return field === 'feedback' ? text.optionFeedback(n, o) : text.optionText(n, o)
}

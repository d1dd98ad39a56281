import type { ComponentChildren } from 'preact'
import { Checkbox, fieldId, SelectField, TextArea, TextField } from '../components/fields.tsx'
import { examLimits, newOption, optionPath, questionPath, withCorrect, withKind, type QuestionDraft } from './exam-model.ts'
import { moved } from './course-builder-model.ts'
import { examText as text, t } from '../text.ts'

interface Props {
  question: QuestionDraft
  /** 1-based, as the editor sees it. */
  n: number
  count: number
  /** The course's learning goals, for an exam question; a practice question has none. */
  goals?: string[]
  /** Errors by field path, shown once a save found problems. */
  errors: Record<string, string>
  onChange: (question: QuestionDraft) => void
  onMove: (offset: -1 | 1) => void
  onRemove: () => void
  /** Says what happened and moves focus to the element with this id once it is rendered. */
  announce: (sentence: string, focus?: string) => void
  /** Fields of its own after the options (a practice question's explanation). */
  children?: ComponentChildren
}

export const optionButtonId = (key: string, action: 'up' | 'down' | 'remove') => `${key}-${action}`
export const addOptionId = (question: Pick<QuestionDraft, 'key'>) => `${question.key}-add-option`

/** One question of the bank (or a lesson's practice question): a fieldset with its text, learning goal, kind and options. */
export function ExamQuestion({ question, n, count, goals, errors, onChange, onMove, onRemove, announce, children }: Props) {
  const goalOptions = (goals ?? []).map((goal, index) => ({ value: String(index), label: text.goalOption(index, goal) }))
  if (goals && question.goal >= goals.length) goalOptions.push({ value: String(question.goal), label: text.goalUnknown(question.goal) })
  const optionsPath = questionPath(question, 'options')
  const optionsId = fieldId(optionsPath)
  const optionsError = errors[optionsPath]
  const setOptions = (options: QuestionDraft['options']) => onChange({ ...question, options })

  return (
    <fieldset class="episode exam-question">
      <legend>{text.question(n)}</legend>
      <TextArea path={questionPath(question, 'text')} label={text.questionText(n)} required rows={2} value={question.text} error={errors[questionPath(question, 'text')]} onValue={(value) => onChange({ ...question, text: value })} />
      {goals && (
        <SelectField path={questionPath(question, 'goal')} label={text.goal(n)} value={String(question.goal)} options={goalOptions} error={errors[questionPath(question, 'goal')]} onValue={(value) => onChange({ ...question, goal: Number(value) })} />
      )}
      <SelectField
        path={`q.${question.key}.kind`}
        label={text.kind(n)}
        value={question.kind}
        options={[
          { value: 'single', label: text.kindSingle },
          { value: 'multiple', label: text.kindMultiple },
        ]}
        onValue={(value) => onChange(withKind(question, value as QuestionDraft['kind']))}
      />
      <fieldset id={optionsId} class={`field${optionsError ? ' field-invalid' : ''}`} aria-describedby={`${optionsId}-hint${optionsError ? ` ${optionsId}-error` : ''}`}>
        <legend>{text.options(n)}</legend>
        <p class="hint" id={`${optionsId}-hint`}>
          {text.optionsHint}
        </p>
        {optionsError && (
          <p class="field-error" id={`${optionsId}-error`}>
            <strong class="error-prefix">{t.errorPrefix}</strong> {optionsError}
          </p>
        )}
        <ol class="exam-options">
          {question.options.map((option, index) => {
            const o = index + 1
            const change = (patch: Partial<typeof option>) => setOptions(question.options.map((candidate) => (candidate.key === option.key ? { ...candidate, ...patch } : candidate)))
            const move = (offset: -1 | 1) => {
              setOptions(moved(question.options, index, offset))
              // Focus stays on the button pressed, or its twin once the option reaches either end.
              const edge = offset === -1 ? index + offset === 0 : index + offset === question.options.length - 1
              announce(text.moved, optionButtonId(option.key, edge ? (offset === -1 ? 'down' : 'up') : offset === -1 ? 'up' : 'down'))
            }
            return (
              <li key={option.key}>
                <TextField path={optionPath(option, 'text')} label={text.optionText(n, o)} required value={option.text} error={errors[optionPath(option, 'text')]} onValue={(value) => change({ text: value })} />
                <Checkbox path={`o.${option.key}.correct`} label={text.optionCorrect(n, o)} checked={option.correct} onValue={(correct) => onChange(withCorrect(question, option.key, correct))} />
                <TextField path={optionPath(option, 'feedback')} label={text.optionFeedback(n, o)} hint={text.optionFeedbackHint} value={option.feedback} error={errors[optionPath(option, 'feedback')]} onValue={(value) => change({ feedback: value })} />
                <div class="button-row">
                  <button type="button" class="button button-quiet" id={optionButtonId(option.key, 'up')} disabled={index === 0} onClick={() => move(-1)}>
                    {text.moveOptionUp(n, o)}
                  </button>
                  <button type="button" class="button button-quiet" id={optionButtonId(option.key, 'down')} disabled={index === question.options.length - 1} onClick={() => move(1)}>
                    {text.moveOptionDown(n, o)}
                  </button>
                  <button
                    type="button"
                    class="button button-quiet"
                    id={optionButtonId(option.key, 'remove')}
                    disabled={question.options.length <= examLimits.options.min}
                    onClick={() => {
                      setOptions(question.options.filter((candidate) => candidate.key !== option.key))
                      announce(text.removed, addOptionId(question))
                    }}
                  >
                    {text.removeOption(n, o)}
                  </button>
                </div>
              </li>
            )
          })}
        </ol>
        <button
          type="button"
          class="button"
          id={addOptionId(question)}
          disabled={question.options.length >= examLimits.options.max}
          onClick={() => {
            const option = newOption(question)
            setOptions([...question.options, option])
            announce(text.added(text.option(question.options.length + 1)), fieldId(optionPath(option, 'text')))
          }}
        >
          {text.addOption(n)}
        </button>
      </fieldset>
      {children}
      <div class="button-row">
        <button type="button" class="button button-quiet" id={`${question.key}-up`} disabled={n === 1} onClick={() => onMove(-1)}>
          {text.moveQuestionUp(n)}
        </button>
        <button type="button" class="button button-quiet" id={`${question.key}-down`} disabled={n === count} onClick={() => onMove(1)}>
          {text.moveQuestionDown(n)}
        </button>
        <button type="button" class="button button-quiet" onClick={onRemove}>
          {text.removeQuestion(n)}
        </button>
      </div>
    </fieldset>
  )
}

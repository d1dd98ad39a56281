import type { ComponentChildren } from 'preact'
import { isRight, type UnansweredQuestion } from '../../../functions/courses/exam-draw.ts'
import type { ChoiceQuestion } from '../../../functions/courses/exam-types.ts'
import { examText as t } from '../pages/exam-text.ts'

/*
 * A choice question as the exam and a lesson's practice questions show it: as a form to answer, and reviewed
 * after answering. One markup for both, so both read the same to a screen reader.
 */

/** One question of a form: a fieldset with its legend, radio buttons for single choice, checkboxes for "Velg N". */
export function QuestionFields(props: { question: UnansweredQuestion; label: string }) {
  const { question } = props
  const hintId = `hint-${question.id}`
  return (
    <fieldset class="exam-question" aria-describedby={hintId}>
      <legend>
        <span class="eyebrow">{props.label}</span> {question.text}
      </legend>
      <p id={hintId} class="muted">
        {question.kind === 'single' ? t.chooseOne : t.chooseManyHint(question.choose)}
      </p>
      {question.options.map((option) => {
        const id = `${question.id}-${option.id}`
        return (
          <div class="exam-option">
            <input type={question.kind === 'single' ? 'radio' : 'checkbox'} id={id} name={question.id} value={option.id} />
            <label for={id}>{option.text}</label>
          </div>
        )
      })}
    </fieldset>
  )
}

/** One answered question: right or wrong, each option marked right and/or chosen, with its feedback. */
export function QuestionReview(props: { question: ChoiceQuestion; chosen: string[]; heading: 'h3' | 'h4'; children?: ComponentChildren }) {
  const { question, chosen } = props
  const Heading = props.heading
  const choose = question.options.filter((option) => option.correct).length
  return (
    <li>
      <Heading>{question.text}</Heading>
      <p>
        <strong>{isRight(question, chosen) ? t.right : t.wrong}</strong>
        {chosen.length === 0 && ` – ${t.notAnswered}`}
        {question.kind === 'multiple' && ` (${t.chooseMany(choose)})`}
      </p>
      <ul>
        {question.options.map((option) => (
          <li>
            {option.text}
            {(option.correct || chosen.includes(option.id)) && (
              <>
                {' '}
                <em>({[option.correct ? t.correctOption : undefined, chosen.includes(option.id) ? t.chosen : undefined].filter(Boolean).join(', ')})</em>
              </>
            )}
            {option.feedback && <p class="muted">{option.feedback}</p>}
          </li>
        ))}
      </ul>
      {props.children}
    </li>
  )
}

import { answersAction, examIntroPath } from '../../../functions/courses/exam-paths.ts'
import type { UnscoredAttempt } from '../../../functions/courses/exam-draw.ts'
import { Document, type PageContext } from '../layout.tsx'
import { examText as t } from './exam-text.ts'

/**
 * The questions of one attempt as a plain form: a fieldset per question with its legend, radio buttons for
 * single choice and checkboxes for "Velg N". It is given the unscored view only (exam-draw.ts unscoredView), so
 * nothing here can say which options are right.
 */
export function ExamAttemptPage(props: { ctx: PageContext; attempt: UnscoredAttempt }) {
  const { ctx, attempt } = props
  const total = attempt.questions.length
  return (
    <Document ctx={ctx} meta={{ title: t.examFor(attempt.courseTitle), description: t.introDescription(attempt.courseTitle), canonical: examIntroPath(attempt), noindex: true }}>
      <article class="item">
        <p class="eyebrow">{t.exam}</p>
        <h1>{attempt.courseTitle}</h1>
        <p class="lead">
          {t.submitHint} {t.unanswered}
        </p>
        <form method="post" action={answersAction(attempt)} class="exam">
          {attempt.questions.map((question, index) => {
            const hintId = `hint-${question.id}`
            return (
              <fieldset class="exam-question" aria-describedby={hintId}>
                <legend>
                  <span class="eyebrow">{t.questionOf(index + 1, total)}</span> {question.text}
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
          })}
          <p>
            <button type="submit" class="button">
              {t.submit}
            </button>
          </p>
        </form>
      </article>
    </Document>
  )
}

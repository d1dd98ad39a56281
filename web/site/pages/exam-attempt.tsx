import { answersAction, examIntroPath } from '../../../functions/courses/exam-paths.ts'
import type { UnscoredAttempt } from '../../../functions/courses/exam-draw.ts'
import { QuestionFields } from '../components/choice-questions.tsx'
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
          {attempt.questions.map((question, index) => (
            <QuestionFields question={question} label={t.questionOf(index + 1, total)} />
          ))}
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

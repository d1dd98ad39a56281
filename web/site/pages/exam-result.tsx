import { examIntroPath } from '../../../functions/courses/exam-paths.ts'
import type { Attempt } from '../../../functions/courses/exam-types.ts'
import { CertificateSection } from '../components/certificate-form.tsx'
import { QuestionReview } from '../components/choice-questions.tsx'
import { Document, type PageContext } from '../layout.tsx'
import { examText as t } from './exam-text.ts'

/** The result after scoring: pass or fail, and a full review (your answer, right or wrong, feedback, the right options). */
export function ExamResultPage(props: { ctx: PageContext; attempt: Attempt; nameError?: string }) {
  const { ctx, attempt } = props
  const total = attempt.questions.length
  const correct = attempt.correctCount ?? 0
  const percent = total ? Math.round((correct / total) * 1000) / 10 : 0
  return (
    <Document ctx={ctx} meta={{ title: `${t.result}: ${attempt.courseTitle}`, description: t.introDescription(attempt.courseTitle), canonical: examIntroPath(attempt), noindex: true }}>
      <article class="item">
        <p class="eyebrow">{t.result}</p>
        <h1>{attempt.courseTitle}</h1>
        <div class="notice">
          <h2>{attempt.passed ? t.passed : t.failed}</h2>
          <p>{t.score(correct, total, percent)}</p>
          <p>{attempt.passed ? t.passedLead(attempt.passPercent) : t.failedLead(attempt.passPercent)}</p>
        </div>
        <CertificateSection attempt={attempt} nameError={props.nameError} />
        {!attempt.passed && (
          <p>
            <a class="button" href={examIntroPath(attempt)}>
              {t.tryAgain}
            </a>
          </p>
        )}
        <h2>{t.review}</h2>
        <ol class="exam-review">
          {attempt.questions.map((question) => (
            <QuestionReview question={question} chosen={attempt.answers?.[question.id] ?? []} heading="h3" />
          ))}
        </ol>
      </article>
    </Document>
  )
}

import { examIntroPath, startAttemptAction } from '../../../functions/courses/exam-paths.ts'
import type { ExamSettings } from '../../../functions/courses/exam-types.ts'
import type { ContentOf } from '../../../functions/content/schema.ts'
import { paths } from '../paths.ts'
import { Document, type PageContext } from '../layout.tsx'
import { examText as t } from './exam-text.ts'

/**
 * The exam's front page: what the exam is, and a plain form that starts an attempt on the server. The attempts
 * limit is counted in the browser by an optional island (web/islands/exam-attempts.ts), and the page says so:
 * an anonymous site cannot enforce it, and does not pretend to.
 */
export function ExamIntroPage(props: { ctx: PageContext; course: ContentOf<'e-kurs'>; settings: ExamSettings; questions: number }) {
  const { ctx, course, settings } = props
  return (
    <Document
      ctx={ctx}
      meta={{ title: t.examFor(course.title), description: t.introDescription(course.title), canonical: examIntroPath(course), islands: settings.attemptsLimit ? ['exam-attempts'] : [] }}
    >
      <article class="item">
        <p class="eyebrow">{t.exam}</p>
        <h1>{course.title}</h1>
        <p class="lead">{t.howItWorks}</p>
        <h2>{t.about}</h2>
        <dl class="facts">
          <dt>{t.questions}</dt>
          <dd>{props.questions}</dd>
          <dt>{t.passMark}</dt>
          <dd>{t.percent(settings.passPercent)}</dd>
          <dt>{t.attempts}</dt>
          <dd>{t.attemptsValue(settings.attemptsLimit)}</dd>
          <dt>{t.validity}</dt>
          <dd>{t.validityValue(settings.validityMonths)}</dd>
        </dl>
        <p>{settings.attemptsLimit ? t.attemptsHonest(settings.attemptsLimit) : t.attemptsNoLimit}</p>
        {settings.attemptsLimit > 0 && (
          <p id="eksamen-forsok" class="notice" role="status" hidden data-course={`${course.tenant}/${course.slug}`} data-limit={String(settings.attemptsLimit)} />
        )}
        <form method="post" action={startAttemptAction(course)} id="start-eksamen">
          <button type="submit" class="button">
            {t.start}
          </button>
        </form>
        <p>
          <a href={paths.item(course)}>{t.backToCourse}</a>
        </p>
      </article>
    </Document>
  )
}

import { Hono } from 'hono'
import type { ExamsServices } from '../reader-services.ts'
import { badRequest, notFound } from '../shared/errors.ts'
import { createAttempts } from './exam-attempts.ts'
import { newAttempt, parseAnswers } from './exam-draw.ts'
import { createExamReading } from './exam-store.ts'
import { attemptPath, resultPath } from './exam-paths.ts'
import { attemptOf, publishedCourseOf, readerFormGuards } from './reader-forms.ts'
import { createLogger } from '../shared/logger.ts'

const logger = createLogger()

/*
 * Reader form posts (plain HTML, no JavaScript): each answers 303 to a site page, so the browser's back and
 * reload behave, and the site's pages stay GET-only. Checked by hand, not with zod. Served by the exams function
 * (functions/exams-api.ts) with the certificate's form post (certificate-routes.ts), so the public API stays read-only.
 */
export function examPublicRoutes(services: Pick<ExamsServices, 'db' | 'catalog' | 'content' | 'config' | 'courseStats'>, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date())
  const exams = createExamReading(services.db)
  const attempts = createAttempts(services.db, {
    now,
    // Anonymous statistics (course-stats.ts) are best effort: a failed count never costs a reader their result.
    onScored: (attempt) =>
      services.courseStats.count(attempt.tenant, attempt.courseId, { attempts: 1, passes: attempt.passed ? 1 : 0 }).catch((error: unknown) => {
        logger.error('Course statistics not counted', { courseId: attempt.courseId, error })
      }),
  })
  const app = new Hono()
  app.use('*', ...readerFormGuards())

  app.post('/exams/:tenant/:slug/attempts', async (c) => {
    const course = await publishedCourseOf(services, c)
    const exam = await exams.published(course.tenant, course.id)
    if (!exam) throw notFound(`The course '${course.slug}' has no exam.`)
    const attempt = await attempts.start(newAttempt({ exam, course, now: now() }))
    return c.redirect(attemptPath(attempt), 303)
  })

  app.post('/attempts/:id/answers', async (c) => {
    const attempt = await attemptOf(attempts, c)
    // A SCORM attempt has no questions: answers (none) would score 0 of 0 as a pass. Only its own route passes it.
    if (attempt.kind === 'scorm') throw badRequest('This attempt belongs to a SCORM course; it takes no exam answers.', 'wrong_attempt')
    const scored = attempt.scoredAt ? attempt : await attempts.score(attempt, parseAnswers(attempt, await c.req.parseBody({ all: true })))
    return c.redirect(resultPath(scored), 303)
  })

  return app
}



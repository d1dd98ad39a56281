import { Hono } from 'hono'
import type { PublicReadingServices } from '../reader-services.ts'
import { badRequest, gone, notFound } from '../shared/errors.ts'
import { createAttempts } from './exam-attempts.ts'
import { resultPath, scormAttemptPath } from './exam-paths.ts'
import { attemptOf, publishedCourseOf, readerFormGuards } from './reader-forms.ts'
import { judgeScormResult, markScormPassed, newScormAttempt, packageOf } from './scorm-attempts.ts'

/**
 * A SCORM course's two form posts, in the exams function beside the exam's: starting (the server's clock starts,
 * 303 to the player's page) and the pass the player's page posts once the package reports one (303 to the result
 * page with the kursbevis form, or back to the player saying why not). Nothing about the reader is sent or kept
 * but the status and score, on an attempt that is gone in a day.
 */
export function scormRoutes(services: Pick<PublicReadingServices, 'db' | 'catalog' | 'content' | 'config'>, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date())
  const attempts = createAttempts(services.db, { now })
  const app = new Hono()
  app.use('*', ...readerFormGuards())

  app.post('/exams/:tenant/:slug/scorm', async (c) => {
    const course = await publishedCourseOf(services, c)
    if (!packageOf(course)) throw notFound(`The course '${course.slug}' is not a SCORM course.`)
    const attempt = await attempts.start(newScormAttempt(course, now()))
    return c.redirect(scormAttemptPath(attempt), 303)
  })

  app.post('/attempts/:id/scorm-result', async (c) => {
    const attempt = await attemptOf(attempts, c)
    if (attempt.kind !== 'scorm') throw badRequest('This attempt is an exam’s; it is passed by its answers.', 'wrong_attempt')
    if (attempt.scoredAt) return c.redirect(resultPath(attempt), 303)
    const form = await c.req.parseBody()
    // The course must still be published, as a SCORM course playing the package this attempt started.
    const owner = (await services.catalog.get()).tenant(attempt.tenant)
    const course = owner ? await services.content.getPublished(owner.id, 'e-kurs', attempt.slug) : undefined
    if (!course || course.type !== 'e-kurs' || course.id !== attempt.courseId) throw gone('This course is no longer published.')
    if (packageOf(course) !== attempt.packageId) throw gone('The course plays another SCORM package now. Start the course again.')
    const verdict = judgeScormResult(attempt, form, now())
    if (verdict.outcome === 'early') return c.redirect(`${scormAttemptPath(attempt)}?feil=tidlig&vent=${verdict.waitSeconds}#resultat`, 303)
    if (verdict.outcome === 'low') return c.redirect(`${scormAttemptPath(attempt)}?feil=poeng#resultat`, 303)
    await markScormPassed(services.db, attempt, verdict.scorePercent, now())
    return c.redirect(resultPath({ ...attempt, kind: 'scorm' }), 303)
  })

  return app
}

import { Hono } from 'hono'
import { isSlug } from '../content/vocabulary.ts'
import type { PublicReadingServices } from '../reader-services.ts'
import { badRequest, notFound } from '../shared/errors.ts'
import { createAttempts } from './exam-attempts.ts'
import { newAttempt, parseAnswers } from './exam-draw.ts'
import { createExamReading } from './exam-store.ts'
import { attemptPath, resultPath } from './exam-paths.ts'
import { attemptOf, readerFormGuards } from './reader-forms.ts'

/*
 * Reader form posts (plain HTML, no JavaScript): each answers 303 to a site page, so the browser's back and
 * reload behave, and the site's pages stay GET-only. Checked by hand, not with zod. Served by the exams function
 * (functions/exams-api.ts) with the certificate's form post (certificate-routes.ts), so the public API stays read-only.
 */
export function examPublicRoutes(services: Pick<PublicReadingServices, 'db' | 'catalog' | 'content' | 'config'>, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date())
  const exams = createExamReading(services.db)
  const attempts = createAttempts(services.db, { now })
  const app = new Hono()
  app.use('*', ...readerFormGuards())

  app.post('/exams/:tenant/:slug/attempts', async (c) => {
    const tenant = c.req.param('tenant')
    const slug = c.req.param('slug')
    if (!isSlug(tenant) || tenant.length > 40 || !isSlug(slug)) throw badRequest('Invalid edition or course address.')
    const owner = (await services.catalog.get()).tenant(tenant)
    if (!owner) throw notFound(`Unknown edition '${tenant}'.`)
    const course = await services.content.getPublished(owner.id, 'e-kurs', slug)
    if (!course || course.type !== 'e-kurs') throw notFound(`No published course '${slug}' in ${tenant}.`)
    const exam = await exams.published(owner.id, course.id)
    if (!exam) throw notFound(`The course '${slug}' has no exam.`)
    const attempt = await attempts.start(newAttempt({ exam, course, now: now() }))
    return c.redirect(attemptPath(attempt), 303)
  })

  app.post('/attempts/:id/answers', async (c) => {
    const attempt = await attemptOf(attempts, c)
    const scored = attempt.scoredAt ? attempt : await attempts.score(attempt, parseAnswers(attempt, await c.req.parseBody({ all: true })))
    return c.redirect(resultPath(scored), 303)
  })

  return app
}



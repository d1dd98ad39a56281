import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { normaliseCode } from '../../../functions/courses/certificate-codes.ts'
import { createCertificates } from '../../../functions/courses/certificate-store.ts'
import { createAttempts } from '../../../functions/courses/exam-attempts.ts'
import { ATTEMPT_ID_LENGTH, questionCount, unscoredView } from '../../../functions/courses/exam-draw.ts'
import { attemptPath, resultPath } from '../../../functions/courses/exam-paths.ts'
import { isCode } from '../../../functions/courses/exam-random.ts'
import { createExamReading } from '../../../functions/courses/exam-store.ts'
import type { Attempt } from '../../../functions/courses/exam-types.ts'
import { isSlug } from '../../../functions/content/vocabulary.ts'
import { NATIONAL_TENANT } from '../../../functions/reader-services.ts'
import { CertificatePage } from '../pages/certificate-page.tsx'
import { ExamAttemptPage } from '../pages/exam-attempt.tsx'
import { ExamIntroPage } from '../pages/exam-intro.tsx'
import { ExamResultPage } from '../pages/exam-result.tsx'
import { gone, notFound, type Pages } from '../pages-kit.tsx'
import { preferredRegion } from '../region.ts'

/** A page that belongs to one reader (an attempt, a result) or names a person (a certificate): no cache, no index. */
export function privatePage(response: Response): Response {
  response.headers.set('cache-control', 'no-store')
  response.headers.set('x-robots-tag', 'noindex')
  response.headers.delete('etag')
  return response
}

/**
 * `/{tenant}/e-kurs/{slug}/eksamen…` and `/kursbevis/{code}`: the exam's pages. They only read; the forms post
 * to the exams function (functions/exams-api.ts): start and answers (functions/courses/exam-public-routes.ts) answer
 * 303 back here, the certificate's (functions/courses/certificate-routes.ts) the PDF. Attempt and result
 * pages are never render-cached or CDN-cached.
 */
export function examRoutes(pages: Pages) {
  const { services } = pages
  const exams = createExamReading(services.db)
  const attempts = createAttempts(services.db, { now: pages.now })
  const certificates = createCertificates(services.db, { now: pages.now })
  const app = new Hono()

  const contextFor = async (c: Context, owner: string) => {
    const catalog = await services.catalog.get()
    return pages.pageContext(c, catalog, preferredRegion(c, catalog) ?? owner)
  }

  /** The attempt named in the path, if it belongs to the course in the path; else 404. */
  const attemptOf = async (c: Context): Promise<Attempt> => {
    const id = c.req.param('attempt') ?? ''
    if (!isCode(id, ATTEMPT_ID_LENGTH)) throw notFound()
    const attempt = await attempts.get(id)
    // A SCORM course's attempt has its own pages (routes/scorm.tsx), never the exam's.
    if (!attempt || attempt.kind === 'scorm' || attempt.tenant !== c.req.param('tenant') || attempt.slug !== c.req.param('slug')) throw notFound()
    return attempt
  }

  app.get('/:tenant/e-kurs/:slug/eksamen', async (c) => {
    const tenant = c.req.param('tenant')
    const slug = c.req.param('slug')
    if (!isSlug(slug)) throw notFound()
    const catalog = await services.catalog.get()
    const owner = catalog.tenant(tenant)
    if (!owner) throw notFound()
    const course = await services.content.readerView(owner.id, 'e-kurs', slug)
    if (course === 'gone') throw gone()
    if (!course || course.type !== 'e-kurs') throw notFound()
    const exam = await exams.published(owner.id, course.id)
    if (!exam) throw notFound()
    const ctx = pages.pageContext(c, catalog, preferredRegion(c, catalog) ?? owner.id)
    return pages.render(c, <ExamIntroPage ctx={ctx} course={course} settings={exam.settings} questions={questionCount(exam)} />)
  })

  app.get('/:tenant/e-kurs/:slug/eksamen/:attempt', async (c) => {
    const attempt = await attemptOf(c)
    if (attempt.scoredAt) return privatePage(c.redirect(resultPath(attempt), 303))
    const ctx = await contextFor(c, attempt.tenant)
    return privatePage(await pages.render(c, <ExamAttemptPage ctx={ctx} attempt={unscoredView(attempt)} />))
  })

  app.get('/:tenant/e-kurs/:slug/eksamen/:attempt/resultat', async (c) => {
    const attempt = await attemptOf(c)
    if (!attempt.scoredAt) return privatePage(c.redirect(attemptPath(attempt), 303))
    const ctx = await contextFor(c, attempt.tenant)
    const error = c.req.query('feil')
    return privatePage(await pages.render(c, <ExamResultPage ctx={ctx} attempt={attempt} nameError={error === undefined ? undefined : error.slice(0, 20)} />))
  })

  app.get('/kursbevis/:code', async (c) => {
    const code = normaliseCode(c.req.param('code'))
    const certificate = code ? await certificates.get(code) : undefined
    if (!certificate) throw notFound()
    const ctx = await contextFor(c, NATIONAL_TENANT)
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(pages.now())
    return privatePage(await pages.render(c, <CertificatePage ctx={ctx} certificate={certificate} today={today} />))
  })

  return app
}

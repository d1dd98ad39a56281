import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { publicOrigin } from '../../web/site/origin.ts'
import { findNonText } from '../content/text.ts'
import { isSlug } from '../content/vocabulary.ts'
import type { PublicReadingServices } from '../reader-services.ts'
import { ApiError, badRequest, notFound, payloadTooLarge } from '../shared/errors.ts'
import { createCertificates } from './certificate-store.ts'
import { createAttempts } from './exam-attempts.ts'
import { ATTEMPT_ID_LENGTH, newAttempt, parseAnswers } from './exam-draw.ts'
import { isCode } from './exam-random.ts'
import { createExamReading } from './exam-store.ts'
import { attemptPath, resultPath } from './exam-paths.ts'

/** A form with at most 200 questions of 8 options each is a few KB; anything near this is not a reader's form. */
const MAX_FORM_BYTES = 64 * 1024
export const MAX_NAME_LENGTH = 120

/*
 * Reader form posts (plain HTML, no JavaScript): each answers 303 to a site page, so the browser's back and
 * reload behave, and the site's pages stay GET-only. Checked by hand, not with zod: the public API carries none.
 */
export function examPublicRoutes(services: Pick<PublicReadingServices, 'db' | 'catalog' | 'content' | 'config'>, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date())
  const exams = createExamReading(services.db)
  const attempts = createAttempts(services.db, { now })
  const certificates = createCertificates(services.db, { now })
  const app = new Hono()

  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_FORM_BYTES,
      onError: () => {
        throw payloadTooLarge(`A form is at most ${MAX_FORM_BYTES / 1024} KB.`)
      },
    }),
  )
  // What these routes answer belongs to one reader: no cache may keep it.
  app.use('*', async (c, next) => {
    await next()
    c.header('cache-control', 'no-store')
  })

  const attemptOf = async (c: Context) => {
    const id = c.req.param('id') ?? ''
    if (!isCode(id, ATTEMPT_ID_LENGTH)) throw badRequest(`'${id.slice(0, 40)}' is not an attempt id.`)
    const attempt = await attempts.get(id)
    if (!attempt) throw notFound('No such attempt; attempts are kept for a day. Start the exam again.')
    return attempt
  }

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
    const attempt = await attemptOf(c)
    const scored = attempt.scoredAt ? attempt : await attempts.score(attempt, parseAnswers(attempt, await c.req.parseBody({ all: true })))
    return c.redirect(resultPath(scored), 303)
  })

  /**
   * The kursbevis: the name is checked, the code issued once for a passed attempt, and the PDF answered with
   * the name printed on it; only the initials are stored. A name the reader can correct sends them back to the
   * form with the reason (`?feil=`), since a plain form cannot show a JSON error.
   */
  app.post('/attempts/:id/certificate', async (c) => {
    const attempt = await attemptOf(c)
    const body = await c.req.parseBody()
    const name = typeof body.navn === 'string' ? body.navn.replace(/\s+/g, ' ').trim() : ''
    const problem = !name ? 'mangler' : name.length > MAX_NAME_LENGTH ? 'lang' : findNonText(name) !== undefined || !/\p{L}/u.test(name) ? 'ugyldig' : undefined
    const { canPrintName, certificatePdf } = await import('./certificate-pdf.ts')
    if (problem || !(await canPrintName(name))) return c.redirect(`${resultPath(attempt)}?feil=${problem ?? 'tegn'}#kursbevis`, 303)
    const catalog = await services.catalog.get()
    const issuer = catalog.tenant(attempt.tenant)?.name
    if (!issuer) throw new ApiError(410, 'The edition that held this course no longer exists.')
    const certificate = await certificates.issue(attempt, { name, issuer })
    const origin = publicOrigin(c, services.config)
    const pdf = await certificatePdf({ certificate, name, verifyUrl: `${origin}/kursbevis/${certificate.code}` })
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="kursbevis-${certificate.code}.pdf"`,
    })
  })

  return app
}



import { Hono } from 'hono'
import { publicOrigin } from '../../web/site/origin.ts'
import { findNonText } from '../content/text.ts'
import type { PublicReadingServices } from '../reader-services.ts'
import { ApiError } from '../shared/errors.ts'
import { canPrintName, certificatePdf } from './certificate-pdf.ts'
import { createCertificates } from './certificate-store.ts'
import { createAttempts } from './exam-attempts.ts'
import { resultPath } from './exam-paths.ts'
import { attemptOf, readerFormGuards } from './reader-forms.ts'

export const MAX_NAME_LENGTH = 120

/**
 * The kursbevis, in a function of its own (issue 16: split by who waits): only the reader who just passed waits for
 * pdf-lib and qrcode (~460 KB), so they are imported here statically and nowhere in the public API. The name is
 * checked, the code issued once for a passed attempt, and the PDF answered with the name printed on it; only the
 * initials are stored. A name the reader can correct sends them back to the form with the reason (`?feil=`),
 * since a plain form cannot show a JSON error.
 */
export function certificateRoutes(services: Pick<PublicReadingServices, 'db' | 'catalog' | 'config'>, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date())
  const attempts = createAttempts(services.db, { now })
  const certificates = createCertificates(services.db, { now })
  const app = new Hono()
  app.use('*', ...readerFormGuards())

  app.post('/attempts/:id/certificate', async (c) => {
    const attempt = await attemptOf(attempts, c)
    const body = await c.req.parseBody()
    const name = typeof body.navn === 'string' ? body.navn.replace(/\s+/g, ' ').trim() : ''
    const problem = !name ? 'mangler' : name.length > MAX_NAME_LENGTH ? 'lang' : findNonText(name) !== undefined || !/\p{L}/u.test(name) ? 'ugyldig' : undefined
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

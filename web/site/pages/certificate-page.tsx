import { certificatePath } from '../../../functions/courses/exam-paths.ts'
import type { Certificate } from '../../../functions/courses/exam-types.ts'
import { paths } from '../paths.ts'
import { Document, type PageContext } from '../layout.tsx'
import { examText as t, longDate } from './exam-text.ts'

/** `/kursbevis/{code}`: what an employer may check: course, date, hours, issuer, the holder's initials, validity. */
export function CertificatePage(props: { ctx: PageContext; certificate: Certificate; today: string }) {
  const { ctx, certificate } = props
  const expired = certificate.validUntil !== null && certificate.validUntil < props.today
  return (
    <Document ctx={ctx} meta={{ title: t.verifyTitle, description: t.verifyDescription, canonical: certificatePath(certificate.code), noindex: true }}>
      <article class="item">
        <h1>{t.verifyTitle}</h1>
        <p class="lead">{t.verifyLead(certificate.code)}</p>
        <dl class="facts">
          <dt>{t.course}</dt>
          <dd>
            <a href={paths.item({ tenant: certificate.tenant, type: 'e-kurs', slug: certificate.slug })}>{certificate.courseTitle}</a>
          </dd>
          <dt>{t.issuedOn}</dt>
          <dd>{longDate(certificate.issuedAt)}</dd>
          <dt>{t.hours}</dt>
          <dd>{t.hoursValue(certificate.hours)}</dd>
          <dt>{t.issuer}</dt>
          <dd>{certificate.issuer}</dd>
          <dt>{t.holder}</dt>
          <dd>{certificate.initials}</dd>
          <dt>{t.status}</dt>
          <dd>
            <strong>{certificate.validUntil === null ? t.noExpiry : expired ? t.expired(certificate.validUntil) : t.validUntil(certificate.validUntil)}</strong>
          </dd>
        </dl>
        <p class="muted">{t.verifyPrivacy}</p>
      </article>
    </Document>
  )
}

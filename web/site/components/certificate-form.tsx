import { certificateAction, certificatePath } from '../../../functions/courses/exam-paths.ts'
import type { Attempt } from '../../../functions/courses/exam-types.ts'
import { examText as t } from '../pages/exam-text.ts'

/**
 * After a pass (an exam's, or a SCORM course's): the kursbevis form (name → PDF from the exams function), or,
 * once issued, its code and the page that verifies it. A name the server refused comes back as `nameError`.
 */
export function CertificateSection(props: { attempt: Attempt; nameError?: string }) {
  const { attempt } = props
  const error = props.nameError ? (t.nameErrors[props.nameError] ?? t.nameErrors.ugyldig) : undefined
  if (!attempt.passed) return null
  if (attempt.certificate)
    return (
      <p>
        {t.issued(attempt.certificate)} <a href={certificatePath(attempt.certificate)}>{t.verifyIssued}</a>
      </p>
    )
  return (
    <section aria-labelledby="kursbevis" id="kursbevis-skjema">
      <h2 id="kursbevis">{t.certificate}</h2>
      <p>{t.certificateIntro}</p>
      <form method="post" action={certificateAction(attempt)}>
        {error && (
          <p id="navn-feil" class="notice" role="alert">
            {error}
          </p>
        )}
        <p>
          <label for="navn">{t.name}</label>
          <br />
          <input id="navn" name="navn" type="text" autocomplete="name" required maxLength={120} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'navn-feil' : undefined} />
        </p>
        <button type="submit" class="button">
          {t.getCertificate}
        </button>
      </form>
    </section>
  )
}

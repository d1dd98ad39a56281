import type { ContentOf } from '../../../functions/content/schema.ts'
import { signupFields, type SignupErrors, type SignupField, type SignupValues } from '../../../functions/events/form.ts'
import type { Seats } from '../../../functions/events/model.ts'
import { receiptPath, signupPath } from '../../../functions/events/paths.ts'
import { retentionDaysOf, signupClosesAt } from '../../../functions/events/registration.ts'
import { formatDateTime, formatEventTime } from '../format.ts'
import { Document, type PageContext } from '../layout.tsx'
import { paths } from '../paths.ts'
import { consentText, signupText as t, type FormProblem } from './event-text.ts'

export type BlockedReason = keyof typeof t.blocked

export interface SignupPageProps {
  ctx: PageContext
  event: ContentOf<'arrangementer'>
  seats: Seats
  /** Why nobody can sign up now: the form is not shown. */
  blocked?: BlockedReason
  /** A refused post: what was wrong, per field, and what was typed. */
  errors?: Partial<Record<SignupField, FormProblem>>
  values?: SignupValues
  /** A post refused as a whole (the deadline passed, or the last seat went) while the form was open. */
  refused?: BlockedReason
}

const fieldId = (field: SignupField) => `pamelding-${field}`

function problemText(field: SignupField, problem: FormProblem): string {
  const text = t.problems[problem]
  return typeof text === 'string' ? text : text[field]
}

/**
 * `/{tenant}/arrangementer/{slug}/pamelding`: a plain form (no JavaScript) that posts to itself in the events
 * function. A refused post comes back here with what was typed, an error summary linking each field (GOV.UK's
 * pattern), and each field's error read out with it (`aria-describedby`).
 */
export function EventSignupPage(props: SignupPageProps) {
  const { ctx, event, seats, errors = {}, values = {} } = props
  const days = retentionDaysOf(event)
  const full = event.capacity !== undefined && seats.confirmed >= event.capacity
  const problems = signupFields.flatMap((field) => (errors[field] ? [{ field, text: problemText(field, errors[field]!) }] : []))
  const hasErrors = problems.length > 0 || props.refused
  const title = t.signUpFor(event.title)

  const described = (field: SignupField, hint?: boolean) =>
    [hint ? `${fieldId(field)}-hint` : '', errors[field] ? `${fieldId(field)}-error` : ''].filter(Boolean).join(' ') || undefined
  const errorLine = (field: SignupField) =>
    errors[field] && (
      <p class="field-error" id={`${fieldId(field)}-error`}>
        <strong>{t.errorPrefix}</strong> {problemText(field, errors[field]!)}
      </p>
    )
  const textField = (field: Exclude<SignupField, 'consent' | 'needs'>, attributes: { type?: 'text' | 'email'; autocomplete: string; maxLength: number; hint?: string }) => (
    <div class={`form-field${errors[field] ? ' form-field-invalid' : ''}`}>
      <label for={fieldId(field)}>
        {t.fields[field]} <span class="muted">{t.required}</span>
      </label>
      {attributes.hint && (
        <p class="hint" id={`${fieldId(field)}-hint`}>
          {attributes.hint}
        </p>
      )}
      {errorLine(field)}
      <input
        id={fieldId(field)}
        name={field}
        type={(attributes.type ?? 'text') as 'text'}
        autocomplete={attributes.autocomplete}
        maxLength={attributes.maxLength}
        required
        value={values[field] ?? ''}
        aria-invalid={errors[field] ? 'true' : undefined}
        aria-describedby={described(field, Boolean(attributes.hint))}
      />
    </div>
  )

  return (
    <Document ctx={ctx} meta={{ title: hasErrors ? `Feil: ${title}` : title, description: t.description(event.title), canonical: signupPath(event), noindex: true }}>
      <article class="item">
        <p class="eyebrow">{t.signUp}</p>
        <h1>{event.title}</h1>
        <p class="lead">{formatEventTime(event.startsAt, event.endsAt)}</p>
        {hasErrors && (
          <div class="error-summary" role="alert" tabIndex={-1} aria-labelledby="feiloppsummering">
            <h2 id="feiloppsummering">{t.errorSummary}</h2>
            <ul>
              {props.refused && <li>{t.blocked[props.refused]}</li>}
              {problems.map((problem) => (
                <li>
                  <a href={`#${fieldId(problem.field)}`}>{problem.text}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
        {props.blocked ? (
          <p class="notice">{t.blocked[props.blocked]}</p>
        ) : (
          <>
            <p>{t.intro}</p>
            <p>{t.deadline(formatDateTime(signupClosesAt(event)))}</p>
            {event.capacity !== undefined && !full && <p>{t.seatsLeft(event.capacity - seats.confirmed)}</p>}
            {full && event.waitingList && <p class="notice">{t.waitingListNotice}</p>}
            <form method="post" action={signupPath(event)} noValidate class="signup-form">
              {textField('name', { autocomplete: 'name', maxLength: 200 })}
              {textField('email', { type: 'email', autocomplete: 'email', maxLength: 254, hint: t.emailHint })}
              {textField('workplace', { autocomplete: 'organization', maxLength: 200 })}
              {textField('municipality', { autocomplete: 'off', maxLength: 100 })}
              <div class={`form-field${errors.needs ? ' form-field-invalid' : ''}`}>
                <label for={fieldId('needs')}>
                  {t.fields.needs} <span class="muted">{t.optional}</span>
                </label>
                <p class="hint" id={`${fieldId('needs')}-hint`}>
                  {t.needsHint}
                </p>
                {errorLine('needs')}
                <textarea id={fieldId('needs')} name="needs" rows={3} maxLength={1000} aria-invalid={errors.needs ? 'true' : undefined} aria-describedby={described('needs', true)}>
                  {values.needs ?? ''}
                </textarea>
              </div>
              <fieldset class={`form-field${errors.consent ? ' form-field-invalid' : ''}`} aria-describedby={described('consent', true)}>
                <legend>{t.consentHeading}</legend>
                <p class="hint" id={`${fieldId('consent')}-hint`}>
                  {consentText(event.organiser, days)}
                </p>
                {errorLine('consent')}
                <p>
                  <input id={fieldId('consent')} name="consent" type="checkbox" value="yes" required aria-invalid={errors.consent ? 'true' : undefined} />{' '}
                  <label for={fieldId('consent')}>{t.fields.consent}</label>
                </p>
              </fieldset>
              <p class="muted">
                {t.privacy(days)} <a href={`${paths.accessibility}#personvern`}>{t.privacyLink}</a>
              </p>
              <button type="submit" class="button">
                {t.submit}
              </button>
            </form>
          </>
        )}
        <p>
          <a href={paths.item(event)}>{t.backToEvent}</a>
        </p>
      </article>
    </Document>
  )
}

/** After a sign-up: what happened, and nothing personal (the address bar holds only the outcome). */
/**
 * The receipt. `cancelUrl` is given only when the e-mail could not be sent: the page is then the answer to the
 * reader's own form post (never a URL a log keeps), so it may show the cancel link the e-mail would have carried.
 */
export function EventReceiptPage(props: { ctx: PageContext; event: ContentOf<'arrangementer'>; outcome: 'confirmed' | 'waiting'; cancelUrl?: string }) {
  const { ctx, event, outcome, cancelUrl } = props
  return (
    <Document ctx={ctx} meta={{ title: `${t.receiptTitle[outcome]}: ${event.title}`, description: t.description(event.title), canonical: receiptPath(event, outcome), noindex: true }}>
      <article class="item">
        <p class="eyebrow">{t.signUp}</p>
        <h1>{t.receiptTitle[outcome]}</h1>
        <p class="lead">
          {event.title}, {formatEventTime(event.startsAt, event.endsAt)}
        </p>
        <p>{cancelUrl ? t.receiptMailFailed[outcome] : t.receipt[outcome]}</p>
        {cancelUrl && (
          <p>
            {t.receiptCancelHint} <a href={cancelUrl}>{t.receiptCancelLink}</a> <code>{cancelUrl}</code>
          </p>
        )}
        <p>
          <a href={paths.item(event)}>{t.backToEvent}</a>
        </p>
      </article>
    </Document>
  )
}

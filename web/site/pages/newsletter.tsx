import { ALL_TOPICS, subscribeFields, type SubscribeErrors, type SubscribeField, type SubscribeValues } from '../../../functions/newsletter/form.ts'
import { subscribePath } from '../../../functions/newsletter/paths.ts'
import type { Topic } from '../../../functions/tenants/schema.ts'
import { Document, type PageContext } from '../layout.tsx'
import { paths } from '../paths.ts'
import { newsletterConsent, newsletterText as t } from './newsletter-text.ts'

const fieldId = (field: SubscribeField) => `nyhetsbrev-${field}`

/** "Alt" and each fagtema as checkboxes, the chosen ones ticked. */
export function TopicChoices(props: { topics: Topic[]; chosen: readonly string[]; invalid?: boolean; describedBy?: string; error?: preact.ComponentChildren }) {
  return (
    <fieldset class={`form-field${props.invalid ? ' form-field-invalid' : ''}`} id={fieldId('topics')} aria-describedby={props.describedBy}>
      <legend>{t.topicsLegend}</legend>
      <p class="hint" id={`${fieldId('topics')}-hint`}>
        {t.topicsHint}
      </p>
      {props.error}
      {[{ slug: ALL_TOPICS, name: t.all }, ...props.topics].map((topic) => (
        <p>
          <input type="checkbox" name="topics" value={topic.slug} id={`tema-${topic.slug}`} checked={props.chosen.includes(topic.slug)} />{' '}
          <label for={`tema-${topic.slug}`} style="display:inline;font-weight:normal">
            {topic.name}
          </label>
        </p>
      ))}
    </fieldset>
  )
}

/**
 * `/{tenant}/nyhetsbrev`: a plain form (no JavaScript) posting to itself in the events function. A refused post comes
 * back with what was typed and ticked, an error summary linking each field, and each field's error read out with it.
 */
export function SubscribePage(props: { ctx: PageContext; errors?: SubscribeErrors; values?: SubscribeValues }) {
  const { ctx, errors = {}, values = {} } = props
  const edition = ctx.edition
  const problems = subscribeFields.flatMap((field) => (errors[field] ? [{ field, text: t.problems[errors[field]!] }] : []))
  const errorLine = (field: SubscribeField) =>
    errors[field] && (
      <p class="field-error" id={`${fieldId(field)}-error`}>
        <strong>{t.errorPrefix}</strong> {t.problems[errors[field]!]}
      </p>
    )
  const described = (field: SubscribeField) => [`${fieldId(field)}-hint`, errors[field] ? `${fieldId(field)}-error` : ''].filter(Boolean).join(' ')
  const title = t.title(edition.name)
  return (
    <Document ctx={ctx} meta={{ title: problems.length ? `Feil: ${title}` : title, description: t.description(edition.name), canonical: subscribePath(edition.id) }}>
      <article class="item">
        <h1>{title}</h1>
        {problems.length > 0 && (
          <div class="error-summary" role="alert" tabIndex={-1} aria-labelledby="feiloppsummering">
            <h2 id="feiloppsummering">{t.errorSummary}</h2>
            <ul>
              {problems.map((problem) => (
                <li>
                  <a href={`#${problem.field === 'topics' ? 'tema-alt' : fieldId(problem.field)}`}>{problem.text}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <p>{t.intro}</p>
        <form method="post" action={subscribePath(edition.id)} noValidate class="signup-form">
          <div class={`form-field${errors.email ? ' form-field-invalid' : ''}`}>
            <label for={fieldId('email')}>
              {t.emailLabel} <span class="muted">{t.required}</span>
            </label>
            <p class="hint" id={`${fieldId('email')}-hint`}>
              {t.emailHint}
            </p>
            {errorLine('email')}
            <input
              id={fieldId('email')}
              name="email"
              type="email"
              autocomplete="email"
              maxLength={254}
              required
              value={values.email ?? ''}
              aria-invalid={errors.email ? 'true' : undefined}
              aria-describedby={described('email')}
            />
          </div>
          <TopicChoices topics={ctx.catalog.topics} chosen={values.topics ?? []} invalid={Boolean(errors.topics)} describedBy={described('topics')} error={errorLine('topics')} />
          <fieldset class={`form-field${errors.consent ? ' form-field-invalid' : ''}`} aria-describedby={described('consent')}>
            <legend>{t.consentHeading}</legend>
            <p class="hint" id={`${fieldId('consent')}-hint`}>
              {newsletterConsent(edition.name)}
            </p>
            {errorLine('consent')}
            <p>
              <input id={fieldId('consent')} name="consent" type="checkbox" value="yes" required aria-invalid={errors.consent ? 'true' : undefined} />{' '}
              <label for={fieldId('consent')}>{t.consentLabel}</label>
            </p>
          </fieldset>
          <p class="muted">
            <a href={`${paths.accessibility}#nyhetsbrev`}>{t.privacyLink}</a>
          </p>
          <button type="submit" class="button">
            {t.submit}
          </button>
        </form>
      </article>
    </Document>
  )
}

/** A page that only says something: "check your inbox", "confirmed", "you are unsubscribed", a dead link. */
export function NewsletterNoticePage(props: { ctx: PageContext; title: string; text: string; link?: { href: string; text: string } }) {
  const { ctx } = props
  return (
    <Document ctx={ctx} meta={{ title: props.title, description: t.description(ctx.edition.name), noindex: true }}>
      <article class="item">
        <h1>{props.title}</h1>
        <p>{props.text}</p>
        <p>{props.link ? <a href={props.link.href}>{props.link.text}</a> : <a href={paths.home(ctx.edition.id)}>{t.home}</a>}</p>
      </article>
    </Document>
  )
}

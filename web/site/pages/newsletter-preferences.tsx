import { confirmPath, preferencesPath, unsubscribePath } from '../../../functions/newsletter/paths.ts'
import { Document, type PageContext } from '../layout.tsx'
import { TopicChoices } from './newsletter.tsx'
import { newsletterText as t } from './newsletter-text.ts'

/** The same POST a mail client's one-click button sends (RFC 8058). */
function UnsubscribeForm(props: { tenant: string; token: string }) {
  return (
    <form method="post" action={unsubscribePath(props.tenant, props.token)}>
      <input type="hidden" name="List-Unsubscribe" value="One-Click" />
      <button type="submit" class="button">
        {t.unsubscribe}
      </button>
    </form>
  )
}

/**
 * `/{tenant}/nyhetsbrev/innstillinger/{token}`, from every mail's link: change the topics, or unsubscribe. Never
 * indexed, never cached (it shows the address).
 */
export function PreferencesPage(props: { ctx: PageContext; token: string; email: string; topics: string[]; saved?: boolean; invalid?: boolean }) {
  const { ctx, token } = props
  return (
    <Document ctx={ctx} meta={{ title: props.invalid ? `Feil: ${t.preferencesTitle}` : t.preferencesTitle, description: t.preferencesTitle, noindex: true }}>
      <article class="item">
        <h1>{t.preferencesTitle}</h1>
        {props.saved && (
          <p class="notice" role="status">
            {t.saved}
          </p>
        )}
        {props.invalid && (
          <div class="error-summary" role="alert" tabIndex={-1} aria-labelledby="feiloppsummering">
            <h2 id="feiloppsummering">{t.errorSummary}</h2>
            <ul>
              <li>
                <a href="#tema-alt">{t.problems['no-topics']}</a>
              </li>
            </ul>
          </div>
        )}
        <p>{t.preferencesIntro(props.email)}</p>
        <form method="post" action={preferencesPath(ctx.edition.id, token)} class="signup-form">
          <TopicChoices topics={ctx.catalog.topics} chosen={props.topics} invalid={props.invalid} describedBy="nyhetsbrev-topics-hint" />
          <button type="submit" class="button">
            {t.save}
          </button>
        </form>
        <h2>{t.unsubscribeHeading}</h2>
        <p>{t.unsubscribeIntro}</p>
        <UnsubscribeForm tenant={ctx.edition.id} token={token} />
      </article>
    </Document>
  )
}

/** `/{tenant}/nyhetsbrev/avmelding/{token}` opened (GET): it only asks, since mail scanners open links too (RFC 8058). */
export function UnsubscribePage(props: { ctx: PageContext; token: string }) {
  const { ctx } = props
  return (
    <Document ctx={ctx} meta={{ title: t.unsubscribeTitle, description: t.unsubscribeTitle, noindex: true }}>
      <article class="item">
        <h1>{t.unsubscribeTitle}</h1>
        <p>{t.unsubscribeConfirm(ctx.edition.name)}</p>
        <UnsubscribeForm tenant={ctx.edition.id} token={props.token} />
      </article>
    </Document>
  )
}

/** `/{tenant}/nyhetsbrev/bekreft/{token}` opened: the button confirms (a scanner opening the link does not). */
export function ConfirmPage(props: { ctx: PageContext; token: string; email: string }) {
  const { ctx } = props
  return (
    <Document ctx={ctx} meta={{ title: t.confirmTitle, description: t.confirmTitle, noindex: true }}>
      <article class="item">
        <h1>{t.confirmTitle}</h1>
        <p>{t.confirmAsk(props.email, ctx.edition.name)}</p>
        <form method="post" action={confirmPath(ctx.edition.id, props.token)}>
          <button type="submit" class="button">
            {t.confirm}
          </button>
        </form>
      </article>
    </Document>
  )
}

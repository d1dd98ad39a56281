import type { ContentOf } from '../../../functions/content/schema.ts'
import { cancelPath } from '../../../functions/events/paths.ts'
import { Document, type PageContext } from '../layout.tsx'
import { paths } from '../paths.ts'
import { cancelText as t } from './event-text.ts'

export type CancelState = { state: 'confirm'; name: string; token: string } | { state: 'done' } | { state: 'already' } | { state: 'unknown' }

/**
 * `/avmelding/{token}`: the cancel link from every sign-up e-mail. Opening it only asks (mail scanners open links);
 * the button posts, and the page then says what happened. Never indexed, never cached.
 */
export function EventCancelPage(props: { ctx: PageContext; event?: ContentOf<'arrangementer'>; title?: string; cancel: CancelState }) {
  const { ctx, event, cancel } = props
  const eventTitle = event?.title ?? props.title ?? ''
  const heading = { confirm: t.title, done: t.done, already: t.already, unknown: t.unknown }[cancel.state]
  return (
    <Document ctx={ctx} meta={{ title: eventTitle ? `${heading}: ${eventTitle}` : heading, description: t.title, noindex: true }}>
      <article class="item">
        <h1>{heading}</h1>
        {cancel.state === 'confirm' && (
          <>
            <p>{t.confirm(cancel.name, eventTitle)}</p>
            <form method="post" action={cancelPath(cancel.token)}>
              <button type="submit" class="button">
                {t.submit}
              </button>
            </form>
          </>
        )}
        {cancel.state === 'done' && <p>{t.doneText}</p>}
        {cancel.state === 'already' && <p>{t.alreadyText}</p>}
        {cancel.state === 'unknown' && <p>{t.unknownText}</p>}
        <p>{event ? <a href={paths.item(event)}>{t.toEvent}</a> : <a href={paths.home(ctx.edition.id)}>{t.home}</a>}</p>
      </article>
    </Document>
  )
}

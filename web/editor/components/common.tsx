import type { AnchorHTMLAttributes, ComponentChildren } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import type { Status } from '../../../functions/content/schema.ts'
import { ApiError } from '../api/client.ts'
import { onLinkClick } from '../routes.ts'
import { errorCodeText, statusText, t } from '../text.ts'
import { fieldId } from './fields.tsx'

export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a {...props} onClick={onLinkClick} />
}

/** Status as a word in a box; the colour only repeats what the word says. */
export function StatusBadge({ status }: { status: Status }) {
  return <span class={`badge badge-${status}`}>{statusText[status]}</span>
}

/**
 * The page heading; takes focus when the view changes, so screen readers hear where they are, and names the
 * browser tab after the view (WCAG 2.4.2).
 */
export function PageTitle({ children, focus = true }: { children: string; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (focus) ref.current?.focus()
  }, [])
  useEffect(() => {
    document.title = `${children} – ${t.appName}`
  }, [children])
  return (
    <h1 tabIndex={-1} ref={ref}>
      {children}
    </h1>
  )
}

/**
 * An API failure in words an editor can act on: by the answer's code, else by its status. Never the answer's
 * English sentence (issue 17), which is for logs and API clients.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return t.errorServer
  if (error.status === 0) return t.errorNetwork
  if (error.code) return errorCodeText[error.code]
  if (error.status === 403) return t.errorForbidden
  if (error.status === 404) return t.errorNotFound
  if (error.status === 400 || error.status === 409) return errorCodeText.bad_request
  return t.errorServer
}

/**
 * Gives `target` focus when the browser has dropped it to the body: an action's button was disabled while it
 * ran, or removed by its outcome («Lagre», «Publiser nå», «Avpubliser», issue 17, WCAG 2.4.3). Focus that is
 * somewhere (an editor typing on) is left where it is.
 */
export function focusIfLost(target: { focus(): void } | null | undefined, doc: Pick<Document, 'activeElement' | 'body'> = document): void {
  if (!doc.activeElement || doc.activeElement === doc.body) target?.focus()
}

/** An error message that is read out as it appears. */
export function Alert({ children }: { children: ComponentChildren }) {
  return (
    <div class="notice notice-error" role="alert">
      {children}
    </div>
  )
}

/** Moves focus into the field an error link points at (a fragment link alone would only scroll). */
function focusField(event: MouseEvent) {
  const id = (event.currentTarget as HTMLAnchorElement).hash.slice(1)
  const target = document.getElementById(id)
  if (!target) return
  event.preventDefault()
  const focusable = target.matches('input, select, textarea, button') ? target : target.querySelector<HTMLElement>('input, select, textarea, button')
  ;(focusable ?? target).focus()
  target.scrollIntoView({ block: 'center' })
}

/** A list of what to fix, linking to each field; focused when it appears (GOV.UK's error summary pattern). */
export function ErrorSummary({ errors, labels }: { errors: Array<{ path: string; text: string; target?: string }>; labels: (path: string) => string }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (errors.length) ref.current?.focus()
  }, [errors.map((error) => error.path + error.text).join()])
  if (!errors.length) return null
  return (
    <div class="notice notice-error error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t.errorSummary}</h2>
      <ul>
        {errors.map((error) => (
          <li>
            <a href={`#${error.target ?? fieldId(error.path)}`} onClick={focusField}>
              {labels(error.path)}: {error.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}

export function Loading() {
  return (
    <p class="loading" role="status">
      {t.loading}
    </p>
  )
}

import type { ComponentChildren } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import type { TenantApi } from '../api/endpoints.ts'
import { typeText } from '../../site/text.ts'
import { Alert, describeError, Loading, PageTitle } from '../components/common.tsx'
import { useWorkspace } from '../context.ts'
import { formatShortDateTime } from '../text/format.ts'
import { newsletterText as t } from './newsletter-text.ts'

type Overview = Awaited<ReturnType<TenantApi['newsletter']>>
type Preview = Awaited<ReturnType<TenantApi['previewIssue']>>

/** A labelled field with a hint its control names in `aria-describedby` (`{id}-hint`). */
function Hinted(props: { id: string; label: string; hint: string; children: ComponentChildren }) {
  return (
    <p>
      <label for={props.id}>{props.label}</label>
      <span class="hint" id={`${props.id}-hint`}>
        {props.hint}
      </span>
      {props.children}
    </p>
  )
}


/**
 * `/redaktor/{tenant}/nyhetsbrev` (issue 14): compose an issue from the edition's recent published items, preview it
 * as the mail will look (in a sandboxed frame: the mail's HTML never runs in the workspace), test-send it to the
 * editor's own address, and send it now or at a time; the scheduler sends. The API keeps other editions out.
 */
export function NewsletterView() {
  const workspace = useWorkspace()
  const [overview, setOverview] = useState<Overview>()
  const [problem, setProblem] = useState<string>()
  const [notice, setNotice] = useState<string>()
  const [preview, setPreview] = useState<Preview>()
  const load = () => workspace.tenantApi.newsletter().then(setOverview, (error) => setProblem(describeError(error)))
  useEffect(() => void load(), [workspace.tenant.id])

  /** The form as the API's draft, or undefined (with the reason shown) when it is not complete. */
  function draftOf(form: HTMLFormElement) {
    const data = new FormData(form)
    const draft = { subject: String(data.get('subject') ?? '').trim(), intro: String(data.get('intro') ?? ''), itemIds: data.getAll('itemIds').map(String) }
    if (!draft.subject || draft.itemIds.length === 0) {
      setProblem(t.chooseItems)
      return undefined
    }
    const sendAt = String(data.get('sendAt') ?? '')
    return { draft, sendAt: sendAt ? new Date(sendAt).toISOString() : undefined }
  }

  function act(event: Event) {
    event.preventDefault()
    const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null
    const form = event.currentTarget as HTMLFormElement
    setProblem(undefined)
    setNotice(undefined)
    const parsed = draftOf(form)
    if (!parsed) return
    const action = submitter?.value ?? 'preview'
    const done =
      action === 'preview'
        ? workspace.tenantApi.previewIssue(parsed.draft).then(setPreview)
        : action === 'test'
          ? workspace.tenantApi.testIssue(parsed.draft).then(({ sentTo }) => setNotice(t.testSent(sentTo)))
          : workspace.tenantApi.scheduleIssue({ ...parsed.draft, ...(parsed.sendAt ? { sendAt: parsed.sendAt } : {}) }).then(() => {
              setNotice(t.scheduled)
              form.reset()
              setPreview(undefined)
              return load()
            })
    done.catch((error) => setProblem(describeError(error)))
  }

  const withdraw = (id: string) =>
    workspace.tenantApi.withdrawIssue(id).then(
      () => (setNotice(t.withdrawn), load()),
      (error) => setProblem(describeError(error)),
    )

  return (
    <>
      <PageTitle>{t.title(workspace.tenant.name)}</PageTitle>
      <p>{t.intro}</p>
      {problem && <Alert>{problem}</Alert>}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {!overview ? (
        !problem && <Loading />
      ) : (
        <>
          <p>{t.subscribers(overview.subscribers)}</p>
          <h2>{t.compose}</h2>
          <form class="newsletter-form" onSubmit={act}>
            <p>
              <label for="nl-subject">{t.subject}</label>
              <input id="nl-subject" name="subject" maxLength={150} required />
            </p>
            <Hinted id="nl-intro" label={t.introLabel} hint={t.introHint}>
              <textarea id="nl-intro" name="intro" rows={5} maxLength={2000} aria-describedby="nl-intro-hint" />
            </Hinted>
            <fieldset>
              <legend>{t.items}</legend>
              {overview.items.length === 0 && <p>{t.noItems}</p>}
              {overview.items.map((item) => (
                <p>
                  <input type="checkbox" name="itemIds" value={item.id} id={`nl-item-${item.id}`} />{' '}
                  <label for={`nl-item-${item.id}`}>
                    {item.title} <span class="muted">({typeText[item.type].one})</span>
                  </label>
                </p>
              ))}
            </fieldset>
            <Hinted id="nl-send-at" label={t.sendAt} hint={t.sendAtHint}>
              <input id="nl-send-at" name="sendAt" type="datetime-local" aria-describedby="nl-send-at-hint" />
            </Hinted>
            <p class="actions">
              <button type="submit" value="preview">
                {t.preview}
              </button>{' '}
              <button type="submit" value="test">
                {t.test}
              </button>{' '}
              <button type="submit" value="schedule">
                {t.schedule}
              </button>
            </p>
          </form>
          {preview && (
            <section aria-labelledby="nl-preview">
              <h2 id="nl-preview">{t.previewTitle}</h2>
              <p>
                <strong>{t.subject}:</strong> {preview.subject}
              </p>
              <iframe title={t.previewTitle} sandbox="" srcdoc={preview.html} style="width:100%;min-height:30rem;border:1px solid #999" />
            </section>
          )}
          <h2>{t.issues}</h2>
          {overview.issues.length === 0 ? (
            <p>{t.noIssues}</p>
          ) : (
            <table>
              <caption class="visually-hidden">{t.issues}</caption>
              <thead>
                <tr>
                  {Object.values(t.columns).map((column) => (
                    <th scope="col">{column}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {overview.issues.map((issue) => (
                  <tr>
                    <td>{issue.subject}</td>
                    <td>{t.status[issue.status]}</td>
                    <td>{formatShortDateTime(issue.sendAt)}</td>
                    <td>{issue.sentCount}</td>
                    <td>
                      {issue.status === 'scheduled' && (
                        <button type="button" onClick={() => withdraw(issue.id)}>
                          {t.withdraw}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  )
}

import { useEffect, useState } from 'preact/hooks'
import type { TenantApi } from '../api/endpoints.ts'
import type { FeedRun, ImportedEvent, PartnerFeed } from '../../../functions/events/partner-feed-model.ts'
import { Alert, describeError, Link, Loading, PageTitle } from '../components/common.tsx'
import { Refused } from '../components/refused.tsx'
import { useConfirm } from '../components/confirm-dialog.tsx'
import { StatsTable } from '../components/stats-table.tsx'
import { useWorkspace } from '../context.ts'
import { paths } from '../routes.ts'
import { formatShortDateTime } from '../text/format.ts'
import { partnerFeedsText as t } from './partner-feeds-text.ts'

/** The edition's feeds and lately imported events, as the route answers them. */
export type PartnerFeedsOverview = Awaited<ReturnType<TenantApi['partnerFeeds']>>

const when = formatShortDateTime

/**
 * `/redaktor/{tenant}/partnerkalendere` (issue 13): the edition's subscriptions to partners' calendars, with what the
 * last fetch brought or why it failed (worded by the API in bokmål), subscribing, "hent nå" and unsubscribing, and the
 * events the feeds brought in with their state. The API keeps other editions out (functions/events/partner-feed-routes.ts).
 */
export function PartnerFeedsView() {
  const workspace = useWorkspace()
  const [overview, setOverview] = useState<PartnerFeedsOverview>()
  const [problem, setProblem] = useState<string>()
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  const confirmation = useConfirm()
  /** A feed asked for with "Hent nå", and its last run then: the list is read again until the scheduler has run it. */
  const [awaited, setAwaited] = useState<{ feed: PartnerFeed; since?: string; tries: number }>()
  const load = () => workspace.tenantApi.partnerFeeds().then(setOverview, (error) => setProblem(describeError(error)))
  useEffect(() => void load(), [workspace.tenant.id])
  useEffect(() => {
    if (!awaited) return
    const run = overview?.feeds.find((feed) => feed.id === awaited.feed.id)?.lastRun
    if (run && run.at !== awaited.since) return (setStatus(t.fetched(awaited.feed.partner)), setAwaited(undefined))
    if (awaited.tries >= 24) return setAwaited(undefined)
    const timer = setTimeout(() => load().then(() => setAwaited({ ...awaited, tries: awaited.tries + 1 })), 5_000)
    return () => clearTimeout(timer)
  }, [awaited, overview])

  /** One action at a time; its outcome is announced, and the list read again. */
  const act = (action: () => Promise<unknown>, done: string) => {
    setBusy(true)
    setProblem(undefined)
    action()
      .then(() => (setStatus(done), load()))
      .catch((error) => setProblem(describeError(error)))
      .finally(() => setBusy(false))
  }

  const subscribe = (event: Event) => {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const data = new FormData(form)
    const partner = String(data.get('partner') ?? '').trim()
    const url = String(data.get('url') ?? '').trim().replace(/^webcal:/i, 'https:')
    if (!partner || !url) return setProblem(t.missing)
    act(() => workspace.tenantApi.subscribePartnerFeed({ partner, url }).then(() => form.reset()), t.subscribed(partner))
  }

  if (!overview) return problem ? <Refused view="partnerFeeds">{problem}</Refused> : <Loading />
  return (
    <>
      <PartnerFeedsPage
        tenant={workspace.tenant.id}
        overview={overview}
        problem={problem}
        status={status}
        busy={busy}
        onSubscribe={subscribe}
        onFetch={(feed) =>
          act(() => workspace.tenantApi.fetchPartnerFeed(feed.id).then(() => setAwaited({ feed, since: feed.lastRun?.at, tries: 0 })), t.fetching(feed.partner))
        }
        onUnsubscribe={async (feed) => (await confirmation.ask(t.confirmUnsubscribe(feed.partner))) && act(() => workspace.tenantApi.unsubscribePartnerFeed(feed.id), t.unsubscribed(feed.partner))}
      />
      {confirmation.dialog}
    </>
  )
}

/** The screen itself, from what the API answered: rendered as is by tests (tests/web/editor/partner-feeds.test.tsx). */
export function PartnerFeedsPage(props: {
  tenant: string
  overview: PartnerFeedsOverview
  problem?: string
  status?: string
  busy?: boolean
  onSubscribe?: (event: Event) => void
  onFetch?: (feed: PartnerFeed) => void
  onUnsubscribe?: (feed: PartnerFeed) => void
}) {
  const { feeds, imported } = props.overview
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p>{t.intro}</p>
      {props.problem && <Alert>{props.problem}</Alert>}
      <p role="status">{props.status}</p>
      <h2>{t.feeds}</h2>
      {feeds.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <StatsTable id="feeds" caption={t.feedsCaption} columns={[t.partner, t.lastRun, t.result, t.actions]}>
          {feeds.map((feed) => (
            <tr key={feed.id}>
              <th scope="row">
                {feed.partner}
                <br />
                <span class="hint">{feed.url}</span>
              </th>
              <td>{feed.lastRun ? when(feed.lastRun.at) : t.never}</td>
              <td>{feed.lastRun && <RunResult run={feed.lastRun} />}</td>
              <td>
                <button type="button" disabled={props.busy} aria-label={t.fetchNowFor(feed.partner)} onClick={() => props.onFetch?.(feed)}>
                  {t.fetchNow}
                </button>{' '}
                <button type="button" disabled={props.busy} aria-label={t.unsubscribeFor(feed.partner)} onClick={() => props.onUnsubscribe?.(feed)}>
                  {t.unsubscribe}
                </button>
              </td>
            </tr>
          ))}
        </StatsTable>
      )}
      <h2>{t.add}</h2>
      <form onSubmit={props.onSubscribe} noValidate>
        <p>
          <label for="feed-partner">{t.partner}</label>
          <span class="hint" id="feed-partner-hint">
            {t.partnerHint}
          </span>
          <input id="feed-partner" name="partner" maxLength={200} required aria-describedby="feed-partner-hint" />
        </p>
        <p>
          <label for="feed-url">{t.url}</label>
          <span class="hint" id="feed-url-hint">
            {t.urlHint}
          </span>
          <input id="feed-url" name="url" type="url" inputMode="url" maxLength={2000} required aria-describedby="feed-url-hint" />
        </p>
        <p>
          <button type="submit" disabled={props.busy}>
            {t.subscribe}
          </button>
        </p>
      </form>
      <h2>{t.imported}</h2>
      {imported.length === 0 ? <p>{t.noneImported}</p> : <ImportedTable tenant={props.tenant} imported={imported} />}
    </>
  )
}

function RunResult({ run }: { run: FeedRun }) {
  if (!run.ok && run.problem) return <p class="notice notice-error">{run.problem.message}</p>
  return (
    <>
      {t.counts(run)} {run.incomplete && t.incomplete}
    </>
  )
}

function ImportedTable({ tenant, imported }: { tenant: string; imported: ImportedEvent[] }) {
  return (
    <StatsTable id="imported" caption={t.importedCaption} columns={[t.event, t.starts, t.from, t.state]}>
      {imported.map((event) => (
        <tr key={`${event.feedId}:${event.uid}`}>
          <th scope="row">{event.status ? <Link href={paths.item(tenant, event.itemId)}>{event.title}</Link> : event.title}</th>
          <td>{when(event.startsAt)}</td>
          <td>{event.partner}</td>
          <td>
            {event.status === 'published' ? <span class="badge badge-published">{t.published}</span> : event.status ? <span class="badge badge-draft">{t.draft}</span> : t.gone}
            {event.removedAt && (
              <>
                {' '}
                <strong class="badge badge-removed">{t.removed}</strong>
              </>
            )}
            {event.changedAfterPublishAt && !event.removedAt && <p class="hint">{t.changedAfterPublish}</p>}
            {event.changedAfterEditAt && !event.changedAfterPublishAt && !event.removedAt && <p class="hint">{t.changedAfterEdit}</p>}
          </td>
        </tr>
      ))}
    </StatsTable>
  )
}

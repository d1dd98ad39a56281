import { useEffect, useState } from 'preact/hooks'
import type { BinEntry } from '../api/endpoints.ts'
import { Alert, describeError, Loading, PageTitle } from '../components/common.tsx'
import { useConfirm } from '../components/confirm-dialog.tsx'
import { Refused } from '../components/refused.tsx'
import { StatsTable } from '../components/stats-table.tsx'
import { useWorkspace } from '../context.ts'
import { formatDay, formatShortDateTime } from '../text/format.ts'
import { typeText } from '../text/ui.ts'
import { binText as t } from './bin-text.ts'

/**
 * `/redaktor/{tenant}/papirkurv` (issue 17): the edition's deleted items, each with the day DynamoDB's TTL removes it,
 * «Gjenopprett» (back as a draft) and «Slett for godt» (asked in the workspace's own dialog). The API keeps other
 * editions out (functions/content/bin-routes.ts).
 */
export function BinView() {
  const workspace = useWorkspace()
  const api = workspace.tenantApi
  const [items, setItems] = useState<BinEntry[]>()
  const [cursor, setCursor] = useState<string | null>(null)
  const [problem, setProblem] = useState<string>()
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  const confirmation = useConfirm()

  const load = (after?: string) =>
    api.listBin(after).then(
      (page) => (setItems((before) => (after ? [...(before ?? []), ...page.items] : page.items)), setCursor(page.nextCursor)),
      (error) => setProblem(describeError(error)),
    )
  useEffect(() => void load(), [workspace.tenant.id])

  /** One action at a time; its outcome is said in the status line and the live region, and the list read again. */
  const act = (action: () => Promise<unknown>, done: string) => {
    setBusy(true)
    setProblem(undefined)
    action()
      .then(() => (setStatus(done), workspace.announce(done), load()))
      .catch((error) => setProblem(describeError(error)))
      .finally(() => setBusy(false))
  }

  if (!items) return problem ? <Refused view="bin">{problem}</Refused> : <Loading />
  return (
    <>
      <BinPage
        items={items}
        problem={problem}
        status={status}
        busy={busy}
        more={Boolean(cursor)}
        onMore={() => cursor && void load(cursor)}
        onRestore={(item) => act(() => api.restoreFromBin(item.id, item.version), t.restored(item.title))}
        onPurge={async (item) => (await confirmation.ask(t.confirmPurge(item.title))) && act(() => api.purgeFromBin(item.id, item.version), t.purged(item.title))}
      />
      {confirmation.dialog}
    </>
  )
}

/** The screen itself, from what the API answered: rendered as is by tests (tests/web/editor/bin.test.tsx). */
export function BinPage(props: {
  items: BinEntry[]
  problem?: string
  status?: string
  busy?: boolean
  more?: boolean
  onMore?: () => void
  onRestore?: (item: BinEntry) => void
  onPurge?: (item: BinEntry) => void
  now?: Date
}) {
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p>{t.intro}</p>
      {props.problem && <Alert>{props.problem}</Alert>}
      <p role="status">{props.status}</p>
      {props.items.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <StatsTable id="bin" caption={t.caption} columns={t.columns}>
          {props.items.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                {item.title}
                <br />
                <span class="hint">{t.deletesAt(formatDay(item.deletesAt, props.now))}</span>
              </th>
              <td>{typeText[item.type].one}</td>
              <td>{t.deletedBy(formatShortDateTime(item.binnedAt), item.binnedBy)}</td>
              <td>
                <button type="button" class="button" disabled={props.busy} aria-label={t.restoreFor(item.title)} onClick={() => props.onRestore?.(item)}>
                  {t.restore}
                </button>{' '}
                <button type="button" class="button button-danger" disabled={props.busy} aria-label={t.purgeFor(item.title)} onClick={() => props.onPurge?.(item)}>
                  {t.purge}
                </button>
              </td>
            </tr>
          ))}
        </StatsTable>
      )}
      {props.more && (
        <button type="button" class="button" disabled={props.busy} onClick={props.onMore}>
          {t.more}
        </button>
      )}
    </>
  )
}

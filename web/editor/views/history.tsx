import { useEffect, useState } from 'preact/hooks'
import { RichText } from '../../site/components/rich-text.tsx'
import type { RevisionSummary, StoredItem } from '../api/types.ts'
import { describeError, Link, Loading, PageTitle, StatusBadge } from '../components/common.tsx'
import { Refused } from '../components/refused.tsx'
import { useConfirm } from '../components/confirm-dialog.tsx'
import { RevisionComparison } from './revision-comparison.tsx'
import { savedByLabel } from './saved-by.ts'
import { useWorkspace } from '../context.ts'
import { formatOslo } from '../form/time.ts'
import { navigate, paths } from '../routes.ts'
import { t } from '../text.ts'

/** Every saved version of an item; any of them can be looked at and restored (as a new version). */
export function HistoryView({ id }: { id: string }) {
  const { tenant, tenantApi, announce, me } = useWorkspace()
  const [item, setItem] = useState<StoredItem>()
  const [revisions, setRevisions] = useState<RevisionSummary[]>()
  const [shown, setShown] = useState<StoredItem>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const confirmation = useConfirm()

  useEffect(() => {
    Promise.all([tenantApi.getItem(id), tenantApi.revisions(id)]).then(
      ([loaded, list]) => {
        setItem(loaded)
        setRevisions(list.items)
      },
      (caught) => setError(describeError(caught)),
    )
  }, [])

  const show = async (revision: number) => {
    try {
      setShown(await tenantApi.revision(id, revision))
      requestAnimationFrame(() => document.getElementById('revision-title')?.focus())
    } catch (caught) {
      setError(describeError(caught))
    }
  }
  const restore = async (revision: number) => {
    if (!item || !(await confirmation.ask(t.confirmRestore(revision)))) return
    setBusy(true)
    try {
      const restored = await tenantApi.restore(id, revision, item.version)
      announce(t.restored(revision, restored.version))
      navigate(paths.item(tenant.id, id))
    } catch (caught) {
      setError(describeError(caught))
      setBusy(false)
    }
  }

  if (error) return <Refused view="history">{error}</Refused>
  if (!item || !revisions) return <Loading />
  return (
    <>
      <p class="crumbs">
        <Link href={paths.item(tenant.id, id)}>{t.backToItem}</Link>
      </p>
      <PageTitle>{t.historyTitle(item.title)}</PageTitle>
      <p>{t.historyIntro}</p>
      <table class="item-table">
        <thead>
          <tr>
            <th scope="col">{t.colVersion}</th>
            <th scope="col">{t.colSavedAt}</th>
            <th scope="col">{t.colSavedBy}</th>
            <th scope="col">{t.colTitle}</th>
            <th scope="col">{t.colStatus}</th>
            <th scope="col">
              <span class="visually-hidden">{t.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((revision) => (
            <tr key={revision.revision}>
              <td>
                {revision.revision}
                {revision.revision === item.version && <span class="tag">{t.current}</span>}
              </td>
              <td>{formatOslo(revision.savedAt)}</td>
              <td>{savedByLabel(revision, me) ?? ''}</td>
              <td>{revision.title}</td>
              <td>{revision.status && <StatusBadge status={revision.status} />}</td>
              <td class="actions">
                <button type="button" class="button button-small" onClick={() => void show(revision.revision)}>
                  {t.show}
                  <span class="visually-hidden"> {t.version(revision.revision)}</span>
                </button>
                {revision.revision !== item.version && (
                  <button type="button" class="button button-small" disabled={busy} onClick={() => void restore(revision.revision)}>
                    {t.restore}
                    <span class="visually-hidden"> {t.version(revision.revision)}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {revisions.length > 1 && <RevisionComparison id={id} revisions={revisions} current={item.version} />}
      {shown && (
        <section class="panel revision" aria-labelledby="revision-title">
          <h2 id="revision-title" tabIndex={-1}>
            {t.version(shown.version)}: {shown.title}
          </h2>
          <p class="lead">{shown.summary}</p>
          <RichText doc={shown.body} />
        </section>
      )}
      {confirmation.dialog}
    </>
  )
}

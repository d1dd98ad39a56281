import { useEffect, useState } from 'preact/hooks'
import { contentInputSchema, itemPath } from '../../../functions/content/schema.ts'
import { Link, StatusBadge } from '../components/common.tsx'
import { DateTimeField } from '../components/fields.tsx'
import { useWorkspace } from '../context.ts'
import { formatOslo } from '../form/time.ts'
import { paths } from '../routes.ts'
import { t } from '../text.ts'
import { CopyAndDelete } from './copy-delete.tsx'
import { publishingHeadingId, publishShortcut } from './publish-shortcut.tsx'
import type { ItemEditorState } from './use-item-editor.ts'

/** Whether readers see something other than the working copy: compares with the public API's snapshot. */
function useUnpublishedChanges(state: ItemEditorState): boolean {
  const item = state.item
  const [differs, setDiffers] = useState(false)
  useEffect(() => {
    if (!item || item.status !== 'published' || !item.publishedPath) return setDiffers(false)
    const path = `/api/v1/items/${item.tenant}/${item.publishedPath.type}/${item.publishedPath.slug}`
    fetch(path, { headers: { accept: 'application/json' }, cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : undefined))
      .then((published) => {
        const [a, b] = [contentInputSchema.safeParse(published), contentInputSchema.safeParse(item)]
        setDiffers(Boolean(a.success && b.success && JSON.stringify(a.data) !== JSON.stringify(b.data)))
      })
      .catch(() => setDiffers(false))
  }, [item?.version])
  return differs
}

/** Status, preview, publish, schedule, unpublish, archive and featuring: everything that changes what readers see. */
export function PublishPanel({ state, onPreview }: { state: ItemEditorState; onPreview: () => void }) {
  const { tenant } = useWorkspace()
  const item = state.item
  const status = item?.status ?? 'draft'
  const busy = Boolean(state.busy)
  const unpublishedChanges = useUnpublishedChanges(state)
  const [publishAt, setPublishAt] = useState(item?.scheduledPublishAt ?? '')
  const [unpublishAt, setUnpublishAt] = useState(item?.scheduledUnpublishAt ?? '')
  useEffect(() => {
    setPublishAt(item?.scheduledPublishAt ?? '')
    setUnpublishAt(item?.scheduledUnpublishAt ?? '')
  }, [item?.scheduledPublishAt, item?.scheduledUnpublishAt])
  const featured = Boolean(item?.featuredIn?.[tenant.id])
  const live = status === 'published'

  return (
    <section class="panel publish-panel" aria-labelledby={publishingHeadingId}>
      <h2 id={publishingHeadingId} tabIndex={-1} aria-keyshortcuts={publishShortcut}>
        {t.publishing}
      </h2>
      <p class="hint">{t.publishingShortcutHint}</p>
      <p class="status-line">
        <StatusBadge status={status} />
        {item && <span class="muted"> {t.version(item.version)}</span>}
      </p>
      {item?.publishedAt && live && <p>{t.publishedAt(formatOslo(item.publishedAt))}</p>}
      {item?.scheduledPublishAt && <p>{t.scheduledFor(formatOslo(item.scheduledPublishAt))}</p>}
      {item?.scheduledUnpublishAt && <p>{t.unpublishFor(formatOslo(item.scheduledUnpublishAt))}</p>}
      {item?.scheduleFailure && (
        <div class="notice notice-error">
          <p>{t.scheduleFailed(item.scheduleFailure.action, formatOslo(item.scheduleFailure.at))}</p>
          <p>{t.scheduleFailedReason(item.scheduleFailure.reason)}</p>
          <p>{t.scheduleFailedNext}</p>
        </div>
      )}
      {live && (state.dirty || unpublishedChanges) && <p class="notice notice-warning">{t.hasUnpublishedChanges}</p>}
      {live && item?.publishedPath && (
        <p>
          <a href={itemPath({ tenant: tenant.id, ...item.publishedPath })} target="_blank" rel="noopener">
            {t.viewOnSite}
            <span class="visually-hidden"> {t.opensInNewTab}</span>
          </a>
        </p>
      )}
      <div class="button-stack">
        <button type="button" class="button" disabled={busy} onClick={onPreview}>
          {state.busy === 'preview' ? t.loading : t.preview}
        </button>
        {(!live || state.dirty || unpublishedChanges) && (
          <button type="button" class="button button-primary" disabled={busy} onClick={() => void state.publish()}>
            {state.busy === 'publish' ? t.loading : live ? t.publishChanges : t.publishNow}
          </button>
        )}
        {live && (
          <button type="button" class="button" disabled={busy} onClick={() => void state.feature(!featured)} aria-pressed={featured ? 'true' : 'false'}>
            {t.feature}
          </button>
        )}
      </div>

      <details class="schedule" open={Boolean(item?.scheduledPublishAt || item?.scheduledUnpublishAt || item?.scheduleFailure)}>
        <summary>{t.scheduleTitle}</summary>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            void state.schedule(live ? null : publishAt || null, unpublishAt || null)
          }}
        >
          <p class="hint">{t.scheduleHint}</p>
          {!live && <DateTimeField path="schedule.publishAt" label={t.publishAt} value={publishAt} onValue={setPublishAt} />}
          <DateTimeField path="schedule.unpublishAt" label={t.unpublishAt} value={unpublishAt} onValue={setUnpublishAt} />
          <button type="submit" class="button" disabled={busy}>
            {t.schedule}
          </button>
        </form>
      </details>

      {item && (
        <div class="button-stack danger-zone">
          {live && (
            <button type="button" class="button" disabled={busy} onClick={() => void state.unpublish()}>
              {t.unpublish}
            </button>
          )}
          {status !== 'archived' && (
            <button type="button" class="button button-danger" disabled={busy} onClick={() => void state.archive()}>
              {t.archive}
            </button>
          )}
          <CopyAndDelete item={item} busy={busy} />
          <Link href={paths.history(tenant.id, item.id)}>{t.history}</Link>
        </div>
      )}
    </section>
  )
}

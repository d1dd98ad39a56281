import { useState } from 'preact/hooks'
import type { MediaQuery } from '../api/endpoints.ts'
import type { Media } from '../api/types.ts'
import { scormText } from '../views/scorm-text.ts'
import { Alert, Loading } from '../components/common.tsx'
import { useConfirm } from '../components/confirm-dialog.tsx'
import { MoreButton, usePaged } from '../components/paged.tsx'
import { useWorkspace } from '../context.ts'
import { t, uploadText } from '../text.ts'
import { formatBytes, formatShortDateTime } from '../text/format.ts'
import { AltTextForm } from './alt-text.tsx'
import { deleteFiles } from './delete.ts'
import { focalStyle } from '../../site/components/focal-style.ts'
import { FocalPoint } from './focal-point.tsx'
import { libraryText } from './library-text.ts'
import { MediaUse } from './media-use.tsx'

/**
 * The library's files as `query` asks (search, kind, status, order; the API pages them), more on request; new
 * uploads are added at the top as they finish. `truncated`: a name or size order covers only part of a huge library.
 */
export function useMediaPages(query: MediaQuery) {
  const { tenantApi } = useWorkspace()
  const [truncated, setTruncated] = useState(false)
  const [useCountsComplete, setUseCountsComplete] = useState(true)
  const paged = usePaged(
    (cursor) => tenantApi.listMedia(query, cursor).then((page) => (setTruncated(page.truncated), setUseCountsComplete(page.useCountsComplete), page)),
    [query.q, query.kind, query.status, query.usage, query.sort],
  )
  const { setItems } = paged
  return {
    ...paged,
    truncated,
    useCountsComplete,
    // A new upload is used by nothing yet; a changed file keeps the count it was listed with.
    add: (media: Media) => setItems((current) => [{ ...media, useCount: 0 }, ...(current ?? []).filter((item) => item.id !== media.id)]),
    replace: (media: Media) => setItems((current) => current?.map((item) => (item.id === media.id ? { ...item, ...media } : item))),
    remove: (ids: string[]) => setItems((current) => current?.filter((item) => !ids.includes(item.id))),
  }
}
export type MediaPages = ReturnType<typeof useMediaPages>

/** Which files are ticked for «Slett valgte» (the library only; the picker has none). */
export interface Selection {
  selected: ReadonlySet<string>
  toggle: (id: string, on: boolean) => void
}

interface ListProps {
  pages: MediaPages
  /** Picking: a "Velg" button per file (images need alt text first). Otherwise: alt text and delete. */
  onPick?: (media: Media) => void
  selection?: Selection
  /** What an empty list says: the picker's "none yet", the library's "none match" when it is searched. */
  empty?: string
}

export function MediaList({ pages, onPick, selection, empty = t.noMedia }: ListProps) {
  const { tenantApi, announce } = useWorkspace()
  const [error, setError] = useState<string>()
  const confirmation = useConfirm()
  if (!pages.items) return <Loading />
  const items = pages.items
  const remove = async (media: Media) => {
    if (!(await confirmation.ask(t.confirmDeleteMedia(media.filename)))) return
    const { kept } = await deleteFiles(tenantApi, [media])
    if (kept[0]) return setError(kept[0].reason)
    // The deleted card's button goes with it: focus moves to the next file's, else the previous one's, else the heading.
    const index = items.findIndex((item) => item.id === media.id)
    const neighbour = items[index + 1] ?? items[index - 1]
    pages.remove([media.id])
    setError(undefined)
    announce(t.mediaDeleted)
    requestAnimationFrame(() => (document.getElementById(neighbour ? `delete-${neighbour.id}` : '') ?? document.querySelector<HTMLElement>('h1'))?.focus())
  }
  return (
    <>
      {(error || pages.error) && <Alert>{error ?? pages.error}</Alert>}
      {pages.items.length === 0 ? (
        <p class="empty">{empty}</p>
      ) : (
        <ul class="media-grid">
          {pages.items.map((media) => (
            <li key={media.id} class="media-card">
              {selection && (
                <label class="media-card-select">
                  <input type="checkbox" checked={selection.selected.has(media.id)} onChange={(event) => selection.toggle(media.id, (event.currentTarget as HTMLInputElement).checked)} />
                  {libraryText.select}
                  <span class="visually-hidden"> {media.title ?? media.filename}</span>
                </label>
              )}
              {media.kind === 'image' && media.status === 'ready' ? <img src={media.path} alt={media.alt ?? ''} loading="lazy" class="media-card-thumb" style={focalStyle(media.focalPoint)} /> : <span class="media-card-kind">{t.kindText[media.kind]}</span>}
              <p class="media-card-name">{media.title ?? media.filename}</p>
              {/* Picking, the saved alt text tells images apart for an editor who cannot see them (ATAG A.2.1.1). */}
              {onPick && media.alt && (
                <p class="media-card-alt">
                  <span class="muted">{t.altTextShown}</span> {media.alt}
                </p>
              )}
              <p class="muted">
                {t.kindText[media.kind]} · {formatBytes(media.bytes)}
                {media.width && media.height ? ` · ${media.width}×${media.height}` : ''}
                {media.scorm ? ` · ${scormText.verdict(media.scorm)}` : ''} · {libraryText.uploaded(formatShortDateTime(media.createdAt))}
              </p>
              {!onPick && <MediaUse media={media} complete={pages.useCountsComplete} />}
              {media.status !== 'ready' && <MediaStatus media={media} />}
              {media.status !== 'ready' ? null : media.kind === 'image' && (media.needsAlt || !onPick) ? (
                <AltTextForm media={media} submitLabel={onPick ? t.saveAltAndChoose : undefined} onSaved={(saved) => (pages.replace(saved), onPick?.(saved))} />
              ) : null}
              {!onPick && media.status === 'ready' && media.kind === 'image' && <FocalPoint media={media} onSaved={pages.replace} />}
              {onPick && media.status === 'ready' && !(media.kind === 'image' && media.needsAlt) && (
                <button type="button" class="button button-primary" onClick={() => onPick(media)}>
                  {t.choose}
                  <span class="visually-hidden"> {media.title ?? media.filename}</span>
                </button>
              )}
              {!onPick && (
                <button type="button" class="button button-quiet button-danger" id={`delete-${media.id}`} onClick={() => void remove(media)}>
                  {t.deleteMedia}
                  <span class="visually-hidden"> {media.filename}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <MoreButton paged={pages} />
      {confirmation.dialog}
    </>
  )
}

/** A file that is not usable (yet): still uploading, being checked, or refused with the reason in bokmål. */
function MediaStatus({ media }: { media: Media }) {
  if (media.status === 'refused')
    return (
      <p class="field-error">
        <strong class="error-prefix">{uploadText.refusedStatus}:</strong> {media.reason ? uploadText.refused[media.reason] : uploadText.refusedUnknown}
      </p>
    )
  return <p class="hint">{media.status === 'processing' ? uploadText.processingStatus : uploadText.pendingStatus}</p>
}

import { useState } from 'preact/hooks'
import { ApiError } from '../api/client.ts'
import type { Media, MediaKind } from '../api/types.ts'
import { scormText } from '../views/scorm-text.ts'
import { Alert, describeError, Loading } from '../components/common.tsx'
import { useConfirm } from '../components/confirm-dialog.tsx'
import { MoreButton, usePaged } from '../components/paged.tsx'
import { useWorkspace } from '../context.ts'
import { t, uploadText } from '../text.ts'
import { formatBytes } from '../text/format.ts'
import { AltTextForm } from './alt-text.tsx'
import { usedInTitles } from './in-use.ts'

/** The library's files, newest first, paged; new uploads are added at the top as they finish. */
export function useMediaPages(kind: MediaKind | undefined) {
  const { tenantApi } = useWorkspace()
  const paged = usePaged((cursor) => tenantApi.listMedia(kind, cursor), [kind])
  const { setItems } = paged
  return {
    ...paged,
    add: (media: Media) => setItems((current) => [media, ...(current ?? []).filter((item) => item.id !== media.id)]),
    replace: (media: Media) => setItems((current) => current?.map((item) => (item.id === media.id ? media : item))),
    remove: (id: string) => setItems((current) => current?.filter((item) => item.id !== id)),
  }
}
export type MediaPages = ReturnType<typeof useMediaPages>

interface ListProps {
  pages: MediaPages
  /** Picking: a "Velg" button per file (images need alt text first). Otherwise: alt text and delete. */
  onPick?: (media: Media) => void
}

export function MediaList({ pages, onPick }: ListProps) {
  const { tenantApi, announce } = useWorkspace()
  const [error, setError] = useState<string>()
  const confirmation = useConfirm()
  if (!pages.items) return <Loading />
  const items = pages.items
  const remove = async (media: Media) => {
    if (!(await confirmation.ask(t.confirmDeleteMedia(media.filename)))) return
    try {
      await tenantApi.deleteMedia(media.id)
      // The deleted card's button goes with it: focus moves to the next file's, else the previous one's, else the heading.
      const index = items.findIndex((item) => item.id === media.id)
      const neighbour = items[index + 1] ?? items[index - 1]
      pages.remove(media.id)
      setError(undefined)
      announce(t.mediaDeleted)
      requestAnimationFrame(() => (document.getElementById(neighbour ? `delete-${neighbour.id}` : '') ?? document.querySelector<HTMLElement>('h1'))?.focus())
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'media_in_use') {
        const name = media.title ?? media.filename
        const users = await usedInTitles(tenantApi, media.id).catch(() => ({ titles: [], others: 0 }))
        return setError(t.mediaInUse(name, users.titles, users.others))
      }
      setError(describeError(caught))
    }
  }
  return (
    <>
      {(error || pages.error) && <Alert>{error ?? pages.error}</Alert>}
      {pages.items.length === 0 ? (
        <p class="empty">{t.noMedia}</p>
      ) : (
        <ul class="media-grid">
          {pages.items.map((media) => (
            <li key={media.id} class="media-card">
              {media.kind === 'image' && media.status === 'ready' ? <img src={media.path} alt={media.alt ?? ''} loading="lazy" class="media-card-thumb" /> : <span class="media-card-kind">{t.kindText[media.kind]}</span>}
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
                {media.scorm ? ` · ${scormText.verdict(media.scorm)}` : ''}
              </p>
              {media.status !== 'ready' && <MediaStatus media={media} />}
              {media.status !== 'ready' ? null : media.kind === 'image' && (media.needsAlt || !onPick) ? (
                <AltTextForm media={media} submitLabel={onPick ? t.saveAltAndChoose : undefined} onSaved={(saved) => (pages.replace(saved), onPick?.(saved))} />
              ) : null}
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

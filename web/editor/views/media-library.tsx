import { useState } from 'preact/hooks'
import { mediaKinds } from '../../../functions/media/kinds.ts'
import { mediaSorts, mediaStatusFilters, mediaUsageFilters } from '../../../functions/media/listing.ts'
import type { MediaQuery } from '../api/endpoints.ts'
import { Link, PageTitle } from '../components/common.tsx'
import { FilterSelect } from '../components/fields.tsx'
import { useWorkspace } from '../context.ts'
import { BulkDelete, useSelection } from '../media/bulk-delete.tsx'
import { libraryQueryString, readLibraryQuery } from '../media/library-query.ts'
import { libraryText } from '../media/library-text.ts'
import { MediaList, useMediaPages } from '../media/media-list.tsx'
import { Uploader } from '../media/uploader.tsx'
import { navigate, paths, useLocation } from '../routes.ts'
import { t } from '../text.ts'

/**
 * The tenant's media as editors know it from WordPress (issue 17): upload; search, filter and sort (done by the API,
 * which pages the library; kept in the address, so reload and back keep them); alt text for images; where each file
 * is used; delete one file or several that nothing uses («Ikke i bruk», «Velg alle synlige», «Slett valgte»).
 */
export function MediaLibrary() {
  const { tenant } = useWorkspace()
  const { search } = useLocation()
  const query = readLibraryQuery(search)
  const listing = libraryQueryString(query)
  const pages = useMediaPages(query)
  const selection = useSelection()
  // The workspace mounts the view afresh for each address (back and forward too), so the form starts from it.
  const [draft, setDraft] = useState<MediaQuery>(query)
  const set = (name: keyof MediaQuery) => (value: string | undefined) => setDraft((current) => ({ ...current, [name]: value }))
  const apply = (event: Event) => {
    event.preventDefault()
    void navigate(paths.media(tenant.id) + libraryQueryString(draft))
  }
  // A new upload is used by nothing yet: it belongs in «Ikke i bruk», never in «I bruk».
  const fits = (kind: string) => !query.q && !query.status && query.usage !== 'used' && (!query.kind || query.kind === kind)

  return (
    <>
      <PageTitle>{t.mediaTitle}</PageTitle>
      <section aria-labelledby="upload-title" class="panel">
        <h2 id="upload-title">{t.uploadTitle}</h2>
        <Uploader onUploaded={(media) => fits(media.kind) && pages.add(media)} />
      </section>
      <section aria-labelledby="files-title">
        <h2 id="files-title">{t.files}</h2>
        <form class="filters" role="search" aria-labelledby="files-title" onSubmit={apply}>
          <div class="field">
            <label for="media-q">{libraryText.search}</label>
            <input id="media-q" type="search" maxLength={100} value={draft.q ?? ''} onInput={(event) => set('q')((event.currentTarget as HTMLInputElement).value || undefined)} />
          </div>
          <FilterSelect id="media-kind" label={t.kind} value={draft.kind} options={mediaKinds.map((kind) => ({ value: kind, label: t.kindText[kind] ?? kind }))} onValue={set('kind')} />
          <FilterSelect id="media-status" label={libraryText.status} value={draft.status} options={mediaStatusFilters.map((status) => ({ value: status, label: libraryText.statusText[status] }))} onValue={set('status')} />
          <FilterSelect id="media-usage" label={libraryText.usage} value={draft.usage} options={mediaUsageFilters.map((usage) => ({ value: usage, label: libraryText.usageText[usage] }))} onValue={set('usage')} />
          <div class="field">
            <label for="media-sort">{libraryText.sort}</label>
            <select id="media-sort" value={draft.sort ?? 'newest'} onChange={(event) => set('sort')((event.currentTarget as HTMLSelectElement).value)}>
              {mediaSorts.map((sort) => (
                <option value={sort}>{libraryText.sortText[sort]}</option>
              ))}
            </select>
          </div>
          <div class="filter-actions">
            <button type="submit" class="button">
              {libraryText.showResults}
            </button>
            {listing && <Link href={paths.media(tenant.id)}>{libraryText.resetFilters}</Link>}
          </div>
        </form>
        {/* Polite: said once the list has loaded, not over what the editor is doing. */}
        <p role="status" class="muted">
          {pages.items ? libraryText.count(pages.items.length, Boolean(pages.more)) : ''}
        </p>
        {pages.truncated && <p class="hint">{libraryText.truncated}</p>}
        <BulkDelete pages={pages} selection={selection} />
        <MediaList pages={pages} selection={selection} empty={listing ? libraryText.noMatches : t.noMedia} />
      </section>
    </>
  )
}

import { useState } from 'preact/hooks'
import { contentTypes, statuses } from '../../../functions/content/schema.ts'
import type { ItemQuery } from '../api/endpoints.ts'
import { Alert, Link, Loading, PageTitle, StatusBadge } from '../components/common.tsx'
import { FilterSelect } from '../components/fields.tsx'
import { MoreButton, usePaged } from '../components/paged.tsx'
import { useWorkspace } from '../context.ts'
import { formatOslo } from '../form/time.ts'
import { navigate, paths } from '../routes.ts'
import { statusText, t, typeText } from '../text.ts'

/** The tenant's items, newest first, with status, type, topic and title-search filters kept in the URL. */
export function ItemList({ filter }: { filter: ItemQuery }) {
  const { tenant, tenantApi, topics } = useWorkspace()
  const paged = usePaged((cursor) => tenantApi.listItems({ ...filter, cursor }))
  const { items, error } = paged
  const [draft, setDraft] = useState<ItemQuery>(filter)

  const apply = (event: Event) => {
    event.preventDefault()
    navigate(paths.items(tenant.id, draft))
  }
  const set = (name: keyof ItemQuery) => (value: string | undefined) => setDraft({ ...draft, [name]: value })
  const filtered = Object.values(filter).some(Boolean)

  return (
    <>
      <div class="page-head">
        <PageTitle>{t.itemsTitle}</PageTitle>
        <NewItemMenu tenant={tenant.id} />
      </div>
      <form class="filters" role="search" onSubmit={apply}>
        <div class="field">
          <label for="filter-q">{t.search}</label>
          <input id="filter-q" type="search" value={draft.q ?? ''} onInput={(event) => set('q')((event.currentTarget as HTMLInputElement).value || undefined)} />
        </div>
        <FilterSelect id="filter-status" label={t.status} value={draft.status} options={statuses.map((status) => ({ value: status, label: statusText[status] }))} onValue={set('status')} />
        <FilterSelect id="filter-type" label={t.type} value={draft.type} options={contentTypes.map((type) => ({ value: type, label: typeText[type].one }))} onValue={set('type')} />
        {topics.length > 0 && (
          <FilterSelect id="filter-topic" label={t.topic} value={draft.topic} options={topics.map((topic) => ({ value: topic.slug, label: topic.name }))} onValue={set('topic')} />
        )}
        <div class="filter-actions">
          <button type="submit" class="button">
            {t.showResults}
          </button>
          {filtered && <Link href={paths.items(tenant.id)}>{t.resetFilters}</Link>}
        </div>
      </form>
      {error && <Alert>{error}</Alert>}
      {items === undefined ? (
        <Loading />
      ) : items.length === 0 ? (
        <p class="empty">{t.noItems}</p>
      ) : (
        <table class="item-table">
          <caption class="visually-hidden">{t.itemsTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colTitle}</th>
              <th scope="col">{t.colType}</th>
              <th scope="col">{t.colStatus}</th>
              <th scope="col">{t.colUpdated}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>
                  <Link href={paths.item(tenant.id, item.id)}>{item.title}</Link>
                  {item.sharedNationally && <span class="tag">{t.sharedBadge}</span>}
                </td>
                <td>{typeText[item.type].one}</td>
                <td>
                  <StatusBadge status={item.status} />
                  {item.scheduledPublishAt && <span class="cell-note">{t.scheduledFor(formatOslo(item.scheduledPublishAt))}</span>}
                </td>
                <td>{formatOslo(item.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MoreButton paged={paged} />
    </>
  )
}

/** "Nytt innhold" opens a plain list of links, one per type (a native disclosure: no menu widget needed). */
export function NewItemMenu({ tenant }: { tenant: string }) {
  // Escape closes the list and gives focus back to its button, as a menu button would (issue 17).
  const closeOnEscape = (event: KeyboardEvent) => {
    const details = event.currentTarget as HTMLDetailsElement
    if (event.key !== 'Escape' || !details.open) return
    event.preventDefault()
    details.open = false
    details.querySelector('summary')?.focus()
  }
  return (
    <details class="new-items" onKeyDown={closeOnEscape}>
      <summary class="button button-primary">
        {t.newItem}
        {/* Decoration only: a screen reader already hears that the summary expands (issue 17). */}
        <span aria-hidden="true"> ▾</span>
      </summary>
      <ul>
        {contentTypes.map((type) => (
          <li>
            <Link href={paths.newItem(tenant, type)}>{typeText[type].new}</Link>
          </li>
        ))}
      </ul>
    </details>
  )
}

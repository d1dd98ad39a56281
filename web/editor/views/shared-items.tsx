import { useEffect, useState } from 'preact/hooks'
import { contentTypes, itemPath, type ContentType } from '../../../functions/content/schema.ts'
import { editionNameIn, readEditionNames, type EditionName } from '../api/public.ts'
import type { SharedItem } from '../api/types.ts'
import { Alert, describeError, Loading, PageTitle } from '../components/common.tsx'
import { FilterSelect } from '../components/fields.tsx'
import { MoreButton, usePaged } from '../components/paged.tsx'
import { useWorkspace } from '../context.ts'
import { formatOslo } from '../form/time.ts'
import { t, typeText } from '../text.ts'

/** Items other editions shared nationally; following one shows it in this edition without copying it. */
export function SharedItems() {
  const { me, tenantApi, announce } = useWorkspace()
  const [type, setType] = useState<ContentType | undefined>()
  const paged = usePaged((cursor) => tenantApi.shared(type, cursor), [type])
  const { items, setItems, error, setError } = paged

  const toggle = async (item: SharedItem) => {
    try {
      if (item.followed) await tenantApi.unfollow(item.tenant, item.id)
      else await tenantApi.follow(item.tenant, item.id)
      setItems((current) => current?.map((candidate) => (candidate === item ? { ...item, followed: !item.followed } : candidate)))
      announce(item.followed ? t.unfollowed(item.title) : t.followed(item.title))
    } catch (caught) {
      setError(describeError(caught))
    }
  }
  const [editions, setEditions] = useState<EditionName[]>(me.tenants)
  useEffect(() => {
    void readEditionNames().then((names) => names.length > 0 && setEditions(names))
  }, [])
  const tenantName = (id: string) => editionNameIn(editions, id)

  return (
    <>
      <PageTitle>{t.sharedTitle}</PageTitle>
      <p>{t.sharedIntro}</p>
      <div class="filters">
        <FilterSelect id="shared-type" label={t.type} value={type} options={contentTypes.map((candidate) => ({ value: candidate, label: typeText[candidate].one }))} onValue={(value) => setType(value as ContentType | undefined)} />
      </div>
      {error && <Alert>{error}</Alert>}
      {!items ? (
        <Loading />
      ) : items.length === 0 ? (
        <p class="empty">{t.noShared}</p>
      ) : (
        <ul class="shared-list">
          {items.map((item) => (
            <li key={`${item.tenant}/${item.id}`} class="panel shared-item">
              <h2 class="shared-title">
                <a href={itemPath(item)} target="_blank" rel="noopener">
                  {item.title}
                  <span class="visually-hidden"> {t.opensInNewTab}</span>
                </a>
              </h2>
              <p class="muted">
                {typeText[item.type].one} · {t.from(tenantName(item.tenant))}
                {item.publishedAt ? ` · ${formatOslo(item.publishedAt)}` : ''}
              </p>
              {item.summary && <p>{item.summary}</p>}
              <div class="button-row">
                {item.followed && <span class="tag tag-success">{t.following}</span>}
                <button type="button" class="button" onClick={() => void toggle(item)}>
                  {item.followed ? t.unfollow : t.follow}
                  <span class="visually-hidden"> {item.title}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <MoreButton paged={paged} />
    </>
  )
}

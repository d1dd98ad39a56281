import { useEffect, useState } from 'preact/hooks'
import type { Page } from '../api/types.ts'
import { t } from '../text.ts'
import { describeError } from './common.tsx'

/** A cursor-paged list from the API: the first page on load (and when `deps` change), more on request. */
export function usePaged<T>(fetchPage: (cursor?: string) => Promise<Page<T>>, deps: unknown[] = []) {
  const [items, setItems] = useState<T[]>()
  const [cursor, setCursor] = useState<string | null>(null)
  const [error, setError] = useState<string>()
  const [loadingMore, setLoadingMore] = useState(false)
  const load = async (after?: string) => {
    try {
      const page = await fetchPage(after)
      setItems((current) => (after ? [...(current ?? []), ...page.items] : page.items))
      setCursor(page.nextCursor)
      setError(undefined)
    } catch (caught) {
      setError(describeError(caught))
      setItems((current) => current ?? [])
    }
  }
  useEffect(() => {
    setItems(undefined)
    void load()
  }, deps)
  return {
    items,
    setItems,
    error,
    setError,
    loadingMore,
    more: cursor
      ? async () => {
          setLoadingMore(true)
          await load(cursor)
          setLoadingMore(false)
        }
      : undefined,
  }
}
export type Paged<T> = ReturnType<typeof usePaged<T>>

export function MoreButton({ paged }: { paged: { more?: () => Promise<void>; loadingMore: boolean } }) {
  if (!paged.more) return null
  return (
    <p>
      <button type="button" class="button" disabled={paged.loadingMore} onClick={() => void paged.more?.()}>
        {paged.loadingMore ? t.loading : t.showMore}
      </button>
    </p>
  )
}

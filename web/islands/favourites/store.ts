/**
 * A reader's favourites, kept in this browser's localStorage only (issue 14: no account, no cookie, nothing sent):
 * the page's path, its title as the reader saw it (shown while the cards load, and for an item since withdrawn) and
 * when it was added. Stored shape: [{ p: path, t: title, a: time }], newest first.
 */
export interface Favourite {
  p: string
  t: string
  a: number
}

export const FAVOURITES_KEY = 'kompetansebroen-favoritter'

type Store = Pick<Storage, 'getItem' | 'setItem'>

export function favouritesIn(storage: Store = localStorage) {
  const read = (): Favourite[] => {
    try {
      const stored: unknown = JSON.parse(storage.getItem(FAVOURITES_KEY) ?? '[]')
      return Array.isArray(stored) ? stored.filter((entry): entry is Favourite => typeof entry?.p === 'string') : []
    } catch {
      return []
    }
  }
  const write = (list: Favourite[]) => {
    try {
      storage.setItem(FAVOURITES_KEY, JSON.stringify(list))
    } catch {
      // Storage full or blocked (private mode in some browsers): the page still works, the favourite is not kept.
    }
  }
  const store = {
    list: read,
    has: (path: string) => read().some((entry) => entry.p === path),
    remove: (path: string) => write(read().filter((entry) => entry.p !== path)),
    /** Adds or removes `path`; true when it is a favourite afterwards (false when the storage refused the write). */
    toggle(path: string, title: string): boolean {
      if (store.has(path)) store.remove(path)
      else write([{ p: path, t: title, a: Date.now() }, ...read()])
      return store.has(path)
    },
    /** Adds the paths not yet here (from a link, web/islands/favourites/codec.ts); returns how many were new. */
    merge(entries: Array<{ p: string; t: string }>): number {
      const list = read()
      const known = new Set(list.map((entry) => entry.p))
      const added = entries.filter((entry) => !known.has(entry.p) && known.add(entry.p)).map((entry) => ({ ...entry, a: Date.now() }))
      write([...added, ...list])
      return added.length
    },
    /** Keeps the title the cards came with, so a favourite withdrawn later is still named. */
    retitle(titles: Map<string, string>) {
      const list = read()
      if (list.some((entry) => titles.has(entry.p) && titles.get(entry.p) !== entry.t)) write(list.map((entry) => ({ ...entry, t: titles.get(entry.p) ?? entry.t })))
    },
  }
  return store
}

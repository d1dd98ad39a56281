import { describe, expect, it } from 'vitest'
import { decodeFavourites, encodeFavourites, MAX_LINK_FAVOURITES } from '../../../web/islands/favourites/codec.ts'
import { FAVOURITES_KEY, favouritesIn } from '../../../web/islands/favourites/store.ts'

/** A localStorage of its own per test; `full` makes every write throw, as a full or blocked store does. */
function memoryStorage(initial?: string, full = false) {
  const values = new Map<string, string>(initial === undefined ? [] : [[FAVOURITES_KEY, initial]])
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (full) throw new DOMException('QuotaExceededError')
      values.set(key, value)
    },
  }
}

describe('favourites store (issue 14)', () => {
  it('adds with the press of the button, newest first, and removes with the next press', () => {
    const favourites = favouritesIn(memoryStorage())
    expect(favourites.toggle('/akershus/artikler/a', 'A')).toBe(true)
    expect(favourites.toggle('/innlandet/film/b', 'B')).toBe(true)
    expect(favourites.list().map((entry) => [entry.p, entry.t])).toEqual([
      ['/innlandet/film/b', 'B'],
      ['/akershus/artikler/a', 'A'],
    ])
    expect(favourites.has('/akershus/artikler/a')).toBe(true)
    expect(favourites.toggle('/akershus/artikler/a', 'A')).toBe(false)
    expect(favourites.list().map((entry) => entry.p)).toEqual(['/innlandet/film/b'])
  })

  it('keeps favourites across page loads (a new store over the same storage sees them)', () => {
    const storage = memoryStorage()
    favouritesIn(storage).toggle('/akershus/artikler/a', 'A')
    expect(favouritesIn(storage).has('/akershus/artikler/a')).toBe(true)
  })

  it('merges a link into the list: only new paths are added and counted, nothing is duplicated', () => {
    const favourites = favouritesIn(memoryStorage())
    favourites.toggle('/akershus/artikler/a', 'A')
    const added = favourites.merge([
      { p: '/akershus/artikler/a', t: 'A' },
      { p: '/ostfold/podkast/p/e1', t: 'E1' },
      { p: '/ostfold/podkast/p/e1', t: 'E1' },
    ])
    expect(added).toBe(1)
    expect(favourites.list().map((entry) => entry.p)).toEqual(['/ostfold/podkast/p/e1', '/akershus/artikler/a'])
  })

  it('keeps the newest titles from the cards, so a favourite withdrawn later is still named', () => {
    const favourites = favouritesIn(memoryStorage())
    favourites.merge([{ p: '/akershus/artikler/a', t: '' }])
    favourites.retitle(new Map([['/akershus/artikler/a', 'Demens og ernæring']]))
    expect(favourites.list()[0]!.t).toBe('Demens og ernæring')
  })

  it('treats unreadable or foreign stored data as no favourites, and survives a storage that refuses writes', () => {
    expect(favouritesIn(memoryStorage('{not json')).list()).toEqual([])
    expect(favouritesIn(memoryStorage('{"p":"/a"}')).list()).toEqual([])
    expect(favouritesIn(memoryStorage('[{"p":"/akershus/artikler/a","t":"A","a":1},7,null]')).list()).toHaveLength(1)
    const full = favouritesIn(memoryStorage(undefined, true))
    // The button must not claim a favourite the browser did not keep.
    expect(full.toggle('/akershus/artikler/a', 'A')).toBe(false)
    expect(full.list()).toEqual([])
  })
})

describe('favourites link codec (issue 14)', () => {
  const paths = ['/akershus/artikler/demens-og-ernaering', '/vestfold/podkast/sykepleiepodden/om-sovn', '/innlandet/e-kurs/legemiddelhandtering']

  it('round-trips item and episode paths through the fragment, which browsers never send to a server', () => {
    const fragment = encodeFavourites(paths)
    expect(fragment).toBe('favoritter=akershus/artikler/demens-og-ernaering,vestfold/podkast/sykepleiepodden/om-sovn,innlandet/e-kurs/legemiddelhandtering')
    expect(decodeFavourites(`#${fragment}`)).toEqual(paths)
    const url = new URL(`https://kompetansebroen.no/mine#${fragment}`)
    expect(url.pathname + url.search).toBe('/mine')
  })

  it('reads a link whose fragment a mail program or chat app percent-encoded', () => {
    expect(decodeFavourites(`#favoritter=${encodeURIComponent(paths.map((path) => path.slice(1)).join(','))}`)).toEqual(paths)
  })

  it('is not a favourites link without its key, and drops anything that is not an item or episode page', () => {
    expect(decodeFavourites('#main')).toBeUndefined()
    expect(decodeFavourites('')).toBeUndefined()
    expect(
      decodeFavourites('#favoritter=redaktor/akershus,akershus/blogg/a,akershus/artikler/../../api,akershus/artikler/a,akershus/artikler/a,https://evil.example/x,%E0%A4%A'),
    ).toEqual([])
    expect(decodeFavourites('#favoritter=redaktor/akershus/elementer,akershus/artikler/a,akershus/artikler/a')).toEqual(['/akershus/artikler/a'])
  })

  it(`carries at most ${MAX_LINK_FAVOURITES} favourites either way`, () => {
    const many = Array.from({ length: MAX_LINK_FAVOURITES + 20 }, (_, index) => `/akershus/artikler/sak-${index}`)
    expect(decodeFavourites(encodeFavourites(many))).toHaveLength(MAX_LINK_FAVOURITES)
    expect(decodeFavourites(`favoritter=${many.map((path) => path.slice(1)).join(',')}`)).toHaveLength(MAX_LINK_FAVOURITES)
  })
})

import { contentTypes } from '../../../functions/content/vocabulary.ts'

/**
 * Favourites moved to another device as a link: `/mine#favoritter=akershus/artikler/a,innlandet/podkast/b/c`. They ride
 * in the URL's fragment, which browsers never send to a server, so the list reaches no one but the reader
 * (issue 14). Only item and episode paths go in and come out, each at most once; anything else in a link is ignored.
 */
export const FRAGMENT_KEY = 'favoritter'
export const MAX_LINK_FAVOURITES = 200

const pagePath = new RegExp(`^/[a-z0-9]+(?:-[a-z0-9]+)*/(?:${contentTypes.join('|')})(?:/[a-z0-9]+(?:-[a-z0-9]+)*){1,2}$`)
const isPagePath = (path: string) => path.length <= 200 && pagePath.test(path)

/** The fragment (without `#`) that carries `paths`. */
export const encodeFavourites = (paths: string[]) =>
  `${FRAGMENT_KEY}=${paths
    .filter(isPagePath)
    .slice(0, MAX_LINK_FAVOURITES)
    .map((path) => path.slice(1))
    .join(',')}`

/** The paths a link's fragment (`#…` or without) carries, or undefined when it carries no favourites. */
export function decodeFavourites(fragment: string): string[] | undefined {
  const prefix = `${FRAGMENT_KEY}=`
  const value = fragment.replace(/^#/, '')
  if (!value.startsWith(prefix)) return undefined
  let text: string
  try {
    text = decodeURIComponent(value.slice(prefix.length))
  } catch {
    return []
  }
  const paths = text.split(',').map((part) => `/${part.trim()}`)
  return [...new Set(paths.filter(isPagePath))].slice(0, MAX_LINK_FAVOURITES)
}

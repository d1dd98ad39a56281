import { isContentType, isSlug } from '../../functions/content/vocabulary.ts'

/**
 * What the page-view beacon reports for a page (issue 15): the item an address belongs to, `/{owner}/{type}/{slug}`
 * and its sub-pages (a podcast's episodes, a course's lessons count for the series or course), read on `edition`'s
 * site. Listings, home pages and error pages report nothing. Rendered by the server as a query string into
 * `<meta name="kb-view">`, so the browser sends only what the server wrote.
 */
export function pageViewOf(edition: string, path: string): string | undefined {
  const [, owner = '', type = '', slug = ''] = path.split('?')[0]!.split('/')
  if (!isSlug(owner) || !isContentType(type) || !isSlug(slug)) return undefined
  return new URLSearchParams({ edition, owner, type, slug }).toString()
}

import { itemPath } from './paths.ts'
import { contentTypes, type ContentType } from './schema.ts'

/** Where an item was (or is) visible to readers: its address and the editions listing it. */
export interface Visibility {
  tenant: string
  /** The address readers reach it at; an address answering 410 counts, since its page changes too. */
  path?: { type: ContentType; slug: string }
  editions: string[]
}

/** The CloudFront paths of an edition's pages (the national edition's live at the root too). */
export function editionPaths(edition: string, nationalTenant: string): string[] {
  const paths = [`/${edition}*`]
  // The Atom feed with a wildcard: its filters (`?type=…&tema=…`) are cached as separate objects.
  if (edition === nationalTenant) paths.push('/', '/feed.xml', '/atom.xml*', '/sitemap.xml', '/fagtema*', ...contentTypes.map((type) => `/${type}*`))
  return paths
}

/**
 * The exact paths a change affected, from the state before and after it: both addresses (a slug change makes
 * the old one 404 and the new one live) with everything under them (episodes, feeds), and the pages of every
 * edition that listed it before or lists it now (a withdrawn item must leave them all, national included).
 */
export function changedPaths(before: Visibility | undefined, after: Visibility | undefined, nationalTenant: string): string[] {
  const paths = new Set<string>()
  for (const state of [before, after]) {
    if (!state) continue
    if (state.path) paths.add(`${itemPath({ tenant: state.tenant, ...state.path })}*`)
    for (const edition of state.editions) for (const path of editionPaths(edition, nationalTenant)) paths.add(path)
  }
  return [...paths].sort()
}

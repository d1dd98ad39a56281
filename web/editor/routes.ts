import { useEffect, useState } from 'preact/hooks'
import { contentTypeSchema, statusSchema, type ContentType } from '../../functions/content/schema.ts'
import type { ItemQuery } from './api/endpoints.ts'

/** Path-based routing with the History API: a handful of routes do not need a router library. */
export type Route =
  | { name: 'home' }
  | { name: 'items'; tenant: string; filter: ItemQuery }
  | { name: 'new'; tenant: string; type: ContentType }
  | { name: 'item'; tenant: string; id: string }
  | { name: 'history'; tenant: string; id: string }
  | { name: 'lessons'; tenant: string; id: string }
  | { name: 'exam'; tenant: string; id: string }
  | { name: 'stats'; tenant: string; id: string }
  | { name: 'signups'; tenant: string; id: string }
  | { name: 'media'; tenant: string }
  | { name: 'shared'; tenant: string }
  | { name: 'statistics'; tenant: string }
  | { name: 'newsletter'; tenant: string }
  | { name: 'partnerFeeds'; tenant: string }
  | { name: 'bin'; tenant: string }
  // The admin area (views/admin/, issue 17): no edition of its own.
  | { name: 'adminEditions' }
  | { name: 'adminEdition'; id?: string }
  | { name: 'adminTopics' }
  | { name: 'adminEditors' }
  | { name: 'notFound' }

const root = '/redaktor'

export const paths = {
  home: () => `${root}/`,
  items: (tenant: string, filter: ItemQuery = {}) => {
    const search = new URLSearchParams(Object.entries(filter).filter(([, value]) => value) as Array<[string, string]>).toString()
    return `${root}/${tenant}/elementer${search ? `?${search}` : ''}`
  },
  newItem: (tenant: string, type: ContentType) => `${root}/${tenant}/elementer/ny?type=${type}`,
  item: (tenant: string, id: string) => `${root}/${tenant}/elementer/${id}`,
  history: (tenant: string, id: string) => `${root}/${tenant}/elementer/${id}/historikk`,
  /** A built e-course's modules and lessons (views/course-builder.tsx). */
  lessons: (tenant: string, id: string) => `${root}/${tenant}/elementer/${id}/leksjoner`,
  /** An e-course's question bank (views/exam-editor.tsx). */
  exam: (tenant: string, id: string) => `${root}/${tenant}/elementer/${id}/eksamen`,
  /** An e-course's anonymous statistics (views/course-stats.tsx). */
  stats: (tenant: string, id: string) => `${root}/${tenant}/elementer/${id}/statistikk`,
  /** An event's sign-ups and waiting list (views/event-signups.tsx). */
  signups: (tenant: string, id: string) => `${root}/${tenant}/elementer/${id}/pameldinger`,
  media: (tenant: string) => `${root}/${tenant}/media`,
  shared: (tenant: string) => `${root}/${tenant}/delt`,
  /** The edition's page views and downloads (views/statistics.tsx, issue 15). */
  statistics: (tenant: string) => `${root}/${tenant}/statistikk`,
  /** The edition's newsletter: compose, preview, test, send (views/newsletter.tsx, issue 14). */
  newsletter: (tenant: string) => `${root}/${tenant}/nyhetsbrev`,
  /** Partners' calendars the edition subscribes to, and the drafts they brought (views/partner-feeds.tsx, issue 13). */
  partnerFeeds: (tenant: string) => `${root}/${tenant}/partnerkalendere`,
  /** Deleted items, restorable for 30 days (views/bin.tsx, issue 17). */
  bin: (tenant: string) => `${root}/${tenant}/papirkurv`,
  /** The admin area (views/admin/, issue 17); `admin` is a reserved id, so no edition takes these paths. */
  adminEditions: () => `${root}/admin/utgaver`,
  adminNewEdition: () => `${root}/admin/utgaver/ny`,
  adminEdition: (id: string) => `${root}/admin/utgaver/${encodeURIComponent(id)}`,
  adminTopics: () => `${root}/admin/fagtema`,
  adminEditors: () => `${root}/admin/redaktorer`,
}

/** `/redaktor/admin/…`: `admin` alone opens the editions. */
function parseAdminRoute([section, id, extra]: Array<string | undefined>): Route {
  if (extra) return { name: 'notFound' }
  if (!section || (section === 'utgaver' && !id)) return { name: 'adminEditions' }
  if (section === 'fagtema' && !id) return { name: 'adminTopics' }
  if (section === 'redaktorer' && !id) return { name: 'adminEditors' }
  if (section === 'utgaver' && id) return id === 'ny' ? { name: 'adminEdition' } : { name: 'adminEdition', id }
  return { name: 'notFound' }
}

export function parseRoute(pathname: string, search: string): Route {
  const params = new URLSearchParams(search)
  const parts = pathname.replace(/^\/redaktor\/?/, '').split('/').filter(Boolean).map(decodeURIComponent)
  if (parts.length === 0) return { name: 'home' }
  if (parts[0] === 'admin') return parseAdminRoute(parts.slice(1))
  const [tenant, section, id, sub] = parts as [string, string?, string?, string?]
  if (section === 'elementer' && !id) {
    const status = statusSchema.safeParse(params.get('status'))
    const type = contentTypeSchema.safeParse(params.get('type'))
    const filter: ItemQuery = {
      ...(status.success ? { status: status.data } : {}),
      ...(type.success ? { type: type.data } : {}),
      ...(params.get('topic') ? { topic: params.get('topic')! } : {}),
      ...(params.get('q') ? { q: params.get('q')! } : {}),
    }
    return { name: 'items', tenant, filter }
  }
  if (section === 'elementer' && id === 'ny' && !sub) {
    const type = contentTypeSchema.safeParse(params.get('type'))
    return type.success ? { name: 'new', tenant, type: type.data } : { name: 'notFound' }
  }
  if (section === 'elementer' && id && !sub) return { name: 'item', tenant, id }
  if (section === 'elementer' && id && sub === 'historikk') return { name: 'history', tenant, id }
  if (section === 'elementer' && id && sub === 'leksjoner') return { name: 'lessons', tenant, id }
  if (section === 'elementer' && id && sub === 'eksamen') return { name: 'exam', tenant, id }
  if (section === 'elementer' && id && sub === 'statistikk') return { name: 'stats', tenant, id }
  if (section === 'elementer' && id && sub === 'pameldinger') return { name: 'signups', tenant, id }
  if (section === 'media' && !id) return { name: 'media', tenant }
  if (section === 'delt' && !id) return { name: 'shared', tenant }
  if (section === 'statistikk' && !id) return { name: 'statistics', tenant }
  if (section === 'nyhetsbrev' && !id) return { name: 'newsletter', tenant }
  if (section === 'partnerkalendere' && !id) return { name: 'partnerFeeds', tenant }
  if (section === 'papirkurv' && !id) return { name: 'bin', tenant }
  if (!section) return { name: 'items', tenant, filter: {} }
  return { name: 'notFound' }
}

/**
 * Asked before leaving a view with unsaved changes; resolves false to keep the editor where they are. A promise,
 * so the view can ask in its own accessible dialog (components/confirm-dialog.tsx) rather than confirm() (issue 17);
 * closing the tab is still asked by the browser (beforeunload), the only way a page may.
 */
export type LeaveGuard = () => Promise<boolean>
let leaveGuard: LeaveGuard | undefined
export const setLeaveGuard = (guard: LeaveGuard | undefined) => {
  leaveGuard = guard
}

/** True when there are no unsaved changes, or the editor chose to leave them. */
export const mayLeave = async (): Promise<boolean> => !leaveGuard || leaveGuard()

const changed = 'kb:navigate'

/** Goes to `path` once any unsaved changes may be left; resolves whether it went. */
export async function navigate(path: string, options: { replace?: boolean; force?: boolean } = {}): Promise<boolean> {
  if (!options.force && !(await mayLeave())) return false
  if (options.replace) history.replaceState(null, '', path)
  else history.pushState(null, '', path)
  dispatchEvent(new Event(changed))
  return true
}

/** Changes the address without changing the view (a created item gets its own URL while being edited). */
export function replaceQuietly(path: string) {
  history.replaceState(null, '', path)
}

/** The current location; re-renders on navigate() and on the browser's back and forward buttons. */
export function useLocation(): { pathname: string; search: string } {
  const read = () => ({ pathname: location.pathname, search: location.search })
  const [current, setCurrent] = useState(read)
  useEffect(() => {
    let shown = location.pathname + location.search
    const update = () => {
      shown = location.pathname + location.search
      setCurrent(read())
    }
    // Back/forward cannot be cancelled: with unsaved changes the address is put back while the editor is asked, and
    // set to where they were going if they leave.
    const onPop = () => {
      const guard = leaveGuard
      if (!guard) return update()
      const target = location.pathname + location.search
      history.pushState(null, '', shown)
      void guard().then((leave) => {
        if (!leave) return
        history.replaceState(null, '', target)
        update()
      })
    }
    addEventListener(changed, update)
    addEventListener('popstate', onPop)
    return () => {
      removeEventListener(changed, update)
      removeEventListener('popstate', onPop)
    }
  }, [])
  return current
}

/** A link that navigates in the app (new tabs, modified clicks and keyboard shortcuts work as normal). */
export function onLinkClick(event: MouseEvent) {
  const anchor = (event.currentTarget as HTMLAnchorElement | null) ?? undefined
  if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  if (anchor.target || anchor.origin !== location.origin) return
  event.preventDefault()
  void navigate(anchor.pathname + anchor.search)
}

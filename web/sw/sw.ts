/// <reference lib="webworker" />
import { clientsClaim, type WorkboxPlugin } from 'workbox-core'
import { RangeRequestsPlugin } from 'workbox-range-requests'
import { registerRoute } from 'workbox-routing'
import { CacheFirst, StaleWhileRevalidate } from 'workbox-strategies'
import { evict, isOfflinePage, isOfflineResource, matchOptions, SAVED_CACHE } from '../islands/offline/saved.ts'

/**
 * The service worker (issue 14), served at /sw.js so its scope is the whole site. It serves only what a reader saved
 * for use without a network (web/islands/offline-save.ts puts it in SAVED_CACHE); everything else goes to the network
 * as if it were not here, and nothing is ever added to the cache by browsing. Routes are an allow-list of reader pages
 * (offline/saved.ts isOfflinePage), assets and uploads, so the editor workspace, APIs, form posts (not GET), exams,
 * attempts, SCORM and kursbevis never reach a cache.
 */
declare const self: ServiceWorkerGlobalScope

// A new worker takes over at once: it holds no state of its own, only the reader's cache, which every version reads.
self.addEventListener('install', () => void self.skipWaiting())
clientsClaim()

const savedCache = () => caches.open(SAVED_CACHE)

/** A saved response is refreshed with a newer 200, never created: saving is the reader's choice alone. */
const onlyWhatWasSaved: WorkboxPlugin = {
  cacheWillUpdate: async ({ request, response }) =>
    response.status === 200 && !new URL(request.url).search && (await (await savedCache()).match(request, matchOptions)) ? response : null,
}

/** Withdrawn (410) or gone (404): out of the cache and the index, so it is never served again (offline/saved.ts evict). */
const evictWhenGone: WorkboxPlugin = {
  fetchDidSucceed: async ({ request, response }) => {
    if (response.status === 404 || response.status === 410) await evict(new URL(request.url).pathname)
    return response
  },
}

/**
 * A saved page is refreshed past the browser's HTTP cache: pages say stale-while-revalidate for the CDN's sake, and a
 * stale 200 from the HTTP cache would hide a withdrawal (410) from the worker. Other pages are fetched as usual.
 */
const revalidateSaved: WorkboxPlugin = {
  // Built from the URL: Chromium refuses a navigation request with options. Redirects stay for the page to follow.
  requestWillFetch: async ({ request }) =>
    (await (await savedCache()).match(request, matchOptions))
      ? new Request(request.url, { cache: 'no-cache', credentials: 'same-origin', headers: request.headers, redirect: 'manual' })
      : request,
}

/** A page is kept under its path alone: `?omrade=…` (the edition a reader came from) opens the same saved copy. */
const pathOnly: WorkboxPlugin = {
  cacheKeyWillBeUsed: async ({ request }) => {
    const url = new URL(request.url)
    url.search = ''
    return url.href
  },
}

/**
 * Offline, a <picture> may ask for a width or format other than the one saved (a lesson saved from another page has
 * the original): any saved picture of the same upload stands in.
 */
const anySavedVariant: WorkboxPlugin = {
  handlerDidError: async ({ request }) => {
    const folder = request.url.slice(0, request.url.lastIndexOf('/') + 1)
    if (request.destination !== 'image') return undefined
    const cache = await savedCache()
    const key = (await cache.keys()).find((candidate) => candidate.url.startsWith(folder))
    return key ? cache.match(key, matchOptions) : undefined
  },
}

/** Offline, a page that was not saved opens /mine (if anything was saved), where the saved content is listed. */
const savedListWhenOffline: WorkboxPlugin = {
  handlerDidError: async () => (await savedCache()).match('/mine', matchOptions),
}

const sameOrigin = (url: URL) => url.origin === self.location.origin

// Saved pages: the saved copy at once, refreshed from the network when there is one (stale-while-revalidate).
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && sameOrigin(url) && isOfflinePage(url.pathname),
  new StaleWhileRevalidate({ cacheName: SAVED_CACHE, matchOptions, plugins: [pathOnly, revalidateSaved, onlyWhatWasSaved, evictWhenGone, savedListWhenOffline] }),
)

// Styles, scripts, pictures and audio: immutable URLs, so a saved copy never needs the network. A player's Range
// request is cut from the whole saved file (206), as the CDN would answer it.
registerRoute(
  ({ url }) => sameOrigin(url) && isOfflineResource(url.pathname),
  new CacheFirst({ cacheName: SAVED_CACHE, matchOptions, plugins: [new RangeRequestsPlugin(), onlyWhatWasSaved, anySavedVariant] }),
)

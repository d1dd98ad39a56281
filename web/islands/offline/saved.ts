import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval'

/**
 * What a reader saved for use without a network (issue 14), shared by the save buttons (web/islands/offline-save.ts),
 * /mine (web/islands/offline-saved.ts) and the service worker (web/sw/sw.ts). The responses sit in one named cache;
 * an index in IndexedDB says which URLs each saved entry took along (a page, its lessons, styles, scripts, pictures and
 * audio) and how many bytes, so removing one entry frees exactly what no other entry still needs. Nothing leaves the
 * device.
 */
export const SAVED_CACHE = 'kompetansebroen-lagret'

export interface SavedEntry {
  /** The page the entry is named by: an article, an episode, a lesson, or a course saved whole. */
  path: string
  title: string
  /** Same-origin paths of every response the entry keeps in SAVED_CACHE. */
  urls: string[]
  bytes: number
  savedAt: number
}

let index: UseStore | undefined
const savedIndex = () => (index ??= createStore('kompetansebroen-lagret', 'innhold'))

/** Cache entries match whatever a response varies by (compression) and ignore a page's query (`?omrade=`). */
export const matchOptions: CacheQueryOptions = { ignoreVary: true }

/**
 * The pages that may be saved and served from the cache: /mine, an item, an episode, a lesson. An allow-list, so the
 * editor workspace (/redaktor), every API (/api/…), exams, attempts, SCORM players and kursbevis (all with a reader's
 * answers or name) can never be kept, whatever a page links to.
 */
const offlinePage = /^\/(?:mine|(?!redaktor\/|api\/|dev-auth\/)[a-z0-9]+(?:-[a-z0-9]+)*\/(?:(?:artikler|film|arrangementer|e-kurs|podkast)\/[a-z0-9-]+|podkast\/[a-z0-9-]+\/[a-z0-9-]+|e-kurs\/[a-z0-9-]+\/leksjon\/[1-9]\d{0,2}))$/
export const isOfflinePage = (path: string) => offlinePage.test(path)
/** What a saved page needs besides itself: hashed assets and uploads, both immutable. */
export const isOfflineResource = (path: string) => path.startsWith('/assets/') || path.startsWith('/media/')

export const savedEntries = async () => (await entries<string, SavedEntry>(savedIndex())).map(([, entry]) => entry).sort((a, b) => b.savedAt - a.savedAt)
export const savedEntry = (path: string) => get<SavedEntry>(path, savedIndex())
export const recordSaved = (entry: SavedEntry) => set(entry.path, entry, savedIndex())

/** Deletes `urls` from the cache unless a saved entry still keeps them. */
export async function release(urls: string[]) {
  const kept = new Set((await savedEntries()).flatMap((entry) => entry.urls))
  const cache = await caches.open(SAVED_CACHE)
  await Promise.all(urls.filter((url) => !kept.has(url)).map((url) => cache.delete(url, matchOptions)))
}

/** "Fjern": the entry and every response only it kept. */
export async function removeSaved(path: string) {
  const entry = await savedEntry(path)
  if (!entry) return
  await del(path, savedIndex())
  await release(entry.urls)
}

/**
 * The network said 404 or 410 for `path` (withdrawn, issue 14): an entry named by it goes whole (a course's lessons
 * with it); any other entry that kept it (a course whose lesson went) lets that page go.
 */
export async function evict(path: string) {
  for (const entry of await savedEntries()) {
    if (entry.path === path) await removeSaved(path)
    else if (entry.urls.includes(path)) await recordSaved({ ...entry, urls: entry.urls.filter((url) => url !== path) })
  }
  await release([path])
}

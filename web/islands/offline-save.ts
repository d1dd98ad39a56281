import { formatFileSize } from '../site/format.ts'
import { isOfflinePage, isOfflineResource, matchOptions, recordSaved, release, removeSaved, SAVED_CACHE, savedEntry } from './offline/saved.ts'
import { fill } from './shared/fill.ts'

/**
 * "Lagre for bruk uten nett" and "Lagre hele kurset" (issue 14): fetches the page (or every page of the course), what
 * each needs to show (styles, scripts, pictures, audio as the whole file: the service worker answers a player's Range
 * requests from it) and /mine, puts them in the saved cache and indexes them (offline/saved.ts). Offered only once a
 * service worker controls the page, since nothing else would serve them without a network; loaded only on pages that
 * can be saved.
 */
const actions = document.querySelector<HTMLElement>('.reader-actions')
const buttons = [...document.querySelectorAll<HTMLButtonElement>('[data-save]')]

/** Same-origin pages and resources a page needs offline; `live` adds the picture each <img> really chose here. */
function resourcesOf(page: Document, live = false): string[] {
  const found = [...page.querySelectorAll<HTMLElement>('link[rel=stylesheet], script[src], img, audio, audio source, track')].flatMap((node) => [
    node.getAttribute('href') ?? node.getAttribute('src') ?? '',
    live && node instanceof HTMLImageElement ? node.currentSrc : '',
  ])
  return found.flatMap((url) => {
    if (!url) return []
    const { origin, pathname } = new URL(url, location.href)
    return origin === location.origin && isOfflineResource(pathname) ? [pathname] : []
  })
}

async function save(path: string, title: string, pages: string[]) {
  const cache = await caches.open(SAVED_CACHE)
  const urls = new Set<string>()
  let bytes = 0
  const keep = async (url: string) => {
    if (urls.has(url)) return
    urls.add(url)
    // The whole file, never a range: a 200 the worker can cut any range from.
    const response = await fetch(url, { credentials: 'omit' })
    if (!response.ok || response.redirected) throw new Error(`${url}: ${response.status}`)
    bytes += (await response.clone().blob()).size
    await cache.put(url, response)
  }
  try {
    for (const page of [...pages.filter(isOfflinePage), '/mine']) {
      await keep(page)
      const html = await (await cache.match(page, matchOptions))!.text()
      for (const resource of resourcesOf(new DOMParser().parseFromString(html, 'text/html'))) await keep(resource)
    }
    for (const resource of resourcesOf(document, true)) await keep(resource)
  } catch (error) {
    // Half an entry is no use offline: what this save fetched goes again, unless another entry keeps it.
    await release([...urls])
    throw error
  }
  await recordSaved({ path, title, urls: [...urls], bytes, savedAt: Date.now() })
  // Ask the browser not to clear saved content under storage pressure (it decides; there is no prompt in Chromium).
  await navigator.storage?.persist?.()
  return bytes
}

if (actions && buttons.length && 'caches' in window && navigator.serviceWorker) {
  const status = actions.querySelector('[role="status"]')!
  const say = (text = '') => (status.textContent = text)
  const show = (button: HTMLButtonElement, saved: boolean) => (button.textContent = (saved ? actions.dataset.removeSaved : button.dataset.label) ?? '')
  void navigator.serviceWorker.ready.then(async () => {
    for (const button of buttons) {
      const { save: path = '', title = '', pages = '', saved: savedLabel } = button.dataset
      let saved = Boolean(await savedEntry(path))
      show(button, saved)
      button.hidden = false
      button.addEventListener('click', async () => {
        button.disabled = true
        try {
          if (saved) {
            await removeSaved(path)
            say(actions.dataset.removedSaved)
          } else {
            say(actions.dataset.saving)
            say(fill(savedLabel, { size: formatFileSize(await save(path, title, pages.split(' '))) }))
          }
          saved = !saved
        } catch {
          say(actions.dataset.failed)
        }
        show(button, saved)
        button.disabled = false
      })
    }
  })
}

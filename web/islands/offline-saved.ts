import { formatFileSize } from '../site/format.ts'
import { removeSaved, savedEntries } from './offline/saved.ts'
import { fill } from './shared/fill.ts'

/**
 * "Lagret for bruk uten nett" on /mine (issue 14): each saved entry with its size and "Fjern", which deletes its cached
 * responses (offline/saved.ts), and how much the browser lets the site use (navigator.storage.estimate).
 */
const root = document.querySelector<HTMLElement>('[data-offline-saved]')
if (root) {
  const labels = root.dataset
  const status = document.querySelector('[data-saved-status]')!
  const text = (tag: 'p' | 'span', content = '') => Object.assign(document.createElement(tag), { textContent: content })

  async function show() {
    const entries = await savedEntries()
    const estimate = await navigator.storage?.estimate?.()
    const usage = estimate?.usage !== undefined && estimate.quota ? [text('p', fill(labels.usage, { used: formatFileSize(estimate.usage), quota: formatFileSize(estimate.quota) }))] : []
    if (!entries.length) return root!.replaceChildren(text('p', labels.empty), ...usage)
    const list = document.createElement('ul')
    list.className = 'saved-list'
    for (const entry of entries) {
      const item = document.createElement('li')
      const remove = Object.assign(document.createElement('button'), { type: 'button', className: 'toggle', textContent: labels.remove })
      remove.append(Object.assign(text('span', fill(labels.removeHidden, { title: entry.title })), { className: 'visually-hidden' }))
      remove.addEventListener('click', async () => {
        remove.disabled = true
        await removeSaved(entry.path)
        await show()
        status.textContent = fill(labels.removed, { title: entry.title })
        document.querySelector<HTMLElement>('#lagret')?.focus()
      })
      item.append(Object.assign(document.createElement('a'), { href: entry.path, textContent: entry.title }), text('span', formatFileSize(entry.bytes)), remove)
      list.append(item)
    }
    root!.replaceChildren(list, ...usage)
  }

  if ('caches' in window && navigator.serviceWorker) void show()
  else root.replaceChildren(text('p', labels.unsupported))
}

import { favouritesIn } from './favourites/store.ts'

/**
 * "Legg til i favoritter" on an item's page (issue 14): a toggle button (aria-pressed) over this browser's own list
 * (favourites/store.ts); nothing is sent anywhere. The server renders it hidden, so without JavaScript it is not offered.
 */
const button = document.querySelector<HTMLButtonElement>('[data-favourite]')
const actions = button?.closest<HTMLElement>('.reader-actions')
if (button && actions) {
  const favourites = favouritesIn()
  const { favourite: path = '', title = '' } = button.dataset
  const status = actions.querySelector('[role="status"]')!
  button.setAttribute('aria-pressed', String(favourites.has(path)))
  button.hidden = false
  button.addEventListener('click', () => {
    const wanted = button.getAttribute('aria-pressed') !== 'true'
    const now = favourites.toggle(path, title)
    button.setAttribute('aria-pressed', String(now))
    status.textContent = (wanted === now ? (now ? actions.dataset.added : actions.dataset.removed) : actions.dataset.notKept) ?? ''
  })
}

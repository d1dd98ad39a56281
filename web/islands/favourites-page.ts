import { cardItem, fetchCards, type CardLabels } from './favourites/cards.ts'
import { decodeFavourites, encodeFavourites } from './favourites/codec.ts'
import { favouritesIn } from './favourites/store.ts'
import { fill } from './shared/fill.ts'

/**
 * "Favoritter" on /mine (issue 14): this browser's favourites as the cards listings show (from the public API), each
 * with "Fjern"; a link that carries them to another device in its fragment; and, opened from such a link, the
 * question whether to add them here. Nothing about the reader is stored anywhere but in this browser.
 */
const root = document.querySelector<HTMLElement>('[data-favourites]')
if (root) {
  const labels = JSON.parse(root.dataset.favourites ?? '{}') as CardLabels
  const favourites = favouritesIn()
  const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!
  const status = $('[data-favourites-status]')
  const heading = $('#favoritter')
  const share = $('[data-favourites-share]')
  const say = (text: string) => (status.textContent = text)

  async function showFavourites() {
    const list = favourites.list()
    share.hidden = list.length === 0
    if (!list.length) return root!.replaceChildren(Object.assign(document.createElement('p'), { textContent: labels.empty }))
    root!.replaceChildren(Object.assign(document.createElement('p'), { textContent: labels.loading }))
    const cards = await fetchCards(list.map((entry) => entry.p))
    favourites.retitle(new Map([...cards.values()].flatMap((entry) => (entry.status === 200 ? [[entry.path, entry.card.title]] : []))))
    const items = document.createElement('ul')
    items.className = 'cards'
    for (const { p: path, t: title } of favourites.list()) {
      const item = cardItem(path, title, cards.get(path), labels, 'h3')
      const remove = Object.assign(document.createElement('button'), { type: 'button', className: 'toggle', textContent: labels.remove })
      remove.append(Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: fill(labels.removeHidden, { title }) }))
      remove.addEventListener('click', async () => {
        favourites.remove(path)
        await showFavourites()
        say(fill(labels.removed, { title }))
        heading.focus()
      })
      item.append(remove)
      items.append(item)
    }
    root!.replaceChildren(...(cards.size ? [] : [Object.assign(document.createElement('p'), { textContent: labels.offline })]), items)
  }

  // A link from another device: show what it carries and add it only when the reader says so.
  const importer = $('[data-favourites-import]')
  const closeImport = () => {
    importer.hidden = true
    history.replaceState(null, '', location.pathname + location.search)
  }
  async function offerImport() {
    const paths = decodeFavourites(location.hash)
    if (!paths) return
    const fresh = paths.filter((path) => !favourites.has(path))
    const cards = await fetchCards(fresh)
    const entries = fresh.map((path) => ({ p: path, t: cards.get(path)?.status === 200 ? (cards.get(path) as { card: { title: string } }).card.title : path }))
    $('[data-import-summary]').textContent = fill(labels.summary, { count: paths.length, fresh: fresh.length })
    $('[data-import-list]').replaceChildren(...entries.map((entry) => cardItem(entry.p, entry.t, cards.get(entry.p), labels, 'h3')))
    $<HTMLButtonElement>('[data-import-confirm]').hidden = fresh.length === 0
    $<HTMLButtonElement>('[data-import-confirm]').onclick = async () => {
      const added = favourites.merge(entries)
      closeImport()
      await showFavourites()
      say(fill(labels.imported, { count: added }))
      heading.focus()
    }
    $<HTMLButtonElement>('[data-import-cancel]').onclick = () => {
      closeImport()
      heading.focus()
    }
    importer.hidden = false
    $('#importer').focus()
  }

  const link = $<HTMLInputElement>('#favorittlenke')
  $('[data-share-make]').addEventListener('click', () => {
    link.value = `${location.origin}/mine#${encodeFavourites(favourites.list().map((entry) => entry.p))}`
    $('[data-share-link]').hidden = false
    link.focus()
    link.select()
  })
  $('[data-share-copy]').addEventListener('click', async () => {
    await navigator.clipboard?.writeText(link.value)
    say(labels.copied)
  })

  addEventListener('hashchange', offerImport)
  void showFavourites().then(offerImport)
}

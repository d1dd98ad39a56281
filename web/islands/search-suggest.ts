/**
 * Suggestions while typing in the header's search field: the field becomes an ARIA combobox with a listbox popup
 * (WAI-ARIA APG, "Combobox with list autocomplete": https://www.w3.org/WAI/ARIA/apg/patterns/combobox/). Focus stays
 * in the field; Down/Up move through the suggestions (aria-activedescendant), Enter opens the one chosen (or
 * searches, as without JavaScript, when none is), Escape closes the list and then clears the field. A live region
 * says how many suggestions there are. Without JavaScript the field is a plain GET form to the search page.
 */
type Suggestion = { title: string; path: string }

const input = document.querySelector<HTMLInputElement>('input[data-suggest]')
const form = input?.form
if (input && form) {
  const edition = input.dataset.suggest!
  const list = document.createElement('ul')
  const status = document.createElement('div')
  list.id = `${input.id}-forslag`
  list.setAttribute('role', 'listbox')
  list.setAttribute('aria-label', 'Forslag')
  list.className = 'suggestions'
  list.hidden = true
  status.setAttribute('role', 'status')
  status.className = 'visually-hidden'
  form.append(list, status)
  const attrs: Record<string, string> = { role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': list.id, autocomplete: 'off' }
  for (const name in attrs) input.setAttribute(name, attrs[name]!)

  let items: Suggestion[] = []
  let active = -1
  let timer: ReturnType<typeof setTimeout> | undefined
  let request: AbortController | undefined

  const setActive = (next: number) => {
    active = next
    list.querySelectorAll('li').forEach((option, position) => option.setAttribute('aria-selected', String(position === active)))
    if (active < 0) input.removeAttribute('aria-activedescendant')
    else input.setAttribute('aria-activedescendant', `${list.id}-${active}`)
  }
  const close = () => {
    list.hidden = true
    input.setAttribute('aria-expanded', 'false')
    setActive(-1)
  }
  const show = (found: Suggestion[]) => {
    items = found
    list.replaceChildren(
      ...found.map((item, position) => {
        const option = document.createElement('li')
        option.id = `${list.id}-${position}`
        option.setAttribute('role', 'option')
        option.textContent = item.title
        // mousedown, not click: the field keeps focus, as the pattern asks.
        option.addEventListener('mousedown', (event) => {
          event.preventDefault()
          location.assign(item.path)
        })
        return option
      }),
    )
    status.textContent = found.length ? `${found.length} forslag. Bruk pil opp og ned for å velge.` : 'Ingen forslag.'
    list.hidden = !found.length
    input.setAttribute('aria-expanded', String(Boolean(found.length)))
    setActive(-1)
  }

  const fetchSuggestions = async (q: string) => {
    request?.abort()
    request = new AbortController()
    try {
      const response = await fetch(`/api/v1/search/suggestions?${new URLSearchParams({ q, edition })}`, { signal: request.signal })
      if (response.ok && input.value.trim() === q) show(((await response.json()) as { items: Suggestion[] }).items)
    } catch {
      // A dropped or aborted request leaves the field as it is: the form still searches.
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer)
    const q = input.value.trim()
    if (q.length < 2) return close()
    timer = setTimeout(() => fetchSuggestions(q), 150)
  })
  input.addEventListener('keydown', (event) => {
    const open = !list.hidden
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!items.length) return
      event.preventDefault()
      if (!open) {
        list.hidden = false
        input.setAttribute('aria-expanded', 'true')
      }
      // The field itself is one stop in the cycle (-1), as in the APG example: Down from the last returns to it.
      const stops = items.length + 1
      setActive(((active + 1 + (event.key === 'ArrowDown' ? 1 : -1) + stops) % stops) - 1)
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault()
      location.assign(items[active]!.path)
    } else if (event.key === 'Escape') {
      if (open) close()
      else input.value = ''
    }
  })
  input.addEventListener('blur', close)
}

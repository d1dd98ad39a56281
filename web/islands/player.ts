/**
 * Enhances every `[data-audio-player]` on the page: playback speed 0.75–2×, 15-second skips, and the
 * position remembered per episode in this browser (localStorage, never sent anywhere), so a listener on the
 * bus can pick up where they left off. Plain DOM: a few hundred bytes, no framework.
 */
const speeds = [0.75, 1, 1.25, 1.5, 1.75, 2]
const storageKey = (id: string) => `kb-position:${id}`

function store(id: string, seconds: number | undefined) {
  try {
    if (seconds === undefined) localStorage.removeItem(storageKey(id))
    else localStorage.setItem(storageKey(id), String(Math.floor(seconds)))
  } catch {
    // Storage may be full or blocked; the player works without it.
  }
}

/** The visible text is the accessible name (WCAG 2.5.3): no aria-label that says something else. */
function button(text: string, onClick: () => void) {
  const element = document.createElement('button')
  element.type = 'button'
  element.textContent = text
  element.addEventListener('click', onClick)
  return element
}

function enhance(container: HTMLElement) {
  const audio = container.querySelector('audio')
  const id = container.dataset.audioPlayer
  if (!audio || !id || container.dataset.enhanced) return
  container.dataset.enhanced = 'true'

  const controls = document.createElement('div')
  controls.className = 'player-controls'
  const skip = (delta: number) => () => {
    audio.currentTime = Math.max(0, Math.min(audio.duration || Infinity, audio.currentTime + delta))
  }
  controls.append(button(container.dataset.labelBack ?? '−15 s', skip(-15)), button(container.dataset.labelForward ?? '+15 s', skip(15)))

  const label = document.createElement('label')
  const select = document.createElement('select')
  label.append(`${container.dataset.labelSpeed ?? 'Speed'} `, select)
  for (const speed of speeds) select.add(new Option(`${String(speed).replace('.', ',')}×`, String(speed), speed === 1, speed === 1))
  select.addEventListener('change', () => {
    audio.playbackRate = Number(select.value)
  })
  controls.append(label)
  container.append(controls)

  const saved = Number(localStorage.getItem(storageKey(id)) ?? 0)
  if (saved > 0) {
    const restore = () => {
      if (saved < (audio.duration || Infinity) - 5) audio.currentTime = saved
    }
    if (audio.readyState >= 1) restore()
    else audio.addEventListener('loadedmetadata', restore, { once: true })
  }
  let lastSaved = 0
  audio.addEventListener('timeupdate', () => {
    if (Math.abs(audio.currentTime - lastSaved) >= 5) {
      lastSaved = audio.currentTime
      store(id, audio.currentTime)
    }
  })
  audio.addEventListener('pause', () => store(id, audio.currentTime))
  audio.addEventListener('ended', () => store(id, undefined))
  // Keep the speed when the browser resets it on a new source.
  audio.addEventListener('play', () => {
    audio.playbackRate = Number(select.value)
  })
}

for (const container of document.querySelectorAll<HTMLElement>('[data-audio-player]')) enhance(container)

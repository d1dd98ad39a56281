/**
 * Click-to-load for films hosted on YouTube or Vimeo: the page makes no request to them, and sets no
 * cookie of theirs, until the reader presses the button (ekomloven § 2-7 b). The link to the film stays as
 * the text alternative.
 */
for (const container of document.querySelectorAll<HTMLElement>('.external-video[data-embed]')) {
  const embed = container.dataset.embed
  if (!embed) continue
  const show = document.createElement('button')
  show.type = 'button'
  show.className = 'button'
  show.textContent = container.dataset.labelShow ?? 'Show'
  show.addEventListener('click', () => {
    const frame = document.createElement('iframe')
    frame.src = embed
    frame.title = container.dataset.title ?? ''
    frame.allow = 'fullscreen; picture-in-picture'
    frame.setAttribute('allowfullscreen', '')
    frame.className = 'external-frame'
    show.replaceWith(frame)
    frame.focus()
  })
  container.prepend(show)
}

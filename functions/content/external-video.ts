/**
 * The privacy-friendly embed address of a YouTube or Vimeo film (youtube-nocookie, Vimeo with `dnt=1`), or
 * undefined for other hosts, which are only linked. Nothing is loaded from them until the reader asks.
 */
export function embedUrlFor(externalUrl: string): string | undefined {
  let url: URL
  try {
    url = new URL(externalUrl)
  } catch {
    return undefined
  }
  const host = url.hostname.replace(/^www\.|^m\./, '')
  const id = /^[A-Za-z0-9_-]{6,20}$/
  if (host === 'youtube.com' && url.pathname === '/watch') {
    const video = url.searchParams.get('v') ?? ''
    return id.test(video) ? `https://www.youtube-nocookie.com/embed/${video}` : undefined
  }
  if (host === 'youtu.be') {
    const video = url.pathname.slice(1)
    return id.test(video) ? `https://www.youtube-nocookie.com/embed/${video}` : undefined
  }
  if (host === 'vimeo.com') {
    const video = url.pathname.slice(1)
    return /^\d{4,12}$/.test(video) ? `https://player.vimeo.com/video/${video}?dnt=1` : undefined
  }
  return undefined
}

/** The hosts the site's CSP lets a reader-requested embed come from. */
export const embedOrigins = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com']

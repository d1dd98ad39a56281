import { describe, expect, it } from 'vitest'
import { embedUrlFor } from '../../../functions/content/external-video.ts'

describe('embedding external films', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=30', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://vimeo.com/123456789', 'https://player.vimeo.com/video/123456789?dnt=1'],
  ])('embeds %s privacy-friendly as %s', (url, embed) => {
    expect(embedUrlFor(url)).toBe(embed)
  })

  it.each(['https://example.com/film.mp4', 'https://www.youtube.com/watch?v=<script>', 'https://vimeo.com/channels/staffpicks', 'ikke en adresse'])(
    'only links %s, embedding nothing',
    (url) => {
      expect(embedUrlFor(url)).toBeUndefined()
    },
  )
})

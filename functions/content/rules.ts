import type { Block } from './richtext.ts'
import type { ContentFields } from './schema.ts'

/** Something that must be fixed before an item may be published; `code` lets the workspace word it in bokmål. */
export interface PublishProblem {
  field: string
  code: 'alt-missing' | 'captions-missing' | 'audio-description-missing' | 'transcript-missing' | 'artwork-missing' | 'artwork-size'
  message: string
}

/** Pre-recorded video published from this date needs audio description (synstolking) or a written exemption. */
const AUDIO_DESCRIPTION_DUTY_FROM = new Date('2024-02-01T00:00:00+01:00')

const imagesWithoutAlt = (blocks: Block[]) => blocks.filter((block) => block.type === 'image' && !block.alt.trim()).length

/**
 * The universal-design rules Norwegian law sets for what we publish (DOMAIN.md): alt text for images,
 * captions and audio description for uploaded films, transcripts for podcast episodes, and the artwork
 * podcast directories accept. The workspace shows these before the editor presses publish; the server
 * enforces them here.
 */
export function publishProblems(item: ContentFields, now: Date = new Date()): PublishProblem[] {
  const problems: PublishProblem[] = []
  if (item.image && !item.image.alt.trim()) problems.push({ field: 'image.alt', code: 'alt-missing', message: 'The main image needs alt text.' })
  if (item.shareImage && !item.shareImage.alt.trim()) problems.push({ field: 'shareImage.alt', code: 'alt-missing', message: 'The share image needs alt text.' })
  const bodyImages = imagesWithoutAlt(item.body.content)
  if (bodyImages) problems.push({ field: 'body', code: 'alt-missing', message: `${bodyImages} image(s) in the text need alt text.` })

  if (item.type === 'film' && item.video.src) {
    if (!item.video.captions) problems.push({ field: 'video.captions', code: 'captions-missing', message: 'Uploaded films need WebVTT captions before they are published.' })
    if (now >= AUDIO_DESCRIPTION_DUTY_FROM && !item.video.audioDescribedSrc && !item.video.audioDescriptionExemptReason?.trim())
      problems.push({
        field: 'video.audioDescription',
        code: 'audio-description-missing',
        message: 'Add an audio-described version, or write why the film is exempt from audio description.',
      })
  }

  if (item.type === 'podkast') {
    if (!item.image) problems.push({ field: 'image', code: 'artwork-missing', message: 'A podcast needs square artwork (1400–3000 px).' })
    else if (item.image.width === undefined || item.image.height === undefined || item.image.width !== item.image.height || item.image.width < 1400 || item.image.width > 3000)
      problems.push({ field: 'image', code: 'artwork-size', message: 'Podcast artwork must be square, 1400–3000 px on each side.' })
    item.episodes.forEach((episode, index) => {
      if (!episode.transcript) problems.push({ field: `episodes.${index}.transcript`, code: 'transcript-missing', message: `Episode "${episode.title}" needs a transcript.` })
    })
  }
  return problems
}

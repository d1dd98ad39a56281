import type { EmbedBlock } from '../../../functions/content/richtext.ts'
import { formatDuration } from '../format.ts'
import { t } from '../text.ts'
import { AudioPlayer } from './audio-player.tsx'
import { heroSizes, Picture } from './picture.tsx'

/**
 * A film or podcast episode embedded in a text (issue 17), from the facts its save copied in (content/embeds.ts):
 * no read of its own. A film is its poster and title linking to its page; an episode is a native player that
 * fetches nothing until asked (preload="none"), with its title linking to its page. Works without JavaScript.
 */
export function EmbeddedItem({ block }: { block: EmbedBlock }) {
  const facts = block.facts
  // Only a document saved before its facts were copied lacks them; a reader gets nothing rather than a broken card.
  if (!facts) return null
  const kind = block.episode ? t.embeddedEpisode : t.embeddedFilm
  return (
    <figure class={`embedded-item embedded-${block.item.type}`}>
      {!block.episode && facts.image && (
        // The poster repeats the title's link; it is decoration to a screen reader, one link less to tab past.
        <a href={facts.path} tabIndex={-1} aria-hidden="true">
          <Picture image={facts.image} alt="" sizes={heroSizes} />
        </a>
      )}
      {block.episode && facts.audio && <AudioPlayer src={facts.audio.src} title={facts.title} id={`${block.item.id}-${block.episode}`} preload="none" />}
      <figcaption>
        <span class="embedded-kind">{kind}</span> <a href={facts.path}>{facts.title}</a>
        {facts.durationSeconds && <span class="embedded-duration"> · {formatDuration(facts.durationSeconds)}</span>}
      </figcaption>
    </figure>
  )
}

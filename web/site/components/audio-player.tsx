import { t } from '../text.ts'

/**
 * A native audio element (keyboard and screen-reader support come with it), which the `player` island
 * enhances with speed, skip buttons and a remembered position. Without JavaScript it is still a player.
 */
export function AudioPlayer(props: { src: string; title: string; id: string; preload?: 'none' | 'metadata' }) {
  return (
    <div
      class="audio-player"
      data-audio-player={props.id}
      data-label-speed={t.playerSpeed}
      data-label-back={t.playerBack}
      data-label-forward={t.playerForward}
    >
      <audio controls preload={props.preload ?? 'metadata'} src={props.src} aria-label={props.title}>
        <a href={props.src}>{props.title}</a>
      </audio>
    </div>
  )
}

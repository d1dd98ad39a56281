import type { TranscriptTurn } from '../../../functions/podcasts/transcript.ts'
import { t } from '../text.ts'

const clock = (seconds: number) => {
  const whole = Math.floor(seconds)
  const minutes = Math.floor(whole / 60)
  return `${minutes}:${String(whole % 60).padStart(2, '0')}`
}

/** The transcript as text on the page (the law's text alternative for audio), speakers named. */
export function Transcript({ turns, file }: { turns: TranscriptTurn[]; file: string }) {
  return (
    <section aria-labelledby="transkripsjon" class="transcript">
      <h2 id="transkripsjon">{t.transcriptHeading}</h2>
      <dl>
        {turns.map((turn) => (
          <>
            <dt>
              {turn.speaker ?? t.unknownSpeaker} <span class="muted">({clock(turn.start)})</span>
            </dt>
            <dd>{turn.text}</dd>
          </>
        ))}
      </dl>
      <p>
        <a href={file}>{t.transcriptFile}</a>
      </p>
    </section>
  )
}

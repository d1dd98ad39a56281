import { slugify } from '../../../../functions/content/slug.ts'
import { Checkbox, DateTimeField, fieldId, SelectField, TextArea, TextField } from '../../components/fields.tsx'
import { numberish } from '../../form/model.ts'
import { osloLocalToIso, isoToOsloLocal } from '../../form/time.ts'
import { t, typeFieldText } from '../../text.ts'
import { bind, type FieldGroupProps } from './bind.ts'
import { MediaPathField } from './media-field.tsx'

type Episode = Record<string, unknown> & { guid: string; title?: string }

const newEpisode = (): Episode => ({
  // The RSS guid is set once and never changes, so podcast apps never show an episode twice.
  guid: crypto.randomUUID(),
  slug: '',
  title: '',
  summary: '',
  publishedAt: osloLocalToIso(isoToOsloLocal(new Date().toISOString())) ?? '',
  season: '',
  episode: '',
  audio: { src: '', bytes: '', mimeType: '', durationSeconds: '' },
  transcript: '',
})

/** A podcast series with its episodes; the artwork is the main image (square, 1400–3000 px). */
export function PodcastFields(props: FieldGroupProps) {
  const episodes = (props.fields.episodes as Episode[] | undefined) ?? []
  const setEpisodes = (next: Episode[]) => props.set('episodes', next)
  const addEpisode = () => {
    setEpisodes([...episodes, newEpisode()])
    requestAnimationFrame(() => document.getElementById(fieldId(`episodes.${episodes.length}.title`))?.focus())
  }
  return (
    <>
      <TextField {...bind(props, 'category')} required hint={typeFieldText.categoryHint} />
      <SelectField
        {...bind(props, 'language')}
        value={String(props.fields.language ?? 'nb')}
        options={[
          { value: 'nb', label: 'Bokmål' },
          { value: 'nn', label: 'Nynorsk' },
          { value: 'no', label: 'Norsk' },
        ]}
      />
      <Checkbox path="explicit" label={typeFieldText.explicit} checked={props.fields.explicit === true} onValue={(checked) => props.set('explicit', checked)} />
      <TextField {...bind(props, 'owner.name')} required />
      <TextField {...bind(props, 'owner.email')} type="email" required hint={typeFieldText.ownerEmailHint} />
      <h3>{typeFieldText.episodes}</h3>
      {episodes.length === 0 && <p class="empty">{typeFieldText.noEpisodes}</p>}
      {/* Above the list, so the new episode's fields come after the button that added them, where focus goes (issue 17). */}
      <button type="button" class="button" onClick={addEpisode}>
        {typeFieldText.addEpisode}
      </button>
      <ol class="episodes">
        {episodes.map((episode, index) => (
          <li key={episode.guid}>
            <fieldset class="episode">
              <legend>{typeFieldText.episodeTitle(index + 1, episode.title)}</legend>
              <EpisodeFields {...props} index={index} />
              <button type="button" class="button button-quiet button-danger" onClick={() => setEpisodes(episodes.filter((_, at) => at !== index))}>
                {typeFieldText.removeEpisode(index + 1)}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
    </>
  )
}

function EpisodeFields(props: FieldGroupProps & { index: number }) {
  const at = (name: string) => `episodes.${props.index}.${name}`
  const title = bind(props, at('title'))
  const slug = bind(props, at('slug'))
  return (
    <>
      <TextField {...title} required onBlur={() => !slug.value && typeof title.value === 'string' && title.value && props.set(at('slug'), slugify(title.value))} />
      <TextField {...slug} required />
      <TextArea {...bind(props, at('summary'))} required rows={3} />
      <DateTimeField {...bind(props, at('publishedAt'))} required hint={typeFieldText.osloTime} />
      <div class="field-pair">
        <TextField {...bind(props, at('season'))} inputMode="numeric" class="field-short" onValue={(text) => props.set(at('season'), numberish(text))} />
        <TextField {...bind(props, at('episode'))} inputMode="numeric" class="field-short" onValue={(text) => props.set(at('episode'), numberish(text))} />
      </div>
      <MediaPathField
        {...props}
        path={at('audio.src')}
        kind="audio"
        onPicked={(media) =>
          props.set(at('audio'), { src: media.path, bytes: media.bytes, mimeType: media.contentType, durationSeconds: media.durationSeconds ?? '' })
        }
      />
      <TextField
        {...bind(props, at('audio.durationSeconds'))}
        inputMode="numeric"
        class="field-short"
        required
        onValue={(text) => props.set(at('audio.durationSeconds'), numberish(text))}
      />
      <MediaPathField {...props} path={at('transcript')} kind="captions" hint={typeFieldText.transcriptHint} />
      {props.errors[at('audio')] && (
        <p class="field-error">
          <strong class="error-prefix">{t.errorPrefix}</strong> {props.errors[at('audio')]}
        </p>
      )}
    </>
  )
}

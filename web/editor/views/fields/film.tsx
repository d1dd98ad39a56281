import { TextArea, TextField } from '../../components/fields.tsx'
import { numberish } from '../../form/model.ts'
import { t, typeFieldText } from '../../text.ts'
import { bind, type FieldGroupProps } from './bind.ts'
import { ImageField, MediaPathField } from './media-field.tsx'

/** A film is an uploaded video (with captions and audio description) or a link to an external video service. */
export function FilmFields(props: FieldGroupProps) {
  return (
    <>
      <MediaPathField
        {...props}
        path="video.src"
        kind="video"
        hint={typeFieldText.videoHint}
        onPicked={(media) => media.durationSeconds && props.set('video.durationSeconds', media.durationSeconds)}
      />
      <TextField {...bind(props, 'video.externalUrl')} type="url" hint={typeFieldText.externalHint} />
      <TextField
        {...bind(props, 'video.durationSeconds')}
        inputMode="numeric"
        required
        class="field-short"
        onValue={(text) => props.set('video.durationSeconds', numberish(text))}
      />
      <MediaPathField {...props} path="video.captions" kind="captions" hint={typeFieldText.captionsHint} />
      <MediaPathField {...props} path="video.audioDescribedSrc" kind="video" hint={typeFieldText.audioDescribedHint} />
      <TextArea {...bind(props, 'video.audioDescriptionExemptReason')} hint={typeFieldText.exemptHint} rows={2} />
      {props.errors['video.audioDescription'] && (
        <p class="field-error">
          <strong class="error-prefix">{t.errorPrefix}</strong> {props.errors['video.audioDescription']}
        </p>
      )}
      <ImageField {...props} path="video.poster" />
    </>
  )
}

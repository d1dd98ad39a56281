import type { Media, MediaKind } from '../../api/types.ts'
import { fieldId, TextField } from '../../components/fields.tsx'
import { t } from '../../text.ts'
import { bind, type FieldGroupProps } from './bind.ts'

/** «Fjern bilde» removes itself: focus goes to «Velg bilde» beside it, not to the body (WCAG 2.4.3). */
const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus())

const fileName = (path: unknown) => (typeof path === 'string' ? decodeURIComponent(path.split('/').pop() ?? path) : '')

/** A file from the media library stored as its /media/… path (video, captions, audio, transcript). */
export function MediaPathField(props: FieldGroupProps & { path: string; kind: MediaKind; hint?: string; onPicked?: (media: Media) => void }) {
  const field = bind(props, props.path)
  const id = fieldId(props.path)
  const current = typeof field.value === 'string' && field.value ? field.value : undefined
  return (
    <div class={`field media-field${field.error ? ' field-invalid' : ''}`} role="group" aria-labelledby={`${id}-label`}>
      <p class="label" id={`${id}-label`}>
        {field.label}
      </p>
      {props.hint && <p class="hint">{props.hint}</p>}
      {field.error && (
        <p class="field-error" id={`${id}-error`}>
          <strong class="error-prefix">{t.errorPrefix}</strong> {field.error}
        </p>
      )}
      <p class="media-current">{current ? fileName(current) : t.noFile}</p>
      <div class="button-row">
        <button
          type="button"
          class="button"
          id={id}
          aria-describedby={field.error ? `${id}-error` : undefined}
          onClick={() =>
            props.pickMedia(props.kind, (media) => {
              field.onValue(media.path)
              props.onPicked?.(media)
            })
          }
        >
          {current ? t.changeFile : t.chooseFile}
          <span class="visually-hidden"> – {field.label}</span>
        </button>
        {current && (
          <button type="button" class="button button-quiet" onClick={() => (field.onValue(''), focusSoon(id))}>
            {t.removeFile}
            <span class="visually-hidden"> – {field.label}</span>
          </button>
        )}
      </div>
    </div>
  )
}

/** An image stored as { src, alt, width, height }: picked from the library, with its alt text required. */
export function ImageField(props: FieldGroupProps & { path: string; hint?: string }) {
  const field = bind(props, props.path)
  const image = field.value as { src?: string; alt?: string } | undefined
  const id = fieldId(props.path)
  const error = field.error ?? props.errors[`${props.path}.src`]
  return (
    <div class={`field media-field${error ? ' field-invalid' : ''}`} role="group" aria-labelledby={`${id}-label`}>
      <p class="label" id={`${id}-label`}>
        {field.label}
      </p>
      {props.hint && <p class="hint">{props.hint}</p>}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          <strong class="error-prefix">{t.errorPrefix}</strong> {error}
        </p>
      )}
      {image?.src && <img class="media-thumb" src={image.src} alt="" />}
      <div class="button-row">
        <button
          type="button"
          class="button"
          id={id}
          onClick={() =>
            props.pickMedia('image', (media) =>
              field.onValue({ src: media.path, alt: image?.alt || media.alt || '', ...(media.width ? { width: media.width } : {}), ...(media.height ? { height: media.height } : {}) }),
            )
          }
        >
          {image?.src ? t.changeImage : t.chooseImage}
          <span class="visually-hidden"> – {field.label}</span>
        </button>
        {image?.src && (
          <button type="button" class="button button-quiet" onClick={() => (field.onValue(undefined), focusSoon(id))}>
            {t.removeImage}
            <span class="visually-hidden"> – {field.label}</span>
          </button>
        )}
      </div>
      {image?.src && <TextField {...bind(props, `${props.path}.alt`)} label={t.altText} hint={t.altTextHint} required />}
    </div>
  )
}

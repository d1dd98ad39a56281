import { useState } from 'preact/hooks'
import type { Media } from '../api/types.ts'
import { describeError } from '../components/common.tsx'
import { useWorkspace } from '../context.ts'
import { t } from '../text.ts'

/** Alt text for an image in the library: required before the image can be used (the API marks `needsAlt`). */
export function AltTextForm({ media, onSaved, submitLabel }: { media: Media; onSaved: (media: Media) => void; submitLabel?: string }) {
  const { tenantApi, announce } = useWorkspace()
  const [alt, setAlt] = useState(media.alt ?? '')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const id = `alt-${media.id}`
  const submit = async (event: Event) => {
    event.preventDefault()
    if (!alt.trim()) return setError(t.altRequired)
    setBusy(true)
    try {
      const saved = await tenantApi.updateMedia(media.id, { alt: alt.trim() })
      setError(undefined)
      announce(t.altSaved)
      onSaved(saved)
    } catch (caught) {
      setError(describeError(caught))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form class="alt-form" onSubmit={submit} noValidate>
      <label for={id}>
        {t.altText}
        <span class="visually-hidden"> – {media.filename}</span>
      </label>
      {media.needsAlt && !error && <span class="tag tag-warning">{t.missingAlt}</span>}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          <strong class="error-prefix">{t.errorPrefix}</strong> {error}
        </p>
      )}
      <div class="inline-form">
        <input
          id={id}
          value={alt}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
          onInput={(event) => setAlt((event.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="button" disabled={busy}>
          {submitLabel ?? t.saveAlt}
        </button>
      </div>
      <p class="hint" id={`${id}-hint`}>
        {t.altTextHint}
      </p>
    </form>
  )
}

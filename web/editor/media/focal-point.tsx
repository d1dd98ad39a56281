import { useState } from 'preact/hooks'
import { ApiError } from '../api/client.ts'
import type { Media } from '../api/types.ts'
import { describeError } from '../components/common.tsx'
import { useWorkspace } from '../context.ts'
import { focalStyle } from '../../site/components/focal-style.ts'
import { libraryText } from './library-text.ts'

type Point = NonNullable<Media['focalPoint']>
const centre: Point = { x: 0.5, y: 0.5 }
const text = libraryText.focal
const percent = (fraction: number) => Math.round(fraction * 100)
const clamp = (value: number) => Math.min(1, Math.max(0, value))

/**
 * An image's focal point (issue 17): cards crop pictures to their own shape, centred unless told where the subject
 * is. Set by clicking or tapping the picture, or with two labelled sliders (keyboard and switch users; WCAG 2.1.1);
 * the two crops readers see are previewed with the same `object-position` the site writes (focalStyle). Saved with
 * the `updatedAt` this copy has: if someone else changed the file meanwhile, theirs is shown rather than overwritten.
 */
export function FocalPoint({ media, onSaved }: { media: Media; onSaved: (media: Media) => void }) {
  const [open, setOpen] = useState(false)
  const saved = media.focalPoint ?? centre
  return (
    <details class="focal-point" onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
      <summary>
        {text.summary(saved.x === 0.5 && saved.y === 0.5 ? text.centre : text.point(percent(saved.x), percent(saved.y)))}
        <span class="visually-hidden"> – {media.title ?? media.filename}</span>
      </summary>
      {open && <FocalPointEditor media={media} onSaved={onSaved} />}
    </details>
  )
}

export function FocalPointEditor({ media, onSaved }: { media: Media; onSaved: (media: Media) => void }) {
  const { tenantApi, announce } = useWorkspace()
  const [point, setPoint] = useState<Point>(media.focalPoint ?? centre)
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const id = `focal-${media.id}`
  const style = focalStyle(point)

  const pick = (event: MouseEvent) => {
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect()
    if (!box.width || !box.height) return
    setPoint({ x: clamp((event.clientX - box.left) / box.width), y: clamp((event.clientY - box.top) / box.height) })
  }
  const slide = (axis: 'x' | 'y') => (event: Event) => setPoint((current) => ({ ...current, [axis]: clamp(Number((event.currentTarget as HTMLInputElement).value) / 100) }))

  const save = async () => {
    setBusy(true)
    try {
      const isCentre = point.x === 0.5 && point.y === 0.5
      const next = await tenantApi.updateMedia(media.id, { focalPoint: isCentre ? null : point, updatedAt: media.updatedAt })
      setError(undefined)
      announce(text.saved)
      onSaved(next)
    } catch (caught) {
      const current = caught instanceof ApiError && caught.code === 'stale_version' ? (caught.current as Media | undefined) : undefined
      if (current) {
        setPoint(current.focalPoint ?? centre)
        onSaved(current)
      }
      setError(current ? text.stale : describeError(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div class="focal-editor">
      <p class="hint" id={`${id}-hint`}>
        {text.hint}
      </p>
      {/* The sliders below do the same from the keyboard; the picture itself is named by the file above. */}
      <div class="focal-frame" onClick={pick}>
        <img src={media.path} alt="" />
        <span class="focal-marker" aria-hidden="true" style={`left:${percent(point.x)}%;top:${percent(point.y)}%`} />
      </div>
      <div class="focal-sliders">
        <label for={`${id}-x`}>{text.horizontal}</label>
        <input id={`${id}-x`} type="range" min={0} max={100} step={1} value={percent(point.x)} aria-valuetext={text.fromLeft(percent(point.x))} aria-describedby={`${id}-hint`} onInput={slide('x')} />
        <label for={`${id}-y`}>{text.vertical}</label>
        <input id={`${id}-y`} type="range" min={0} max={100} step={1} value={percent(point.y)} aria-valuetext={text.fromTop(percent(point.y))} aria-describedby={`${id}-hint`} onInput={slide('y')} />
      </div>
      <figure class="focal-previews">
        <figcaption>{text.preview}</figcaption>
        <div class="focal-preview focal-preview-wide">
          <img src={media.path} alt="" style={style} />
          <span>{text.wide}</span>
        </div>
        <div class="focal-preview focal-preview-square">
          <img src={media.path} alt="" style={style} />
          <span>{text.square}</span>
        </div>
      </figure>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <p class="hint">{text.usedLater}</p>
      <div class="inline-form">
        <button type="button" class="button" disabled={busy} onClick={() => void save()}>
          {text.save}
          <span class="visually-hidden"> – {media.title ?? media.filename}</span>
        </button>
        <button type="button" class="button button-quiet" onClick={() => setPoint(centre)}>
          {text.reset}
        </button>
      </div>
    </div>
  )
}

import { useEffect, useRef } from 'preact/hooks'
import { itemPath, type ContentType } from '../../../../functions/content/schema.ts'
import { recommendedDescriptionLength, shareDescription, shareImageOf } from '../../../../functions/content/sharing.ts'
import { TextArea } from '../../components/fields.tsx'
import { useWorkspace } from '../../context.ts'
import type { Fields } from '../../form/model.ts'
import { sharingText as s } from '../../text/sharing.ts'
import { bind, type FieldGroupProps } from './bind.ts'
import { ImageField } from './media-field.tsx'

/** What the schema lets be stored (functions/content/schema.ts metaDescription); the recommendation is a warning only. */
const maxDescriptionLength = 300
/** Where the count is first read out: enough warning to finish the sentence. */
const nearLength = recommendedDescriptionLength - 20

type Band = 'within' | 'near' | 'over' | 'tooLong'
const bandOf = (length: number): Band =>
  length > maxDescriptionLength ? 'tooLong' : length > recommendedDescriptionLength ? 'over' : length > nearLength ? 'near' : 'within'

/**
 * «Deling og søk» (issue 17): the meta description and share image, and a live preview of the shared link and
 * the search result. The preview takes its fallbacks (summary, main image) from the same module as the reader
 * site's head, so it shows what the page will say.
 */
export function SharingSection(props: FieldGroupProps) {
  return (
    <section class="panel" aria-labelledby="section-sharing">
      <h2 id="section-sharing">{s.heading}</h2>
      <p class="hint">{s.intro}</p>
      <DescriptionField {...props} />
      <ImageField {...props} path="shareImage" hint={s.imageHint} />
      <SharePreview fields={props.fields} />
    </section>
  )
}

/**
 * The description with a visible count. A screen reader hears the count only when it crosses a threshold (20
 * left, over the recommendation, over the limit, back within), in the workspace's polite live region: a live
 * counter would speak over every key typed.
 */
function DescriptionField(props: FieldGroupProps) {
  const { announce } = useWorkspace()
  const field = bind(props, 'metaDescription')
  const length = typeof field.value === 'string' ? field.value.trim().length : 0
  const band = bandOf(length)
  const heard = useRef(band)
  useEffect(() => {
    if (band === heard.current) return
    heard.current = band
    announce(
      band === 'near' ? s.announceNear(recommendedDescriptionLength - length) : band === 'over' ? s.announceOver(recommendedDescriptionLength) : band === 'tooLong' ? s.announceTooLong(maxDescriptionLength) : s.announceWithin,
    )
  }, [band])
  const count =
    band === 'tooLong' ? s.countTooLong(length, maxDescriptionLength) : band === 'over' ? s.countOver(length, recommendedDescriptionLength) : s.count(length, recommendedDescriptionLength)
  return (
    <TextArea
      {...field}
      rows={3}
      hint={
        <>
          {s.descriptionHint}{' '}
          <span class={band === 'over' || band === 'tooLong' ? 'char-count char-count-over' : 'char-count'}>{count}</span>
        </>
      }
    />
  )
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')
const picture = (value: unknown) => {
  const image = value as { src?: unknown; alt?: unknown } | undefined
  return typeof image?.src === 'string' && image.src ? { src: image.src, alt: text(image.alt) } : undefined
}

/** The share card and the search snippet, as the fields stand now. */
function SharePreview({ fields }: { fields: Fields }) {
  const { tenant } = useWorkspace()
  const sharable = { summary: text(fields.summary), metaDescription: text(fields.metaDescription) || undefined, image: picture(fields.image), shareImage: picture(fields.shareImage) }
  const description = shareDescription(sharable) || s.noDescription
  const image = shareImageOf(sharable)
  const title = text(fields.title) || s.untitled
  const host = globalThis.location?.host ?? ''
  const path = itemPath({ tenant: tenant.id, type: fields.type as ContentType, slug: text(fields.slug) || '…' })
  // Search engines cut the snippet at about this length; the share card clamps its text in CSS.
  const snippet = description.length > recommendedDescriptionLength ? `${description.slice(0, recommendedDescriptionLength).trimEnd()} …` : description
  return (
    <div class="share-preview" role="group" aria-labelledby="share-preview-heading">
      <h3 id="share-preview-heading">{s.previewHeading}</h3>
      <p class="hint">{s.previewHint}</p>
      <figure class="share-card-figure">
        <figcaption>{s.cardHeading}</figcaption>
        <div class={image ? 'share-card' : 'share-card share-card-small'}>
          {image && <img class="share-card-image" src={image.src} alt={image.alt} />}
          <div class="share-card-text">
            <p class="share-card-host">{host}</p>
            <p class="share-card-title">{title}</p>
            <p class="share-card-description">{description}</p>
          </div>
        </div>
        {!image && <p class="hint">{s.cardNoImage}</p>}
      </figure>
      <figure class="search-snippet-figure">
        <figcaption>{s.searchHeading}</figcaption>
        <div class="search-snippet">
          <p class="search-snippet-url">{[host, ...path.split('/').filter(Boolean)].filter(Boolean).join(' › ')}</p>
          <p class="search-snippet-title">{`${title} – ${tenant.name}`}</p>
          <p class="search-snippet-description">{snippet}</p>
        </div>
      </figure>
    </div>
  )
}

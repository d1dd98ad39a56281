import type { ContentCard } from '../../../functions/content/schema.ts'
import { variantContentTypes, variantPath } from '../../../functions/media/paths.ts'
import { focalStyle } from './focal-style.ts'

type Image = NonNullable<ContentCard['image']>

/**
 * An item's picture as `<picture>`: a `<source>` per variant format (AVIF first, then WebP) whose `srcset`
 * lists the widths the media worker wrote, and the original as the `<img>` every browser can fall back on.
 * `width`/`height` are always the original's, so the browser reserves the box before any byte arrives (no
 * layout shift). The page's first picture is fetched early and at high priority (it is usually the largest
 * paint); every other one waits until it nears the viewport.
 */
export function Picture(props: { image: Image; sizes: string; alt?: string; class?: string; first?: boolean }) {
  const { image, sizes, first } = props
  const img = (
    <img
      class={props.class}
      style={focalStyle(image.focalPoint)}
      src={image.src}
      alt={props.alt ?? image.alt}
      width={image.width}
      height={image.height}
      {...(first ? { fetchpriority: 'high' as const } : { loading: 'lazy' as const, decoding: 'async' as const })}
    />
  )
  const variants = image.variants
  if (!variants?.widths.length || !variants.formats.length) return img
  return (
    <picture>
      {variants.formats.map((format) => (
        <source type={variantContentTypes[format]} srcset={variants.widths.map((width) => `${variantPath(image.src, width, format)} ${width}w`).join(', ')} sizes={sizes} />
      ))}
      {img}
    </picture>
  )
}

/**
 * How wide a card's picture is drawn (web/styles/site.css): `.wrap` (at most 68rem, 1rem padding each side),
 * a grid of columns at least 17rem wide with 1.25rem gaps, and 1rem padding plus a 1px border in each card.
 * One column below 37.25rem, two up to 55.5rem, three above; past 68rem the width stays put. A few pixels
 * generous, so the browser never picks a candidate smaller than it draws.
 */
export const cardSizes = [
  '(max-width: 37.25rem) calc(100vw - 4.125rem)',
  '(max-width: 55.5rem) calc(50vw - 3.75rem)',
  '(max-width: 68rem) calc(33.34vw - 3.625rem)',
  '19.1rem',
].join(', ')

/** An item page's hero: the article column (`.item`, at most 45rem) inside `.wrap`. */
export const heroSizes = '(max-width: 47rem) calc(100vw - 2rem), 45rem'

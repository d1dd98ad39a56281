import { variantPath } from '../media/paths.ts'
import type { ContentFields, ImageVariants } from './schema.ts'

/**
 * What a shared link and a search result show of an item (issue 17): the editor's meta description and share
 * image, else the summary and the main image. Zod-free: the reader site's head and the workspace's preview
 * both read it, so the preview shows exactly what the page will say.
 */

/** Search engines cut a description at about this many characters; the workspace warns above it. */
export const recommendedDescriptionLength = 160

type Sharable = Pick<ContentFields, 'summary' | 'image' | 'metaDescription' | 'shareImage'>

export const shareDescription = (item: Sharable): string => item.metaDescription?.trim() || item.summary

export const shareImageOf = (item: Sharable) => item.shareImage ?? item.image

/** Link previews are drawn at up to 1200 px wide (Facebook's and LinkedIn's recommendation). */
export const shareImageWidth = 1200

/**
 * The file a scraper fetches: the narrowest WebP variant at least 1200 px wide when the media worker wrote one
 * (a phone photo's original can be several MB, more than some scrapers take), else the original, which every
 * scraper reads. Never AVIF: few scrapers decode it. Width and height are the file's own, scaled as the worker
 * scaled it (variants keep the aspect ratio), so a preview is laid out before the picture arrives.
 */
export function sharePicture(image: { src: string; alt: string; width?: number; height?: number; variants?: ImageVariants }) {
  const { src, alt, width, height } = image
  const wide = image.variants?.formats.includes('webp') ? image.variants.widths.filter((candidate) => candidate >= shareImageWidth).sort((a, b) => a - b)[0] : undefined
  if (!wide || !width || !height) return { src, alt, width, height }
  return { src: variantPath(src, wide, 'webp'), alt, width: wide, height: Math.round((height * wide) / width) }
}

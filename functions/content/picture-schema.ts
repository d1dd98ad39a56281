import * as z from 'zod'
import { isMediaPath, maxMediaPathLength, mediaPathMessage, variantFormats } from '../media/paths.ts'
import { lineText } from './text.ts'

/**
 * A stored picture and a media path, apart from schema.ts so the rich-text schema (richtext.ts, which schema.ts
 * imports) can hold an embed's copied poster without an import cycle.
 */
export const mediaPathSchema = z.string().max(maxMediaPathLength).refine(isMediaPath, { message: mediaPathMessage, params: { code: 'invalid_media' } })

/**
 * Which responsive variants of the picture exist (functions/media/variants.ts), so a page builds `srcset`
 * with media/paths.ts variantPath and no other read. Filled from the media record at save time (facts.ts),
 * whatever the editor sent.
 */
export const imageVariantsSchema = z.object({
  widths: z.array(z.int().min(1).max(10_000)).max(8),
  formats: z.array(z.enum(variantFormats)).max(variantFormats.length),
})
export type ImageVariants = z.infer<typeof imageVariantsSchema>

/**
 * Where a picture's subject is (issue 17), as fractions of its width and height from the top left: a crop to a
 * card's shape keeps this point in view (`object-position`). Set in the media library; absent means the centre.
 */
export const focalPointSchema = z.object({
  x: z.number().min(0, 'x is a fraction of the width, 0 to 1').max(1, 'x is a fraction of the width, 0 to 1'),
  y: z.number().min(0, 'y is a fraction of the height, 0 to 1').max(1, 'y is a fraction of the height, 0 to 1'),
})
export type FocalPoint = z.infer<typeof focalPointSchema>

export const imageSchema = z.object({
  src: mediaPathSchema,
  alt: lineText(500),
  width: z.int().optional(),
  height: z.int().optional(),
  variants: imageVariantsSchema.optional(),
  /** Copied from the media record at save time (media/facts.ts), like the variants: items get a new one on their next save. */
  focalPoint: focalPointSchema.optional(),
})

import { variantFormats, variantPath, type VariantFormat } from './paths.ts'

/**
 * Which variant files a picture has or may have, without the codecs (variants.ts loads those): the editor
 * API's delete and the media worker's bookkeeping import this, and never carry a codec they do not run.
 */

/** Candidate widths; a picture gets those not wider than itself (never upscaled), or its own if narrower than all. */
export const variantWidths = [320, 640, 1024, 1600] as const

export interface MediaVariants {
  widths: number[]
  formats: VariantFormat[]
  /** Bytes per format, in the order of `widths`. */
  bytes: Partial<Record<VariantFormat, number[]>>
}

export const variantWidthsFor = (width: number): number[] => {
  const fitting = variantWidths.filter((candidate) => candidate <= width)
  return fitting.length ? fitting : [width]
}

/** Every key variants of this file may have, written or left by an interrupted run: what a delete removes. */
export function variantKeysOf(media: { key: string; width?: number; variants?: Pick<MediaVariants, 'widths'> }): string[] {
  const widths = new Set([...variantWidths, ...(media.width ? variantWidthsFor(media.width) : []), ...(media.variants?.widths ?? [])])
  return [...widths].flatMap((width) => variantFormats.map((format) => variantPath(media.key, width, format)))
}

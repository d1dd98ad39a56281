import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { cacheSeconds } from '../../infra/definitions.ts'
import { variantContentTypes, variantFormats, variantPath, type VariantFormat } from './paths.ts'
import { variantWidthsFor, type MediaVariants } from './variant-files.ts'

export type { MediaVariants } from './variant-files.ts'

/**
 * Responsive variants of a verified picture: WebP and AVIF at a few widths, beside the original in its own
 * folder (paths.ts variantPath), so a phone fetches a few KB where the original is tens. Written after the
 * original is public and before the record is ready, and recorded on it; content items copy widths and
 * formats at save time (facts.ts), so readers' pages build `srcset` without another read.
 *
 * Measured here (2 × EPYC, Node 20, unbundled) on the demo's 1200×630 PNG illustrations (~30 KB): decode
 * 15 ms, resize ~28 ms per width, WebP 5/13/35 ms and AVIF 13/30/64 ms at 320/640/1024; 1.4/2.6/4.3 KB WebP,
 * 1.0/1.9/2.7 KB AVIF. AVIF at speed 6 made files a quarter smaller again but took ten times as long
 * (685 ms at 1024), so speed 8.
 */

/** Bigger pictures are served as they are: decoding one would take more memory than the worker should risk. */
export const maxVariantPixels = 40_000_000

export interface VariantOptions {
  s3: S3Client
  bucket: string
}

/** The original as verified: its public key (which the variants are named after), type and measured (upright) size. */
export interface VariantSource {
  key: string
  contentType: string
  width?: number
  height?: number
  /**
   * Where to read the bytes, if not at `key`: promoteUpload reads the staged upload, conditional on the
   * verified ETag, so the worker needs no read access to readers' keys and decodes exactly what was checked.
   */
  read?: { key: string; ifMatch?: string }
}

// One picture at a time per process: a decoded 40-megapixel picture is 160 MB before its resized copies.
let queue: Promise<unknown> = Promise.resolve()
const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
  const run = queue.then(work, work)
  queue = run.catch(() => undefined)
  return run
}

const log = (outcome: string, key: string, detail: Record<string, unknown> = {}) =>
  console.error(JSON.stringify({ mediaVariants: { outcome, key, ...detail } }))

/**
 * Writes the variants and answers what was written, or undefined when the picture gets none (too big, not
 * decodable, or a failure on the way, which is logged and whatever was written removed): readers then get
 * the original, which is public already, so the upload is never lost for it.
 */
export async function writeVariants(options: VariantOptions, source: VariantSource): Promise<MediaVariants | undefined> {
  const { width, height } = source
  if (!width || !height) return undefined
  if (width * height > maxVariantPixels) {
    log('skipped', source.key, { reason: `${width}×${height} is more than ${maxVariantPixels} pixels` })
    return undefined
  }
  const written: string[] = []
  try {
    return await oneAtATime(async () => {
      const original = await options.s3.send(new GetObjectCommand({ Bucket: options.bucket, Key: source.read?.key ?? source.key, IfMatch: source.read?.ifMatch }))
      if (!original.Body) throw new Error('The original has no body')
      const { decode, encode, isOpaque, resizeTo } = await import('./codecs.ts')
      const pixels = await decode(await original.Body.transformToByteArray(), source.contentType)
      // The record's size is what pages reserve room for: variants must have its shape, or none are made.
      if (pixels.width !== width || pixels.height !== height) throw new Error(`Decoded ${pixels.width}×${pixels.height}, measured ${width}×${height}`)
      const cacheControl = original.CacheControl ?? `public, max-age=${cacheSeconds.media}, immutable`
      const widths = variantWidthsFor(width)
      const opaque = isOpaque(pixels)
      const files: Array<{ key: string; format: VariantFormat; body: Uint8Array }> = []
      for (const target of widths) {
        const resized = await resizeTo(pixels, target, Math.max(1, Math.round((height * target) / width)), opaque)
        for (const format of variantFormats) files.push({ key: variantPath(source.key, target, format), format, body: await encode(resized, format) })
      }
      await Promise.all(
        files.map(async (file) => {
          written.push(file.key)
          await options.s3.send(
            new PutObjectCommand({ Bucket: options.bucket, Key: file.key, Body: file.body, ContentType: variantContentTypes[file.format], CacheControl: cacheControl }),
          )
        }),
      )
      const bytes = Object.fromEntries(variantFormats.map((format) => [format, files.filter((file) => file.format === format).map((file) => file.body.byteLength)]))
      return { widths, formats: [...variantFormats], bytes }
    })
  } catch (error) {
    log('failed', source.key, { error: (error as Error).message })
    await Promise.all(written.map((key) => options.s3.send(new DeleteObjectCommand({ Bucket: options.bucket, Key: key })).catch(() => undefined)))
    return undefined
  }
}

import { createHash } from 'node:crypto'
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { cacheSeconds } from '../../infra/definitions.ts'
import { variantContentTypes, variantFormats, variantPath, type VariantFormat } from './paths.ts'
import { variantWidthsFor, type MediaVariants } from './variant-files.ts'
import { createLogger } from '../shared/logger.ts'

export type { MediaVariants } from './variant-files.ts'

/**
 * Responsive variants of a verified picture: WebP and AVIF at a few widths, beside the original in its own
 * folder (paths.ts variantPath), so a phone fetches a few KB where the original is tens. Written after the
 * original is public and before the record is ready, and recorded on it; content items copy widths and
 * formats at save time (facts.ts), so readers' pages build `srcset` without another read.
 *
 * Measured here (2 × EPYC, Node 20): the demo's 55 pictures (1200×630 and 1280×720 PNG illustrations,
 * 1400² podcast artwork; 2.0 MB of PNG) take 14.5 s of CPU in all — AVIF 6.9 s, WebP 3.6 s, resizing
 * 3.5 s, decoding 0.4 s — for 0.5 MB of WebP and 0.3 MB of AVIF. AVIF at speed 6 made files a quarter
 * smaller again but took ten times as long (685 ms for one 1024 px picture), so speed 8 (codecs.ts).
 */

/**
 * Bigger pictures are served as they are. Measured: an 8000×5000 JPEG (8 MB) takes 3.6 s and leaves the
 * process at ~1 GB resident (the codecs' WASM memories grow to fit and never shrink), half the worker's
 * 2048 MB; a 12-megapixel phone photo takes 2 s.
 */
export const maxVariantPixels = 40_000_000

export interface VariantOptions {
  s3: S3Client
  bucket: string
  /** Encoded variants kept by the original's bytes (the local demo seed's disk cache); none in AWS. */
  memo?: VariantMemo
}

/** A variant as encoded: what a memo keeps per original. */
export interface EncodedVariant {
  width: number
  format: VariantFormat
  body: Uint8Array
}

/**
 * Encoded variants by the original's bytes and the recipe (widths, encoder settings), so the same picture is
 * encoded once per machine: the demo seed's ~60 pictures took 17 s of WASM on every seeded test system.
 */
export interface VariantMemo {
  get(digest: string): Promise<EncodedVariant[] | undefined>
  put(digest: string, variants: EncodedVariant[]): Promise<void>
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

const logger = createLogger()
const log = (outcome: string, key: string, detail: Record<string, unknown> = {}) =>
  (outcome === 'failed' ? logger.error : logger.warn)('Responsive variants not made', { mediaVariants: { outcome, key, ...detail } })

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
      const originalBytes = await original.Body.transformToByteArray()
      const widths = variantWidthsFor(width)
      const cacheControl = original.CacheControl ?? `public, max-age=${cacheSeconds.media}, immutable`
      const digest = options.memo && (await variantDigest(originalBytes, widths))
      const remembered = digest ? await options.memo!.get(digest) : undefined
      const complete = remembered && widths.every((target) => variantFormats.every((format) => remembered.some((variant) => variant.width === target && variant.format === format)))
      const encoded = complete ? remembered : await encodeVariants(originalBytes, source.contentType, { width, height }, widths)
      if (digest && !complete) await options.memo!.put(digest, encoded)
      const files = encoded.map((variant) => ({ ...variant, key: variantPath(source.key, variant.width, variant.format) }))
      await Promise.all(
        files.map(async (file) => {
          written.push(file.key)
          await options.s3.send(
            new PutObjectCommand({ Bucket: options.bucket, Key: file.key, Body: file.body, ContentType: variantContentTypes[file.format], CacheControl: cacheControl }),
          )
        }),
      )
      const sizeOf = (target: number, format: VariantFormat) => files.find((file) => file.width === target && file.format === format)!.body.byteLength
      const bytes = Object.fromEntries(variantFormats.map((format) => [format, widths.map((target) => sizeOf(target, format))]))
      return { widths, formats: [...variantFormats], bytes }
    })
  } catch (error) {
    log('failed', source.key, { error: (error as Error).message })
    await Promise.all(written.map((key) => options.s3.send(new DeleteObjectCommand({ Bucket: options.bucket, Key: key })).catch(() => undefined)))
    return undefined
  }
}

async function encodeVariants(bytes: Uint8Array, contentType: string, size: { width: number; height: number }, widths: number[]): Promise<EncodedVariant[]> {
  const { decode, encode, isOpaque, resizeTo } = await import('./codecs.ts')
  const pixels = await decode(bytes, contentType)
  // The record's size is what pages reserve room for: variants must have its shape, or none are made.
  if (pixels.width !== size.width || pixels.height !== size.height) throw new Error(`Decoded ${pixels.width}×${pixels.height}, measured ${size.width}×${size.height}`)
  const opaque = isOpaque(pixels)
  const variants: EncodedVariant[] = []
  for (const width of widths) {
    const resized = await resizeTo(pixels, width, Math.max(1, Math.round((size.height * width) / size.width)), opaque)
    for (const format of variantFormats) {
      // Each encode holds the thread for a while: waiting a turn of the event loop lets requests answer in between
      // (the local system serves while it seeds; a Lambda has nothing waiting, so it costs nothing there).
      await new Promise((resolve) => setImmediate(resolve))
      variants.push({ width, format, body: await encode(resized, format) })
    }
  }
  return variants
}

/** The memo's key: the original's bytes and everything that shapes its variants. */
async function variantDigest(bytes: Uint8Array, widths: number[]): Promise<string> {
  const { encoderSettings } = await import('./codecs.ts')
  return createHash('sha256').update(JSON.stringify({ widths, formats: variantFormats, encoderSettings })).update(bytes).digest('hex')
}

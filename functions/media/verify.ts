import { HeadObjectCommand } from '@aws-sdk/client-s3'
import { fileTypeFromTokenizer } from 'file-type'
import { imageSize } from 'image-size'
import { parseFromTokenizer } from 'music-metadata'
import { describeContent, formatBytes, kindRules, MB, tooBig, type MediaKind } from './kinds.ts'
import { ObjectReader } from './object-reader.ts'
import type { Target } from './presign.ts'
import type { RefusalReason } from './refusals.ts'
import type { ScormFacts } from './scorm-schema.ts'
import type { MediaVariants } from './variant-files.ts'

/** What the file turned out to be, measured from its bytes rather than typed in. */
export interface Facts {
  bytes: number
  width?: number
  height?: number
  durationSeconds?: number
  /** A picture's responsive variants (variants.ts), written after verification, before the ready mark. */
  variants?: MediaVariants
  /** A SCORM package's manifest facts, written once it is unpacked (scorm-unpack.ts). */
  scorm?: ScormFacts
}

export type Inspection =
  | { outcome: 'missing' }
  /** The object got other bytes while it was being read (another POST of the same form): check it again. */
  | { outcome: 'changed' }
  | { outcome: 'refused'; problem: string; reason: RefusalReason }
  /**
   * `etag`: the version that was checked, so it alone is what gets published (promote.ts). `text`: a
   * captions file's content, already read and decoded, for the transcript it becomes.
   */
  | { outcome: 'verified'; facts: Facts; etag: string; text?: string }

const refused = (reason: RefusalReason, problem: string): Inspection => ({ outcome: 'refused', problem, reason })
/** A measurement that failed: the reason and the sentence. */
type Failure = { reason: RefusalReason; problem: string }
/** S3's own failures carry `$metadata`; they are ours to report (500), not a verdict on the file. */
const isServiceError = (error: unknown) => typeof error === 'object' && error !== null && '$metadata' in error
/** No such key: removed, for instance by another delivery of the same event that published it. */
export const isNotFound = (error: unknown) =>
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404 || (error as Error).name === 'NoSuchKey'
/** S3 answers 412 when a read's If-Match no longer names the object's ETag. */
export const isPreconditionFailed = (error: unknown) =>
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 412 || (error as Error).name === 'PreconditionFailed'

/** The object's HEAD, or undefined when there is none. */
export async function headObject(target: Target) {
  try {
    return await target.s3.send(new HeadObjectCommand({ Bucket: target.bucket, Key: target.key }))
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw error
  }
}

async function sniff(reader: ObjectReader) {
  try {
    return await fileTypeFromTokenizer(reader)
  } catch (error) {
    if (isServiceError(error)) throw error
    return undefined
  }
}

/**
 * Decides whether an uploaded object is what the editor said it was: HEAD for size and stored type (S3
 * enforces both through the policy; s3rver does not, so they are checked here again), then the bytes
 * themselves — sniffed with file-type, and measured: pictures with image-size, sound and film with
 * music-metadata, captions decoded as UTF-8.
 */
export async function inspectUpload(target: Target, expected: { kind: MediaKind; contentType: string; bytes: number }): Promise<Inspection> {
  const object = await headObject(target)
  if (!object) return { outcome: 'missing' }
  const rule = kindRules[expected.kind]
  const format = rule.formats[expected.contentType]
  if (!format) return refused('type_not_accepted', `${expected.contentType} is not accepted for ${expected.kind} uploads. ${rule.advice}`)
  const size = object.ContentLength ?? 0
  if (size === 0) return refused('empty', 'The file is empty (0 bytes). Choose the file again and upload it.')
  if (size > rule.maxBytes) return refused('too_large', `${tooBig(rule.plural, rule.maxBytes, size, 'the uploaded file')} Make it smaller and upload it again.`)
  if (size > expected.bytes)
    return refused('larger_than_announced', `The uploaded file is ${formatBytes(size)}, larger than the ${formatBytes(expected.bytes)} announced. Start a new upload with the file's real size.`)
  if (size < expected.bytes)
    return refused('incomplete', `Only ${formatBytes(size)} of ${formatBytes(expected.bytes)} arrived: the upload did not finish. Upload the file again.`)
  const stored = (object.ContentType ?? '').split(';')[0]!.trim().toLowerCase()
  if (stored !== expected.contentType)
    return refused('stored_type_mismatch', `The file was stored as ${stored || 'an unknown type'}, not the ${expected.contentType} announced. Upload it again with the announced type.`)

  if (!object.ETag) throw new Error(`S3 answered HEAD ${target.key} without an ETag`)

  // Every read is conditional on the ETag HEAD saw, so the verdict is about one version of the object.
  const reader = new ObjectReader(target, { size, mimeType: expected.contentType, etag: object.ETag })
  try {
    const sniffed = await sniff(reader)
    if (!sniffed || !format.sniffed.includes(sniffed.mime))
      return refused('wrong_content', `The file is not ${format.name}: its content is ${describeContent(sniffed)}. ${rule.advice}`)
    reader.setPosition(0)
    const measured = await measure(expected.kind, reader, format.name)
    if ('problem' in measured) return refused(measured.reason, measured.problem)
    const { text, ...facts } = measured
    return { outcome: 'verified', facts: { bytes: size, ...facts }, etag: object.ETag, text }
  } catch (error) {
    if (isPreconditionFailed(error)) return { outcome: 'changed' }
    if (isNotFound(error)) return { outcome: 'missing' }
    throw error
  }
}

/** The kind's own facts, or why they could not be read. */
async function measure(kind: MediaKind, reader: ObjectReader, name: string): Promise<(Omit<Facts, 'bytes'> & { text?: string }) | Failure> {
  const size = reader.fileInfo.size
  switch (kind) {
    case 'image':
      return pictureSize(reader, size)
    case 'audio':
    case 'video':
      return playingTime(kind, reader, name)
    case 'captions': {
      const text = await reader.bytes(0, size)
      try {
        return { text: new TextDecoder('utf-8', { fatal: true }).decode(text) }
      } catch {
        return { reason: 'not_utf8', problem: 'The captions are not UTF-8 text. Save the .vtt file as UTF-8 and upload it again.' }
      }
    }
    case 'document':
    // A SCORM zip is checked whole, entry by entry, before it is unpacked (promote.ts, scorm-unpack.ts).
    case 'scorm':
      return {}
  }
}

async function pictureSize(reader: ObjectReader, size: number): Promise<Omit<Facts, 'bytes'> | Failure> {
  // The dimensions sit near the start; a JPEG with a large EXIF block needs the whole file (≤ 15 MB).
  for (const length of [Math.min(size, MB), size]) {
    try {
      const found = imageSize(await reader.bytes(0, length))
      // EXIF orientations 5–8 turn the picture a quarter: it is shown the other way round.
      const turned = (found.orientation ?? 1) >= 5
      if (found.width && found.height)
        return turned ? { width: found.height, height: found.width } : { width: found.width, height: found.height }
    } catch (error) {
      if (isServiceError(error)) throw error
    }
  }
  return { reason: 'unreadable', problem: 'The picture could not be read: the file may be damaged. Export it again and upload it.' }
}

async function playingTime(kind: 'audio' | 'video', reader: ObjectReader, name: string): Promise<Omit<Facts, 'bytes'> | Failure> {
  let format
  try {
    ;({ format } = await parseFromTokenizer(reader, { skipCovers: true }))
  } catch (error) {
    if (isServiceError(error)) throw error
    return { reason: 'unreadable', problem: `The file could not be read as ${name}: it may be damaged. Export it again and upload it.` }
  }
  if (!format.duration || !Number.isFinite(format.duration) || format.duration <= 0)
    return {
      reason: 'no_duration',
      problem: `No playing time could be read from the file, so it cannot be played. Export it again as ${name.replace(/^an? /, '')} and upload it.`,
    }
  if (kind === 'audio' && format.hasVideo)
    return { reason: 'has_video', problem: 'The file contains video. Upload it as a video (MP4), or export the sound alone as MP3 or M4A.' }
  if (kind === 'video' && format.hasVideo === false) return { reason: 'no_picture', problem: 'The file has sound but no picture. Upload it as audio instead.' }
  return { durationSeconds: Math.max(1, Math.round(format.duration)) }
}

import type { ContentFields, FocalPoint, ImageVariants } from '../content/schema.ts'
import type { Db } from '../shared/db.ts'
import { badRequest } from '../shared/errors.ts'
import * as keys from './keys.ts'
import { parseMediaPath, type VariantFormat } from './paths.ts'
import type { ScormFacts } from './scorm-schema.ts'

export interface MediaFacts {
  status?: string
  kind?: string
  bytes?: number
  contentType?: string
  durationSeconds?: number
  width?: number
  height?: number
  variants?: { widths?: number[]; formats?: VariantFormat[] }
  focalPoint?: FocalPoint
  scorm?: ScormFacts
}

/** A copy without any variants the form sent: only the media record says which exist. */
function withoutClaimedVariants(fields: ContentFields): ContentFields {
  const next = structuredClone(fields)
  delete next.image?.variants
  delete next.shareImage?.variants
  if (next.type === 'film') delete next.video.poster?.variants
  if (next.type === 'e-kurs' && next.scorm) next.scorm = { src: next.scorm.src, ...(next.scorm.validityMonths ? { validityMonths: next.scorm.validityMonths } : {}) }
  return next
}

/**
 * What the server measured when it verified an upload is the truth about a file: an episode's byte length,
 * type and duration, a film's duration and an image's size are taken from the media record on every save,
 * whatever the form sent. (Podcast apps check the enclosure length against the file.) So are a picture's
 * responsive variants: readers' pages ask for exactly the files the media worker wrote, and none that an
 * editor's form claims.
 */
export async function withMeasuredFacts(db: Db, fields: ContentFields): Promise<ContentFields> {
  const paths = new Set<string>()
  if (fields.image) paths.add(fields.image.src)
  if (fields.shareImage) paths.add(fields.shareImage.src)
  if (fields.type === 'film' && fields.video.src) paths.add(fields.video.src)
  if (fields.type === 'film' && fields.video.poster) paths.add(fields.video.poster.src)
  if (fields.type === 'podkast') for (const episode of fields.episodes) paths.add(episode.audio.src)
  if (fields.type === 'e-kurs' && fields.scorm) paths.add(fields.scorm.src)
  const facts = await measuredFacts(db, fields.tenant, [...paths])

  const next = withoutClaimedVariants(fields)
  measurePicture(next.image, facts)
  requireImage(next.shareImage, facts)
  measurePicture(next.shareImage, facts)
  if (next.type === 'film') {
    measurePicture(next.video.poster, facts)
    const video = facts(next.video.src)
    if (video?.durationSeconds) next.video.durationSeconds = video.durationSeconds
  }
  if (next.type === 'podkast') {
    for (const episode of next.episodes) {
      const audio = facts(episode.audio.src)
      if (!audio) continue
      if (audio.bytes) episode.audio.bytes = audio.bytes
      if (audio.durationSeconds) episode.audio.durationSeconds = audio.durationSeconds
      if (audio.contentType === 'audio/mpeg' || audio.contentType === 'audio/mp4' || audio.contentType === 'audio/x-m4a') episode.audio.mimeType = audio.contentType
    }
  }
  // A SCORM package's facts as the media worker read them; none for a file that is not an unpacked package.
  if (next.type === 'e-kurs' && next.scorm) Object.assign(next.scorm, facts(next.scorm.src)?.scorm)
  return next
}

/** What the media records of `tenant` say about these paths, read in one BatchGetItem; ready files only. */
export async function measuredFacts(db: Db, tenant: string, paths: string[]): Promise<(path: string | undefined) => MediaFacts | undefined> {
  // Only the owner's own files: another edition's are refused by the save (usage.ts), and never read here.
  const refs = [...new Set(paths)].flatMap((path) => {
    const ref = parseMediaPath(path)
    return ref && ref.tenant === tenant ? [{ path, ...ref }] : []
  })
  if (refs.length === 0) return () => undefined
  const records = await db.batchGet<MediaFacts & { PK: string; SK: string }>(refs.map((ref) => ({ PK: keys.tenantPk(ref.tenant), SK: keys.mediaSk(ref.mediaId) })))
  const byPath = new Map(refs.flatMap((ref) => {
    const record = records.find((candidate) => candidate.PK === keys.tenantPk(ref.tenant) && candidate.SK === keys.mediaSk(ref.mediaId))
    return record?.status === 'ready' ? [[ref.path, record] as const] : []
  }))
  return (path) => (path ? byPath.get(path) : undefined)
}

/**
 * A share image must be an image: usage.ts's check lets any ready file of the edition be used, and a link
 * preview pointing at a PDF shows nothing. A file not ready or not the edition's own has no facts here and is
 * refused by that check, in the save's transaction. (A media record's kind never changes, so reading it first is safe.)
 */
function requireImage(picture: { src: string } | undefined, facts: (path: string | undefined) => MediaFacts | undefined) {
  const found = facts(picture?.src)
  if (found?.kind && found.kind !== 'image') throw badRequest('The share image must be an image (JPEG, PNG or WebP) from the media library. Choose an image, then save again.', 'media_not_usable')
}

/**
 * A picture's measured size, responsive variants and focal point, from its media record, in place of whatever was
 * sent: the library is where the focal point is set, so a form cannot give an item another one.
 */
export function measurePicture(
  picture: { src: string; width?: number; height?: number; variants?: ImageVariants; focalPoint?: FocalPoint } | undefined,
  facts: (path: string | undefined) => MediaFacts | undefined,
) {
  const found = facts(picture?.src)
  if (!picture) return
  delete picture.variants
  delete picture.focalPoint
  if (!found) return
  if (found.focalPoint) picture.focalPoint = { x: found.focalPoint.x, y: found.focalPoint.y }
  if (found.width && found.height) Object.assign(picture, { width: found.width, height: found.height })
  const variants = found.variants
  if (variants?.widths?.length && variants.formats?.length) picture.variants = { widths: variants.widths, formats: variants.formats }
}

import { mediaBucket, mediaPathPrefix } from '../../infra/definitions.ts'

/**
 * The one shape of a stored media path: `/media/tenants/{tenant}/media/{ULID}/{file name}`, exactly as an
 * upload gets it (keys.ts), and nothing else. Every content field that holds a file, usage.ts and the
 * routers in front of the bucket read paths through here, so `..`, `//`, `\`, percent-encodings or another
 * prefix can never reach a key: the pattern has no room for them.
 */

/** A tenant id: lower-case words joined by single hyphens (as content/vocabulary.ts's slugs). */
const tenantPart = '[a-z0-9]+(?:-[a-z0-9]+)*'
const ulidPart = '[0-9A-HJKMNP-TV-Z]{26}'
/** What keys.ts safeFileName writes: a hyphenated lower-case base and an optional short extension. */
const fileNamePart = '[a-z0-9]+(?:-[a-z0-9]+)*(?:\\.[a-z0-9]{1,10})?'

/** The pattern's source, for code that cannot import this module (the CloudFront function). */
export const mediaPathSource = `^${mediaPathPrefix}${mediaBucket.keyPrefix}(${tenantPart})/media/(${ulidPart})/(${fileNamePart})$`
export const mediaPathPattern = new RegExp(mediaPathSource)

/** Longer than any path this shape allows with a 40-character tenant and a 91-character file name. */
export const maxMediaPathLength = 200

export interface MediaRef {
  tenant: string
  mediaId: string
  file: string
  /** The object's key in the media bucket: the path without `/media/`. */
  key: string
}

/** The upload a path names, or undefined when it is not exactly an upload's public path. */
export function parseMediaPath(path: string): MediaRef | undefined {
  if (path.length > maxMediaPathLength) return undefined
  const match = mediaPathPattern.exec(path)
  return match ? { tenant: match[1]!, mediaId: match[2]!, file: match[3]!, key: path.slice(mediaPathPrefix.length) } : undefined
}

export const isMediaPath = (path: string) => parseMediaPath(path) !== undefined

/** Formats of an image's responsive variants (variants.ts), best first: the order of a `<picture>`'s sources. */
export const variantFormats = ['avif', 'webp'] as const
export type VariantFormat = (typeof variantFormats)[number]
export const variantContentTypes: Record<VariantFormat, string> = { avif: 'image/avif', webp: 'image/webp' }

/**
 * `{base}-w{width}.{format}` beside the original `{base}.{ext}`, in the upload's own folder: still one file
 * name the media-path shape allows (so the routers serve it as any upload), and never the original's own
 * name (`w640.webp` would be, for an upload called w640.webp). Works on a key and on a path alike.
 */
export function variantPath(src: string, width: number, format: VariantFormat): string {
  const slash = src.lastIndexOf('/')
  const file = src.slice(slash + 1)
  const dot = file.lastIndexOf('.')
  const base = dot > 0 ? file.slice(0, dot) : file
  return `${src.slice(0, slash + 1)}${base}-w${Math.round(width)}.${format}`
}

/** The shape keys.ts stagingKey writes: `uploads/{tenant}/{ULID}/{file name}`, nothing else. */
const stagingKeyPattern = new RegExp(`^${mediaBucket.stagingKeyPrefix}(${tenantPart})/(${ulidPart})/(${fileNamePart})$`)

/**
 * The upload a staging key names (the key as stored, not URL-encoded), or undefined when it is not exactly
 * the shape uploads are given: the media worker acts on nothing else the bucket may hold.
 */
export function parseStagingKey(key: string): Omit<MediaRef, 'key'> & { stagingKey: string } | undefined {
  if (key.length > maxMediaPathLength) return undefined
  const match = stagingKeyPattern.exec(key)
  return match ? { tenant: match[1]!, mediaId: match[2]!, file: match[3]!, stagingKey: key } : undefined
}

/**
 * A file of an unpacked SCORM package as the SCORM origin serves it: its key (keys.ts scormPrefix) as the path,
 * `/tenants/{tenant}/media/{ULID}/scorm/{path in the package}`, percent-encoded as the browser sends it. The
 * CloudFront function on that origin (infra/stacks/edge-functions.ts) runs the same check.
 */
export const scormPathSource = `^/${mediaBucket.keyPrefix}(${tenantPart})/media/(${ulidPart})/scorm/[^?#]+$`
/** Dot segments and backslashes, once decoded: S3 keys have no folders to climb, but nothing odd gets through. */
export const scormUnsafeSource = '(^|/)\\.\\.?(/|$)|\\\\'
export const maxScormPathLength = 1024
const scormPathPattern = new RegExp(scormPathSource)
const scormUnsafePattern = new RegExp(scormUnsafeSource)

/** The object key a SCORM-origin path names (decoded), or undefined when it is not exactly a package's file. */
export function scormKeyOf(path: string): string | undefined {
  if (path.length > maxScormPathLength || !scormPathPattern.test(path)) return undefined
  let decoded: string
  try {
    decoded = decodeURIComponent(path)
  } catch {
    return undefined
  }
  return scormUnsafePattern.test(decoded) ? undefined : decoded.slice(1)
}

export const mediaPathMessage = 'Media paths look like /media/tenants/{edition}/media/{id}/{file}: choose the file from the media library'

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

export const mediaPathMessage = 'Media paths look like /media/tenants/{edition}/media/{id}/{file}: choose the file from the media library'

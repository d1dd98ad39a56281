import { mediaBucket, mediaPathPrefix } from '../../infra/definitions.ts'

export { tenantPk } from '../shared/keys.ts'

/**
 * Key layout of media records (docs/data-model.md) and of media objects in the bucket. Only this capability
 * builds these keys; others call usage.ts.
 */
export const mediaSkPrefix = 'MEDIA#'
export const mediaSk = (id: string) => `${mediaSkPrefix}${id}`
/**
 * One record per item that uses a media file, so "who uses it" is one Query and delete can refuse; and all of a
 * tenant's uses (`useSkPrefix`) are one Query too, which the library counts per file.
 */
export const useSkPrefix = 'MEDIAUSE#'
export const usePrefix = (mediaId: string) => `${useSkPrefix}${mediaId}#`
export const useSk = (mediaId: string, itemId: string) => `${usePrefix(mediaId)}${itemId}`
/**
 * The file and the item in a use record's sort key. Both are ULIDs; a user after the item's id is a part of that item
 * with uses of its own (a course's lessons, courses/keys.ts lessonsUser), which is the same item to an editor.
 */
export function parseUseSk(sk: string): { mediaId: string; itemId: string } {
  const [mediaId = '', user = ''] = sk.slice(useSkPrefix.length).split('#')
  return { mediaId, itemId: user.slice(0, 26) }
}

const letters: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a' }

/**
 * A file name safe in a key and a URL: lower-case ASCII, æ/ø/å spelt out, accents dropped, every other run of
 * characters a single hyphen, the extension kept.
 */
export function safeFileName(name: string): string {
  const plain = (name.split(/[\\/]/).pop() ?? '')
    .toLowerCase()
    .replace(/[æøå]/g, (letter) => letters[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
  const dot = plain.lastIndexOf('.')
  const [base, extension] = dot > 0 ? [plain.slice(0, dot), plain.slice(dot + 1)] : [plain, '']
  const slug = (text: string, max: number) => text.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, max).replace(/-+$/, '')
  const safeBase = slug(base, 80) || 'fil'
  const safeExtension = extension.replace(/[^a-z0-9]/g, '').slice(0, 10)
  return safeExtension ? `${safeBase}.${safeExtension}` : safeBase
}

/** `tenants/{tenant}/media/{id}/{safe file name}`: unique per upload, so readers may cache it forever. */
export const objectKey = (tenant: string, id: string, filename: string) =>
  `${mediaBucket.keyPrefix}${tenant}/media/${id}/${safeFileName(filename)}`

/**
 * `uploads/{tenant}/{id}/{safe file name}`: where the browser's bytes land. CloudFront never serves this
 * prefix, and only verified bytes are copied from here to the public key, so what readers get is what was
 * checked; a second POST of the same form later changes nothing they see.
 */
export const stagingKey = (tenant: string, id: string, filename: string) =>
  `${mediaBucket.stagingKeyPrefix}${tenant}/${id}/${safeFileName(filename)}`

/** Where a record's bytes were uploaded; records from before staging derive the same key. */
export const stagingKeyOf = (record: { tenant: string; id: string; filename: string; stagingKey?: string }) =>
  record.stagingKey ?? stagingKey(record.tenant, record.id, record.filename)

export const publicPath = (key: string) => `${mediaPathPrefix}${key}`

/**
 * `tenants/{tenant}/media/{id}/scorm/`: where a SCORM package's files are unpacked (scorm-unpack.ts). Only the
 * SCORM origin serves it (infra/definitions.ts scormOrigin); the site's `/media/*` never does, since its path
 * shape (paths.ts) has no room for a folder below the upload's.
 */
export const scormPrefix = (tenant: string, id: string) => `${mediaBucket.keyPrefix}${tenant}/media/${id}/scorm/`

import { createHash } from 'node:crypto'
import { cacheSeconds, mediaBucket, mediaPathPrefix } from '../../definitions.ts'
import { importFile } from '../../../functions/media/import.ts'
import type { Services } from '../../../functions/services.ts'
import { diskVariantMemo } from '../variant-memo.ts'

/** One file the seed puts in its edition's media library; the body is made only when the file is new. */
export interface MediaObject {
  key: string
  contentType: string
  body: () => Buffer | string | Promise<Buffer>
  /** Images are used only with alt text, as an editor's are. */
  alt?: string
}

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * A fixed ULID per demo file, from its tenant, item and file name, so seeding again finds the same media and
 * adds nothing. The time part is zero: demo files sort after every real upload in the newest-first library.
 */
export function demoMediaId(tenant: string, name: string, file: string): string {
  const hash = createHash('sha256').update(`${tenant}/${name}/${file}`).digest()
  const random = Array.from({ length: 16 }, (_, index) => crockford[hash[index]! % 32]).join('')
  return `0000000000${random}`
}

/** `tenants/{tenant}/media/{id}/{file}`: an upload's key, with the id fixed per demo file (demoMediaId). */
export const mediaKey = (tenant: string, name: string, file: string) =>
  `${mediaBucket.keyPrefix}${tenant}/media/${demoMediaId(tenant, name, file)}/${file}`

// Demo pictures never change (fixtures.ts), so their variants are encoded once per machine.
const memo = diskVariantMemo()

/** The URL path readers fetch a media key at. */
export const mediaPath = (key: string) => `${mediaPathPrefix}${key}`

/**
 * Puts the files into their editions' media libraries through the upload's own verification and copy
 * (functions/media/import.ts), so items can use them (ready, images described) and readers get only
 * verified bytes; a WebVTT file's turns are stored as an upload's are. Files already there are left alone.
 */
export async function putMedia(services: Services, objects: MediaObject[]): Promise<void> {
  const target = { s3: services.clients.s3, bucket: services.config.mediaBucket, db: services.db, memo }
  await Promise.all(
    objects.map((object) => {
      const [, tenant, , id, filename] = object.key.split('/') as [string, string, string, string, string]
      return importFile(target, {
        tenant,
        id,
        filename,
        contentType: object.contentType,
        body: object.body,
        alt: object.alt,
        // Keys never get new bytes (see fixtures.ts), so browsers and the CDN may keep them for a year.
        cacheControl: `public, max-age=${cacheSeconds.media}, immutable`,
        createdBy: 'demo',
      })
    }),
  )
}

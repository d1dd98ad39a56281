import { PutObjectCommand } from '@aws-sdk/client-s3'
import { cacheSeconds, mediaBucket, mediaPathPrefix } from '../../definitions.ts'
import { transcriptWrite } from '../../../functions/podcasts/transcript.ts'
import type { Services } from '../../../functions/services.ts'

/** One object the seed puts in the media bucket; the body is made only when the item is new. */
export interface MediaObject {
  key: string
  contentType: string
  body: () => Buffer | string
}

/** `tenants/{tenant}/media/{id}/{file}`: a fixed id per demo item, so seeding again overwrites, never adds. */
export const mediaKey = (tenant: string, id: string, file: string) => `${mediaBucket.keyPrefix}${tenant}/media/${id}/${file}`

/** The URL path readers fetch a media key at. */
export const mediaPath = (key: string) => `${mediaPathPrefix}${key}`

/** Puts the objects; a WebVTT file's turns go to DynamoDB too, as an upload's do (functions/media/routes.ts). */
export async function putMedia(services: Services, objects: MediaObject[]): Promise<void> {
  await Promise.all(
    objects.map(async (object) => {
      const body = object.body()
      await services.clients.s3.send(
        new PutObjectCommand({
          Bucket: services.config.mediaBucket,
          Key: object.key,
          Body: body,
          ContentType: object.contentType,
          // Keys never get new bytes (see fixtures.ts), so browsers and the CDN may keep them for a year.
          CacheControl: `public, max-age=${cacheSeconds.media}, immutable`,
        }),
      )
      const transcript = object.contentType.startsWith('text/vtt') ? transcriptWrite(mediaPath(object.key), body.toString()) : undefined
      if (transcript) await services.db.transact([transcript])
    }),
  )
}

import { DeleteObjectsCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3'
import { scormPrefix } from './keys.ts'

/**
 * Removing a package's files, apart from unpacking it: deleting a media item (the editor API) needs only this, not
 * the unzip and content-type tables (yauzl, mime-db: ~180 KB) the media worker carries.
 */
export interface UnpackTarget {
  s3: S3Client
  bucket: string
}

/**
 * Every object under a package's prefix, removed: after a failed unpack, when the media item is deleted, or
 * when a delete won the race with the worker. Listing by prefix also catches what an interrupted run left.
 */
export async function removeScormFiles(target: UnpackTarget, tenant: string, mediaId: string): Promise<void> {
  const Prefix = scormPrefix(tenant, mediaId)
  for (;;) {
    const { Contents = [] } = await target.s3.send(new ListObjectsV2Command({ Bucket: target.bucket, Prefix, MaxKeys: 1000 }))
    if (Contents.length === 0) return
    await target.s3.send(new DeleteObjectsCommand({ Bucket: target.bucket, Delete: { Objects: Contents.map(({ Key }) => ({ Key: Key! })), Quiet: true } }))
  }
}

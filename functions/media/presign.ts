import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3'
import { createPresignedPost } from '@aws-sdk/s3-presigned-post'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'

/**
 * The browser uploads straight to S3 with what these functions sign. S3 enforces the POST policy and the
 * signed part lengths; s3rver does not, so verify.ts checks every object again before it is used.
 */

/** A presigned POST is good for this long; S3 checks the policy's expiration when the upload starts. */
export const postExpirySeconds = 600
/** Part URLs live longer (a 5 GB film takes a while); GET …/uploads/:mediaId/parts signs fresh ones. */
export const partExpirySeconds = 3600

export interface Target {
  s3: S3Client
  bucket: string
  key: string
}

/**
 * One POST whose policy allows exactly this key, exactly this Content-Type and 1 to `maxBytes` bytes.
 * createPresignedPost adds the bucket, key and signing (x-amz-*) conditions itself.
 */
export async function presignPost(target: Target, options: { contentType: string; maxBytes: number; expiresSeconds?: number }) {
  const { url, fields } = await createPresignedPost(target.s3, {
    Bucket: target.bucket,
    Key: target.key,
    Conditions: [
      ['eq', '$Content-Type', options.contentType],
      ['content-length-range', 1, options.maxBytes],
    ],
    Fields: { 'Content-Type': options.contentType },
    Expires: options.expiresSeconds ?? postExpirySeconds,
  })
  return { url, fields }
}

export const partCountFor = (size: number, partSize: number) => Math.ceil(size / partSize)

/** Starts a multipart upload; the Content-Type is fixed here, by us, not by the browser. */
export async function startMultipart(target: Target, contentType: string): Promise<string> {
  const { UploadId } = await target.s3.send(
    new CreateMultipartUploadCommand({ Bucket: target.bucket, Key: target.key, ContentType: contentType }),
  )
  if (!UploadId) throw new Error('S3 answered CreateMultipartUpload without an UploadId')
  return UploadId
}

/**
 * A URL per part. Each signs the part's exact Content-Length (S3's 5 MiB minimum applies to all but the
 * last), so in AWS a part of another size is refused and the whole can never exceed what was announced.
 */
export async function signParts(target: Target, upload: { uploadId: string; size: number; partSize: number }) {
  const count = partCountFor(upload.size, upload.partSize)
  return Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const partNumber = index + 1
      const length = Math.min(upload.partSize, upload.size - index * upload.partSize)
      const command = new UploadPartCommand({
        Bucket: target.bucket,
        Key: target.key,
        UploadId: upload.uploadId,
        PartNumber: partNumber,
        ContentLength: length,
      })
      const url = await getSignedUrl(target.s3, command, {
        expiresIn: partExpirySeconds,
        signableHeaders: new Set(['content-length']),
      })
      return { partNumber, url }
    }),
  )
}

const partErrors = new Set(['InvalidPart', 'InvalidPartOrder', 'EntityTooSmall', 'NoSuchUpload'])

/** Joins the parts; a client-side problem with them comes back as a sentence, anything else is thrown. */
export async function completeMultipart(
  target: Target,
  uploadId: string,
  parts: Array<{ partNumber: number; etag: string }>,
): Promise<{ problem?: string }> {
  try {
    await target.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: target.bucket,
        Key: target.key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts.map((part) => ({ PartNumber: part.partNumber, ETag: part.etag })) },
      }),
    )
    return {}
  } catch (error) {
    const name = (error as Error).name
    if (!partErrors.has(name)) throw error
    return { problem: `S3 could not join the parts (${name}): upload every part completely and confirm again.` }
  }
}

/** Removes the object and any unfinished multipart upload; both are idempotent. */
export async function removeObject(target: Target, uploadId?: string): Promise<void> {
  if (uploadId) {
    await target.s3
      .send(new AbortMultipartUploadCommand({ Bucket: target.bucket, Key: target.key, UploadId: uploadId }))
      // Already completed or aborted; the bucket's lifecycle rule clears any leftovers after a day anyway.
      .catch(() => undefined)
  }
  await target.s3.send(new DeleteObjectCommand({ Bucket: target.bucket, Key: target.key }))
}

import { CopyObjectCommand, DeleteObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { transcriptWrite } from '../podcasts/transcript.ts'
import { stagingKeyOf } from './keys.ts'
import { removeObject, type Target } from './presign.ts'
import type { RefusalReason } from './refusals.ts'
import type { MediaRecord } from './schema.ts'
import type { MediaStore } from './store.ts'
import { removeScormFiles } from './scorm-files.ts'
import { unpackScorm } from './scorm-unpack.ts'
import { variantKeysOf } from './variant-files.ts'
import { writeVariants, type VariantMemo } from './variants.ts'
import { inspectUpload, isNotFound, isPreconditionFailed } from './verify.ts'

export interface PromoteOptions {
  s3: S3Client
  bucket: string
  store: MediaStore
  memo?: VariantMemo
}

export type Promotion =
  | { outcome: 'ready'; record: MediaRecord }
  /** Nothing staged yet: the upload has not arrived (or did not finish). */
  | { outcome: 'missing' }
  /** Not what was announced; the staged object is gone and the record says why until its TTL removes it. */
  | { outcome: 'refused'; problem: string; reason: RefusalReason }
  /** The staged bytes changed while they were checked; nothing was published, the upload stays pending. */
  | { outcome: 'changed' }
  /** Deleted (or being deleted) meanwhile. */
  | { outcome: 'gone' }

/** S3 copies at most 5 GiB in one CopyObject; no kind in kinds.ts may be larger (a test holds them to it). */
export const maxCopyBytes = 5 * 1024 ** 3


const unquoted = (etag: string | undefined) => etag?.replace(/"/g, '')
/** A multipart object's ETag is `{md5 of the parts' md5s}-{count}`, not the MD5 of its bytes. */
const isMultipartEtag = (etag: string) => etag.includes('-')

/**
 * Copies the verified version of the staged object to its public key, or reports false when the staged
 * object is no longer that version. S3 enforces `CopySourceIfMatch`; s3rver ignores it, so the copy's ETag is
 * compared with the verified one as well wherever the two are comparable (S3 gives a copy of a multipart
 * object a single-part ETag, but there the condition already held).
 */
async function copyVerified(options: PromoteOptions, from: string, to: string, etag: string): Promise<boolean> {
  try {
    const { CopyObjectResult } = await options.s3.send(
      new CopyObjectCommand({ Bucket: options.bucket, Key: to, CopySource: `${options.bucket}/${from}`, CopySourceIfMatch: etag, MetadataDirective: 'COPY' }),
    )
    const copied = unquoted(CopyObjectResult?.ETag)
    if (!copied) return false
    return isMultipartEtag(copied) !== isMultipartEtag(etag) || copied === unquoted(etag)
  } catch (error) {
    // Changed, or gone because another delivery of the event published and removed it.
    if (isPreconditionFailed(error) || isNotFound(error)) return false
    throw error
  }
}

/**
 * Verify, then publish: the staged upload is checked (verify.ts), its verified version copied to the public
 * key readers fetch, the record made ready with what was measured (and a captions file's transcript), and the
 * staged object removed. A refused file leaves nothing behind but its record, marked refused with the reason.
 * Idempotent up to the ready or refused mark, so the media worker (worker.ts) calls it on every delivery of
 * S3's event, and the demo seed (import.ts) calls it directly.
 */
export async function promoteUpload(options: PromoteOptions, record: MediaRecord): Promise<Promotion> {
  const staged: Target = { s3: options.s3, bucket: options.bucket, key: stagingKeyOf(record) }
  const refuse = async (problem: string, reason: RefusalReason): Promise<Promotion> => {
    await removeObject(staged, record.multipart?.uploadId)
    if (await options.store.markRefused(record.tenant, record.id, { problem, reason })) return { outcome: 'refused', problem, reason }
    // Settled meanwhile: another delivery of the event made an earlier, good version ready (or it is being deleted).
    const settled = await options.store.get(record.tenant, record.id)
    return settled?.status === 'ready' ? { outcome: 'ready', record: settled } : { outcome: 'gone' }
  }
  const inspection = await inspectUpload(staged, record)
  if (inspection.outcome === 'missing' || inspection.outcome === 'changed') return inspection
  if (inspection.outcome === 'refused') return refuse(inspection.problem, inspection.reason)
  // A SCORM zip is checked entry by entry and unpacked for the SCORM origin before it may become ready.
  let scorm
  if (record.kind === 'scorm') {
    const unpacking = await unpackScorm(options, record, { key: staged.key, etag: inspection.etag })
    if (unpacking.outcome === 'refused') return refuse(unpacking.problem, unpacking.reason)
    if (unpacking.outcome !== 'unpacked') return { outcome: unpacking.outcome }
    scorm = unpacking.scorm
  }
  if (inspection.facts.bytes > maxCopyBytes) throw new Error(`Media ${record.id} is larger than one CopyObject can copy`)
  if (!(await copyVerified(options, staged.key, record.key, inspection.etag))) {
    // Another delivery may have published a verified version meanwhile: that one stays.
    const settled = await options.store.get(record.tenant, record.id)
    if (settled?.status === 'ready') return { outcome: 'ready', record: settled }
    if (scorm) await removeScormFiles(options, record.tenant, record.id)
    // Only s3rver gets here after copying: take back what it copied, so no reader is served it.
    await options.s3.send(new DeleteObjectCommand({ Bucket: options.bucket, Key: record.key }))
    return { outcome: 'changed' }
  }
  const transcript = inspection.text === undefined ? undefined : transcriptWrite(record.path, inspection.text)
  // A picture's responsive variants, once its original is public; if they fail, readers get the original.
  const variants =
    record.kind === 'image'
      ? await writeVariants(options, { ...inspection.facts, key: record.key, contentType: record.contentType, read: { key: staged.key, ifMatch: inspection.etag } })
      : undefined
  if (!(await options.store.markReady(record.tenant, record.id, { ...inspection.facts, variants, scorm }, transcript ? [transcript] : []))) {
    const settled = await options.store.get(record.tenant, record.id)
    if (settled?.status === 'ready') return { outcome: 'ready', record: settled }
    // Deleted (or refused) meanwhile: the delete may have removed the public key before this copy landed.
    await options.s3.send(new DeleteObjectCommand({ Bucket: options.bucket, Key: record.key }))
    if (variants) await Promise.all(variantKeysOf({ key: record.key, variants }).map((Key) => options.s3.send(new DeleteObjectCommand({ Bucket: options.bucket, Key }))))
    if (scorm) await removeScormFiles(options, record.tenant, record.id)
    return { outcome: 'gone' }
  }
  // After the ready mark, so a failure before it can be retried from the staged object; a leftover expires.
  await options.s3.send(new DeleteObjectCommand({ Bucket: options.bucket, Key: staged.key }))
  const ready = await options.store.get(record.tenant, record.id)
  return ready?.status === 'ready' ? { outcome: 'ready', record: ready } : { outcome: 'gone' }
}

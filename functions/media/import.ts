import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import type { Db } from '../shared/db.ts'
import { objectKey, publicPath, stagingKey } from './keys.ts'
import { kindRules, mediaKinds, type MediaKind } from './kinds.ts'
import { promoteUpload } from './promote.ts'
import type { VariantMemo } from './variants.ts'
import type { MediaRecord } from './schema.ts'
import { createMediaStore } from './store.ts'

export interface ImportedFile {
  tenant: string
  /** A ULID; a fixed one makes importing the same file again a no-op. */
  id: string
  filename: string
  /** As stored (`text/vtt; charset=utf-8` is fine); its base type decides the kind. */
  contentType: string
  /** Made only when the file is not in the library yet (a SCORM package is zipped asynchronously). */
  body: () => Buffer | string | Promise<Buffer>
  alt?: string
  title?: string
  cacheControl?: string
  createdBy: string
}

const kindOf = (contentType: string): MediaKind | undefined => mediaKinds.find((kind) => contentType in kindRules[kind].formats)

/**
 * Puts a file into a tenant's media library the way an upload gets there — a pending record, the bytes at
 * the staging key, then promoteUpload's verification and copy — so the local demo content is held to the
 * same checks as an editor's file and readers only ever get verified bytes. Idempotent per id.
 */
export async function importFile(options: { s3: S3Client; bucket: string; db: Db; now?: () => Date; memo?: VariantMemo }, file: ImportedFile): Promise<MediaRecord> {
  const store = createMediaStore(options.db, { now: options.now })
  const existing = await store.get(file.tenant, file.id)
  if (existing?.status === 'ready') return existing
  const contentType = file.contentType.split(';')[0]!.trim().toLowerCase()
  const kind = kindOf(contentType)
  if (!kind) throw new Error(`${file.filename}: ${contentType} is not a media type the library takes`)
  const body = await file.body()
  const at = (options.now?.() ?? new Date()).toISOString()
  const key = objectKey(file.tenant, file.id, file.filename)
  const record: MediaRecord = {
    id: file.id,
    tenant: file.tenant,
    kind,
    status: 'pending',
    key,
    path: publicPath(key),
    stagingKey: stagingKey(file.tenant, file.id, file.filename),
    filename: file.filename,
    contentType,
    bytes: Buffer.byteLength(body),
    alt: file.alt,
    title: file.title,
    createdAt: at,
    createdBy: file.createdBy,
    updatedAt: at,
  }
  if (!existing) await store.create(record)
  await options.s3.send(
    new PutObjectCommand({ Bucket: options.bucket, Key: record.stagingKey, Body: body, ContentType: file.contentType, CacheControl: file.cacheControl }),
  )
  const promotion = await promoteUpload({ s3: options.s3, bucket: options.bucket, store, memo: options.memo }, existing ?? record)
  if (promotion.outcome !== 'ready') throw new Error(`${file.filename} could not be imported: ${promotion.outcome === 'refused' ? promotion.problem : promotion.outcome}`)
  return promotion.record
}

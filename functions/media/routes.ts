import { Hono } from 'hono'
import { ulid } from 'ulid'
import type { EditorEnv } from '../auth/middleware.ts'
import { transcriptRemoval } from '../podcasts/transcript.ts'
import type { Services } from '../services.ts'
import { ApiError, badRequest, conflict, notFound } from '../shared/errors.ts'
import { rateLimit } from '../shared/rate-limit.ts'
import { validate } from '../shared/validation.ts'
import { objectKey, publicPath, stagingKey, stagingKeyOf } from './keys.ts'
import { MB, multipartThresholdBytes, uploadProblem } from './kinds.ts'
import * as s3 from './presign.ts'
import {
  completeRequestSchema,
  mediaListQuerySchema,
  mediaParamSchema,
  mediaPatchSchema,
  tenantParamSchema,
  toMedia,
  uploadParamSchema,
  uploadRequestSchema,
  type MediaRecord,
  type UploadAnswer,
} from './schema.ts'
import { removeScormFiles } from './scorm-files.ts'
import { createMediaStore } from './store.ts'
import { variantKeysOf } from './variant-files.ts'
import { headObject } from './verify.ts'

export interface MediaRoutesOptions {
  /** Bytes per part of a multipart upload: 64 MiB (80 parts for a 5 GB film). Tests use S3's 5 MiB minimum. */
  partSize?: number
  /** Files above this many bytes go up in parts. */
  multipartThreshold?: number
  now?: () => Date
  /** Uploads an editor may start per ten minutes (default 300). */
  uploadsPerWindow?: number
}

const noMedia = (tenant: string, id: string) => notFound(`No media ${id} in ${tenant}. Check the id, or start a new upload.`)
const beingDeleted = () => conflict('This file is being deleted. Choose another file.')
/** 409 with the file as it is now, so the workspace shows the other editor's change before saving over it. */
const staleMedia = (current: MediaRecord, expected: string) =>
  new ApiError(409, `The file was changed by someone else (at ${current.updatedAt}; you had ${expected}). Look at it again, then save.`, 'stale_version', { current: toMedia(current) })
/** Ready or refused: the media worker has given its verdict, and nothing changes it. */
const isSettled = (record: MediaRecord) => record.status === 'ready' || record.status === 'refused'

/** The Media section of docs/editor-api.md, mounted under `/api/editor/tenants/:tenant`. */
export function mediaRoutes(services: Services, options: MediaRoutesOptions = {}) {
  // Presigned uploads per editor (issue 15): a bulk upload of a few hundred images passes, a runaway script does not
  // fill the bucket. Per editor rather than per address (editors share office networks); the WAF counts per address.
  const uploadLimit = rateLimit({
    limit: options.uploadsPerWindow ?? 300,
    windowMs: 10 * 60_000,
    key: (c) => (c.get('principal') as { username?: string } | undefined)?.username,
    refuse: (_c, seconds) => {
      throw new ApiError(429, `Too many uploads started in a short time. Try again in ${seconds} s.`, 'unavailable')
    },
  })

  const store = createMediaStore(services.db, { now: options.now })
  const partSize = options.partSize ?? 64 * MB
  const threshold = options.multipartThreshold ?? multipartThresholdBytes
  const now = () => options.now?.() ?? new Date()
  const place = (key: string): s3.Target => ({ s3: services.clients.s3, bucket: services.config.mediaBucket, key })
  const signedFor = (key: string): s3.Target => ({ s3: services.clients.s3Presigner, bucket: services.config.mediaBucket, key })
  const expiresAt = (seconds: number) => new Date(now().getTime() + seconds * 1000).toISOString()

  async function multipartAnswer(record: MediaRecord, upload: NonNullable<MediaRecord['multipart']>): Promise<UploadAnswer> {
    const { uploadId, partSize: size } = upload
    const parts = await s3.signParts(signedFor(stagingKeyOf(record)), { uploadId, size: record.bytes, partSize: size })
    return { mediaId: record.id, key: record.key, method: 'multipart', uploadId, partSize: size, parts, expiresAt: expiresAt(s3.partExpirySeconds) }
  }

  return new Hono<EditorEnv>()
    .post('/uploads', uploadLimit, validate('param', tenantParamSchema), validate('json', uploadRequestSchema), async (c) => {
      const { tenant } = c.req.valid('param')
      const request = c.req.valid('json')
      const problem = uploadProblem(request)
      if (problem) throw badRequest(problem)
      const id = ulid()
      const key = objectKey(tenant, id, request.filename)
      // The browser's bytes go to the staging key; readers' key gets them only once verified (promote.ts).
      const staging = stagingKey(tenant, id, request.filename)
      const at = now().toISOString()
      const record: MediaRecord = {
        id,
        tenant,
        kind: request.kind,
        status: 'pending',
        key,
        path: publicPath(key),
        stagingKey: staging,
        filename: request.filename,
        contentType: request.contentType,
        bytes: request.size,
        createdAt: at,
        createdBy: c.get('principal').username,
        updatedAt: at,
      }
      if (request.size > threshold) {
        const multipart = { uploadId: await s3.startMultipart(place(staging), request.contentType), partSize, partCount: s3.partCountFor(request.size, partSize) }
        await store.create({ ...record, multipart })
        return c.json(await multipartAnswer(record, multipart), 201)
      }
      await store.create(record)
      const post = await s3.presignPost(signedFor(staging), { contentType: request.contentType, maxBytes: request.size })
      return c.json({ mediaId: id, key, method: 'post', ...post, expiresAt: expiresAt(s3.postExpirySeconds) } satisfies UploadAnswer, 201)
    })

    .get('/uploads/:mediaId/parts', validate('param', uploadParamSchema), async (c) => {
      const { tenant, mediaId } = c.req.valid('param')
      const record = await store.get(tenant, mediaId)
      if (!record) throw noMedia(tenant, mediaId)
      if (!record.multipart || record.status !== 'pending') throw conflict('This is not a multipart upload in progress, so it has no parts to sign.')
      return c.json(await multipartAnswer(record, record.multipart))
    })

    .post('/uploads/:mediaId/complete', validate('param', uploadParamSchema), validate('json', completeRequestSchema), async (c) => {
      const { tenant, mediaId } = c.req.valid('param')
      const record = await store.get(tenant, mediaId)
      if (!record) throw noMedia(tenant, mediaId)
      if (isSettled(record)) return c.json(toMedia(record))
      if (record.deleting) throw beingDeleted()
      const staged = place(stagingKeyOf(record))
      let joinProblem: string | undefined
      if (record.multipart) {
        // S3 wants every part once, in ascending order.
        const parts = [...(c.req.valid('json').parts ?? [])].sort((a, b) => a.partNumber - b.partNumber)
        const count = record.multipart.partCount
        if (parts.length !== count || parts.some((part, index) => part.partNumber !== index + 1))
          throw badRequest(`Send parts: the partNumber and ETag of every part, 1 to ${count}, each once.`)
        // Joining makes S3 emit ObjectCreated, which starts the media worker (worker.ts).
        ;({ problem: joinProblem } = await s3.completeMultipart(staged, record.multipart.uploadId, parts))
      }
      // HEAD only, no bytes read: the worker verifies. A file that never arrived is the editor's to send.
      if (!(await headObject(staged))) {
        const current = await store.get(tenant, mediaId)
        if (!current) throw noMedia(tenant, mediaId)
        // The worker may have finished, and removed the staged object, before this call.
        if (isSettled(current)) return c.json(toMedia(current))
        throw badRequest(joinProblem ?? 'The file has not arrived in storage yet. Upload it, then confirm again.')
      }
      if (!(await store.markProcessing(tenant, mediaId))) {
        const current = await store.get(tenant, mediaId)
        if (!current) throw noMedia(tenant, mediaId)
        if (isSettled(current)) return c.json(toMedia(current))
        if (current.deleting) throw beingDeleted()
      }
      return c.json(toMedia({ ...record, status: 'processing' }), 202)
    })

    .get('/media', validate('param', tenantParamSchema), validate('query', mediaListQuerySchema), async (c) => {
      const { tenant } = c.req.valid('param')
      const page = await store.list(tenant, c.req.valid('query'))
      return c.json({ items: page.items, nextCursor: page.nextCursor ?? null, truncated: page.truncated, useCountsComplete: page.useCountsComplete })
    })

    .get('/media/:id', validate('param', mediaParamSchema), async (c) => {
      const { tenant, id } = c.req.valid('param')
      const record = await store.get(tenant, id)
      if (!record) throw noMedia(tenant, id)
      return c.json({ ...toMedia(record), usedBy: await store.usedBy(tenant, id) })
    })

    .patch('/media/:id', validate('param', mediaParamSchema), validate('json', mediaPatchSchema), async (c) => {
      const { tenant, id } = c.req.valid('param')
      const { updatedAt, ...patch } = c.req.valid('json')
      if (patch.focalPoint !== undefined) {
        // A record's kind never changes, so reading it before the conditional write is safe.
        const before = await store.get(tenant, id)
        if (!before) throw noMedia(tenant, id)
        if (before.kind !== 'image') throw badRequest('Only images have a focal point. Leave focalPoint out for this file.')
      }
      const changed = await store.patch(tenant, id, patch, updatedAt ? { updatedAt } : undefined)
      const record = await store.get(tenant, id)
      if (!record) throw noMedia(tenant, id)
      if (!changed && (record.deleting || !updatedAt)) throw beingDeleted()
      if (!changed) throw staleMedia(record, updatedAt!)
      return c.json(toMedia(record))
    })

    .delete('/media/:id', validate('param', mediaParamSchema), async (c) => {
      const { tenant, id } = c.req.valid('param')
      const record = await store.get(tenant, id)
      if (!record || !(await store.beginDelete(tenant, id))) throw noMedia(tenant, id)
      const users = await store.usedBy(tenant, id)
      if (users.length) {
        await store.cancelDelete(tenant, id)
        const named = users.slice(0, 10).map((use) => `${use.tenant}/${use.itemId}`)
        const more = users.length > named.length ? ` and ${users.length - named.length} more` : ''
        throw conflict(`'${record.title ?? record.filename}' is used by ${users.length === 1 ? '1 item' : `${users.length} items`}: ${named.join(', ')}${more}. Remove it from them first, then delete it.`, 'media_in_use')
      }
      // Both places the bytes may be: staged (unconfirmed, or left by a confirm) and public.
      await s3.removeObject(place(stagingKeyOf(record)), record.multipart?.uploadId)
      await s3.removeObject(place(record.key))
      // A picture's responsive variants, and any an interrupted run left unrecorded.
      if (record.kind === 'image') await Promise.all(variantKeysOf(record).map((key) => s3.removeObject(place(key))))
      // A SCORM package's unpacked files, listed by their prefix.
      if (record.kind === 'scorm') await removeScormFiles({ s3: services.clients.s3, bucket: services.config.mediaBucket }, tenant, id)
      await store.remove(tenant, id, record.kind === 'captions' ? [transcriptRemoval(publicPath(record.key))] : [])
      return c.body(null, 204)
    })
}

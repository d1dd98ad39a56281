import { readFileSync } from 'node:fs'
import { HeadObjectCommand } from '@aws-sdk/client-s3'
import { createLocalJWKSet, type JSONWebKeySet } from 'jose'
import { createEditorApiApp } from '../../../functions/editor-api.ts'
import { stagingKey } from '../../../functions/media/keys.ts'
import type { MediaRoutesOptions } from '../../../functions/media/routes.ts'
import { createMediaStore } from '../../../functions/media/store.ts'
import { createMediaWorker, type WorkerResult } from '../../../functions/media/worker.ts'
import type { Media, UploadAnswer } from '../../../functions/media/schema.ts'
import { createServices } from '../../../functions/services.ts'
import { adminGroup, editorGroup } from '../../../infra/definitions.ts'
import { createLocalIdentityProvider } from '../../../infra/local/identity.ts'
import { encodePng } from '../../../infra/local/seed/png.ts'
import { createTestEnvironment } from '../../support/environment.ts'
import { seedCatalog } from '../../support/fixtures.ts'
import { s3Event } from './events.ts'

/** The seed's demo clips: a real MP3 (26.5 s) and a real MP4 (7.5 s, 320×180). */
export const episodeMp3 = readFileSync(new URL('../../../infra/local/seed/media/episode.mp3', import.meta.url))
export const filmMp4 = readFileSync(new URL('../../../infra/local/seed/media/film.mp4', import.meta.url))
export const png = (width: number, height: number) => encodePng(width, height, new Uint8Array(width * height * 3).fill(90))
export const vtt = (text = 'Hei og velkommen.') => Buffer.from(`WEBVTT\n\n00:00.000 --> 00:02.000\n${text}\n`)

export type MediaWithUse = Media & { usedBy: Array<{ itemId: string; tenant: string }> }

/**
 * The media routes mounted as the editor API mounts them (`/api/editor/tenants/:tenant/…` behind the real
 * `requireEditor`), with tokens signed by the local identity provider for an innlandet editor, a vestfold
 * editor and an admin.
 */
export async function createMediaTestApp(name: string, options: MediaRoutesOptions = {}) {
  const { config, services: plain } = await createTestEnvironment(name)
  const identity = await createLocalIdentityProvider({ origin: 'http://127.0.0.1:3000', users: [] })
  const jwks = (await (await identity.app.request('/dev-auth/.well-known/jwks.json')).json()) as JSONWebKeySet
  const services = createServices({ ...config, auth: identity.config }, plain.clients, { authKeySet: createLocalJWKSet(jwks) })
  await seedCatalog(services, ['innlandet', 'vestfold'])
  const app = createEditorApiApp(services, { media: options })

  const token = (username: string, groups: string[]) => identity.accessToken({ username, name: username, groups })
  const tokens = {
    innlandet: await token('innlandet@example.no', [editorGroup('innlandet')]),
    vestfold: await token('vestfold@example.no', [editorGroup('vestfold')]),
    admin: await token('admin@example.no', [adminGroup]),
  }
  type Who = keyof typeof tokens
  /** The tenant's own editor where the test has one. */
  const editorOf = (tenant: string): Who => (tenant in tokens ? (tenant as Who) : 'innlandet')

  /** A call to `/api/editor/tenants{path}` as someone; a body that is not a string is sent as JSON. */
  const call = (who: Who, method: string, path: string, body?: unknown) =>
    app.request(`/api/editor/tenants${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })

  async function requestUpload(tenant: string, request: { kind: string; filename: string; contentType: string; size: number }, who: Who = 'innlandet') {
    const response = await call(who, 'POST', `/${tenant}/uploads`, request)
    if (response.status !== 201) throw new Error(`upload request answered ${response.status}: ${await response.text()}`)
    return (await response.json()) as UploadAnswer
  }

  /** Up to S3 as a browser would: POST with the fields first and the file last, or PUT each part. */
  async function sendBytes(answer: UploadAnswer, bytes: Uint8Array): Promise<Array<{ partNumber: number; etag: string }>> {
    if (answer.method === 'post') {
      const form = new FormData()
      for (const [field, value] of Object.entries(answer.fields)) form.append(field, value)
      form.append('file', new Blob([new Uint8Array(bytes)]), 'upload')
      const response = await fetch(answer.url, { method: 'POST', body: form })
      if (!response.ok) throw new Error(`S3 POST answered ${response.status}: ${await response.text()}`)
      return []
    }
    return Promise.all(
      answer.parts.map(async ({ partNumber, url }) => {
        // A copy: fetch and Blob take bytes backed by a plain ArrayBuffer only.
        const body = new Uint8Array(bytes.subarray((partNumber - 1) * answer.partSize, partNumber * answer.partSize))
        const response = await fetch(url, { method: 'PUT', body })
        if (!response.ok) throw new Error(`S3 PUT part ${partNumber} answered ${response.status}`)
        return { partNumber, etag: response.headers.get('etag') ?? '' }
      }),
    )
  }

  const complete = (tenant: string, mediaId: string, body: unknown = {}, who: Who = 'innlandet') =>
    call(who, 'POST', `/${tenant}/uploads/${mediaId}/complete`, body)

  /**
   * The media worker as the Lambda runs it. The shared s3rver runs in the global setup's process, so its
   * events cannot reach this one: tests hand the worker the event S3 (and s3rver) would send.
   */
  const workerLog: WorkerResult[] = []
  const worker = createMediaWorker({ s3: services.clients.s3, bucket: config.mediaBucket, store: createMediaStore(services.db), log: (result) => workerLog.push(result) })
  const deliver = (key: string, eventName?: string) => worker(s3Event(config.mediaBucket, key, eventName))

  const media = async (tenant: string, mediaId: string, who: Who = editorOf(tenant)) => {
    const response = await call(who, 'GET', `/${tenant}/media/${mediaId}`)
    if (response.status !== 200) throw new Error(`GET media answered ${response.status}: ${await response.text()}`)
    return (await response.json()) as MediaWithUse
  }

  /**
   * Request, send `bytes` (default: a file of the announced size is assumed), confirm (`response`), then the
   * S3 event to the worker, as S3 sends it once the bytes (or the joined parts) are stored, and the media
   * record after it (`media`).
   */
  async function upload(tenant: string, file: { kind: string; filename: string; contentType: string; bytes: Uint8Array; size?: number }) {
    const who = editorOf(tenant)
    const answer = await requestUpload(tenant, { kind: file.kind, filename: file.filename, contentType: file.contentType, size: file.size ?? file.bytes.length }, who)
    const parts = await sendBytes(answer, file.bytes)
    const response = await complete(tenant, answer.mediaId, answer.method === 'multipart' ? { parts } : {}, who)
    const staged = stagingKey(tenant, answer.mediaId, file.filename)
    const results = await deliver(staged, answer.method === 'multipart' ? 'ObjectCreated:CompleteMultipartUpload' : 'ObjectCreated:Post')
    return { answer, response, staged, results, media: await media(tenant, answer.mediaId, who) }
  }

  /** Upload, confirm and verify a file that must become ready. */
  async function readyMedia(tenant: string, file: Parameters<typeof upload>[1]): Promise<Media> {
    const { response, media: settled } = await upload(tenant, file)
    if (response.status !== 202) throw new Error(`complete answered ${response.status}: ${await response.text()}`)
    if (settled.status !== 'ready') throw new Error(`the worker left the file ${settled.status}: ${settled.problem ?? ''}`)
    const { usedBy: _, ...ready } = settled
    return ready
  }

  async function objectExists(key: string): Promise<boolean> {
    try {
      await services.clients.s3.send(new HeadObjectCommand({ Bucket: config.mediaBucket, Key: key }))
      return true
    } catch (error) {
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false
      throw error
    }
  }

  return { app, services, config, tokens, call, requestUpload, sendBytes, complete, upload, readyMedia, objectExists, worker, workerLog, deliver, media }
}
export type MediaTestApp = Awaited<ReturnType<typeof createMediaTestApp>>

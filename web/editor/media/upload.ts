import { contentTypeFor, extensionOf, kindRules, mediaKinds, type MediaKind } from '../../../functions/media/kinds.ts'
import type { TenantApi } from '../api/endpoints.ts'
import type { Media, UploadAnswer } from '../api/types.ts'
import { uploadText } from '../text.ts'
import { formatBytes } from '../text/format.ts'

/**
 * Uploads go from the browser straight to S3: the API answers a presigned POST (or, for big files, one
 * presigned URL per part), XMLHttpRequest sends the bytes — because only XHR reports upload progress — the
 * workspace confirms, and the media worker, started by S3 when the bytes land, checks what arrived before the
 * file becomes usable; the workspace asks until it has its verdict. The same kind rules as the server
 * (functions/media/kinds.ts) are checked first, so a wrong file is refused before a byte is sent.
 */
export interface PlannedUpload {
  kind: MediaKind
  contentType: string
}

/** The kind and declared type for a file, or the reason it cannot be uploaded (in bokmål). */
export function planUpload(file: { name: string; type: string; size: number }, only?: MediaKind): PlannedUpload | { problem: string } {
  const candidates = only ? [only] : mediaKinds
  for (const kind of candidates) {
    const declared = file.type && kindRules[kind].formats[file.type] ? file.type : contentTypeFor(kind, file.name)
    if (!declared) continue
    const format = kindRules[kind].formats[declared]!
    const extension = extensionOf(file.name)
    if (!extension || !format.extensions.includes(extension)) return { problem: uploadText.wrongExtension(format.extensions) }
    if (file.size === 0) return { problem: uploadText.empty }
    if (file.size > kindRules[kind].maxBytes) return { problem: uploadText.tooBig(formatBytes(kindRules[kind].maxBytes), formatBytes(file.size)) }
    return { kind, contentType: declared }
  }
  return { problem: only ? uploadText.wrongKind(only) : uploadText.unsupported }
}

export class UploadError extends Error {}

/** Sends a body with XHR, reporting bytes sent; resolves with the response's ETag (needed for parts). */
function send(method: 'POST' | 'PUT', url: string, body: XMLHttpRequestBodyInit, onProgress: (sent: number) => void, signal?: AbortSignal) {
  return new Promise<string | undefined>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open(method, url)
    xhr.upload.onprogress = (event) => onProgress(event.loaded)
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.getResponseHeader('ETag') ?? undefined)
      else reject(new UploadError(uploadText.storageRefused(xhr.status)))
    }
    xhr.onerror = () => reject(new UploadError(uploadText.network))
    xhr.onabort = () => reject(new UploadError(uploadText.aborted))
    signal?.addEventListener('abort', () => xhr.abort())
    xhr.send(body)
  })
}

async function sendPost(answer: Extract<UploadAnswer, { method: 'post' }>, file: File, onProgress: (sent: number) => void, signal?: AbortSignal) {
  const form = new FormData()
  for (const [name, value] of Object.entries(answer.fields)) form.append(name, value)
  // S3 ignores every field after the file, so it goes last.
  form.append('file', file)
  await send('POST', answer.url, form, onProgress, signal)
}

async function sendParts(answer: Extract<UploadAnswer, { method: 'multipart' }>, file: File, onProgress: (sent: number) => void, signal?: AbortSignal) {
  const parts: Array<{ partNumber: number; etag: string }> = []
  let done = 0
  for (const part of answer.parts) {
    const start = (part.partNumber - 1) * answer.partSize
    const chunk = file.slice(start, Math.min(start + answer.partSize, file.size))
    const etag = await send('PUT', part.url, chunk, (sent) => onProgress(done + sent), signal)
    if (!etag) throw new UploadError(uploadText.storageRefused(0))
    parts.push({ partNumber: part.partNumber, etag })
    done += chunk.size
  }
  return parts
}

export interface UploadCallbacks {
  /** 0–1 of the bytes sent. */
  onProgress: (fraction: number) => void
  /** The bytes are in storage; the media worker is checking them. */
  onVerifying: () => void
}

/** How often, and how long, to ask for the verdict: a 5 GB film is read in ranges and takes a while. */
export interface CheckTiming {
  intervalMs: number
  limitMs: number
}
export const checkTiming: CheckTiming = { intervalMs: 1000, limitMs: 120_000 }

const pause = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(new UploadError(uploadText.aborted))), { once: true })
  })

/** Reading the file back is all the wait needs (GET …/media/:id also names the items using it; not read here). */
type MediaReader = { getMedia(id: string): Promise<Media> }

/** The file once the worker has checked it; a refusal or a check that outlasts `timing` is an UploadError in bokmål. */
export async function waitUntilChecked(api: MediaReader, media: Media, timing = checkTiming, signal?: AbortSignal): Promise<Media> {
  const deadline = Date.now() + timing.limitMs
  let current = media
  while (current.status === 'pending' || current.status === 'processing') {
    if (Date.now() >= deadline) throw new UploadError(uploadText.stillChecking)
    await pause(timing.intervalMs, signal)
    current = await api.getMedia(current.id)
  }
  if (current.status === 'refused') throw new UploadError(current.reason ? uploadText.refused[current.reason] : uploadText.refusedUnknown)
  return current
}

export async function uploadFile(
  api: Pick<TenantApi, 'requestUpload' | 'completeUpload'> & MediaReader,
  file: File,
  plan: PlannedUpload,
  callbacks: UploadCallbacks,
  signal?: AbortSignal,
  timing = checkTiming,
): Promise<Media> {
  const answer = await api.requestUpload({ kind: plan.kind, filename: file.name, contentType: plan.contentType, size: file.size })
  const progress = (sent: number) => callbacks.onProgress(file.size ? Math.min(1, sent / file.size) : 1)
  const parts = answer.method === 'post' ? (await sendPost(answer, file, progress, signal), undefined) : await sendParts(answer, file, progress, signal)
  callbacks.onProgress(1)
  callbacks.onVerifying()
  return waitUntilChecked(api, await api.completeUpload(answer.mediaId, parts), timing, signal)
}

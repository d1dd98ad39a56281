import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { contentType } from 'mime-types'
import { cacheSeconds } from '../../infra/definitions.ts'
import type { RefusalReason } from './refusals.ts'
import type { ScormFacts } from './scorm-schema.ts'
import { scormPrefix } from './keys.ts'
import { removeScormFiles, type UnpackTarget } from './scorm-files.ts'
import { checkScormZip, walkZip } from './scorm-zip.ts'
import { isNotFound, isPreconditionFailed } from './verify.ts'


export type Unpacking =
  | { outcome: 'unpacked'; scorm: ScormFacts }
  | { outcome: 'refused'; reason: RefusalReason; problem: string }
  /** The staged zip is no longer the version that was verified (or is gone): nothing was written. */
  | { outcome: 'changed' | 'missing' }

/** Uploads in flight at once while unpacking: S3 takes many small PUTs best side by side. */
const parallelPuts = 8


/** The type a browser needs to run or show the file; `nosniff` is on, so a wrong guess would break the page. */
const typeOf = (name: string) => contentType(name.slice(name.lastIndexOf('/') + 1)) || 'application/octet-stream'

/**
 * Unpacks a staged SCORM zip to `tenants/{tenant}/media/{id}/scorm/…`, where only the SCORM origin serves it.
 * The zip is fetched once (If-Match the verified ETag) to a temporary file, checked whole by checkScormZip, and
 * only then extracted; an extraction that fails halfway removes what it wrote before the error goes on (the
 * media worker's retry starts again from the staged zip). A refused zip leaves nothing in the bucket.
 */
export async function unpackScorm(target: UnpackTarget, media: { tenant: string; id: string; filename: string }, staged: { key: string; etag: string }): Promise<Unpacking> {
  const folder = await mkdtemp(join(tmpdir(), 'kb-scorm-'))
  const file = join(folder, 'package.zip')
  try {
    try {
      const object = await target.s3.send(new GetObjectCommand({ Bucket: target.bucket, Key: staged.key, IfMatch: staged.etag }))
      await pipeline(object.Body as Readable, createWriteStream(file))
    } catch (error) {
      if (isPreconditionFailed(error)) return { outcome: 'changed' }
      if (isNotFound(error)) return { outcome: 'missing' }
      throw error
    }
    const checked = await checkScormZip(file, media.filename)
    if ('problem' in checked) return { outcome: 'refused', ...checked }
    await extract(target, file, scormPrefix(media.tenant, media.id)).catch(async (error: unknown) => {
      await removeScormFiles(target, media.tenant, media.id)
      throw error
    })
    const { manifest } = checked
    return {
      outcome: 'unpacked',
      scorm: {
        version: manifest.version,
        launch: manifest.launch,
        title: manifest.title,
        ...(manifest.masteryPercent === undefined ? {} : { masteryPercent: manifest.masteryPercent }),
        fileCount: checked.fileCount,
        unpackedBytes: checked.bytes,
      },
    }
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

/** The second walk: the same checks run again as each file streams to S3, a few at a time. */
async function extract(target: UnpackTarget, file: string, prefix: string): Promise<void> {
  const inFlight = new Set<Promise<unknown>>()
  const failures: unknown[] = []
  const refusal = await walkZip(file, async (entry, open) => {
    while (inFlight.size >= parallelPuts) await Promise.race(inFlight)
    if (failures.length) throw failures[0]
    const body = await open()
    const put = target.s3
      .send(
        new PutObjectCommand({
          Bucket: target.bucket,
          Key: `${prefix}${entry.name}`,
          Body: body,
          ContentLength: entry.bytes,
          ContentType: typeOf(entry.name),
          // The prefix is unique to this upload, so the files never change in place.
          CacheControl: `public, max-age=${cacheSeconds.media}, immutable`,
        }),
      )
      .catch((error: unknown) => {
        body.destroy()
        failures.push(error)
      })
      .finally(() => inFlight.delete(put))
    inFlight.add(put)
  })
  await Promise.all(inFlight)
  if (refusal) throw new Error(`The package changed between its check and its unpacking: ${refusal.problem}`)
  if (failures.length) throw failures[0]
}

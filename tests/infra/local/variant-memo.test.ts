import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GetObjectCommand } from '@aws-sdk/client-s3'
import { ulid } from 'ulid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../functions/media/import.ts'
import type { MediaRecord } from '../../../functions/media/schema.ts'
import { variantPath } from '../../../functions/media/paths.ts'
import { diskVariantMemo } from '../../../infra/local/variant-memo.ts'
import { drawIllustration } from '../../../infra/local/seed/draw.ts'
import { createMediaTestApp, type MediaTestApp } from '../../functions/media/support.ts'

/** The demo seed encodes a picture's variants once per machine; a remembered set must serve exactly as a fresh one. */
describe('the seed remembers encoded variants on disk', () => {
  let t: MediaTestApp
  const directory = mkdtempSync(join(tmpdir(), 'kb-variant-memo-'))
  beforeAll(async () => {
    t = await createMediaTestApp('variant-memo')
  })
  afterAll(() => rmSync(directory, { recursive: true, force: true }))

  const picture = drawIllustration({ width: 1200, height: 630, colour: '#1f5f8b', icon: 'article', seed: 'memo' })
  const importWithMemo = () =>
    importFile(
      { s3: t.services.clients.s3, bucket: t.config.mediaBucket, db: t.services.db, memo: diskVariantMemo(directory) },
      { tenant: 'innlandet', id: ulid(), filename: 'bilde.png', contentType: 'image/png', body: () => picture, alt: 'Et bilde', createdBy: 'test' },
    )
  const variantBytes = async (record: MediaRecord) =>
    Promise.all(
      record.variants!.widths.flatMap((width) => record.variants!.formats.map((format) => variantPath(record.key, width, format))).map(async (key) => {
        const object = await t.services.clients.s3.send(new GetObjectCommand({ Bucket: t.config.mediaBucket, Key: key }))
        return Buffer.from(await object.Body!.transformToByteArray()).toString('base64')
      }),
    )

  it('serves a second upload of the same picture the same variants, sizes and all, from one remembered set', async () => {
    const first = await importWithMemo()
    expect(readdirSync(directory)).toHaveLength(1)
    const second = await importWithMemo()
    expect(readdirSync(directory)).toHaveLength(1)
    expect(second.variants).toEqual(first.variants)
    expect(first.variants?.widths.length).toBeGreaterThan(1)
    expect(await variantBytes(second)).toEqual(await variantBytes(first))
  })

  it('encodes again when a remembered set lost a file, and keeps the complete set', async () => {
    const [digest] = readdirSync(directory)
    const folder = join(directory, digest!)
    rmSync(join(folder, readdirSync(folder)[0]!))
    const record = await importWithMemo()
    expect(record.variants?.widths.length).toBeGreaterThan(1)
    expect((await variantBytes(record)).every((body) => body.length > 0)).toBe(true)
  })
})

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { GetObjectCommand } from '@aws-sdk/client-s3'
import decodeAvif, { init as initAvifDecode } from '@jsquash/avif/decode.js'
import encodeJpeg, { init as initJpegEncode } from '@jsquash/jpeg/encode.js'
import decodeWebp from '@jsquash/webp/decode.js'
import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import { decode, encode } from '../../../functions/media/codecs.ts'
import { importFile } from '../../../functions/media/import.ts'
import { variantPath } from '../../../functions/media/paths.ts'
import type { MediaRecord } from '../../../functions/media/schema.ts'
import { variantKeysOf } from '../../../functions/media/variant-files.ts'
import { writeVariants } from '../../../functions/media/variants.ts'
import { encodePng } from '../../../infra/local/seed/png.ts'
import { createMediaTestApp, type MediaTestApp } from './support.ts'

const require = createRequire(import.meta.url)
const wasm = (file: string) => WebAssembly.compile(readFileSync(require.resolve(file)))

/** A picture with something in it (a gradient and a bar), so encoders have edges to keep. */
function rgb(width: number, height: number): Uint8Array {
  const pixels = new Uint8Array(width * height * 3)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3
      const bar = x > width / 3 && x < width / 2
      pixels.set(bar ? [255, 255, 255] : [(x * 255) / width, (y * 255) / height, 120], at)
    }
  return pixels
}
const rgba = (width: number, height: number) => {
  const from = rgb(width, height)
  const data = new Uint8ClampedArray(width * height * 4).fill(255)
  for (let i = 0; i < width * height; i++) data.set(from.subarray(i * 3, i * 3 + 3), i * 4)
  return { data, width, height } as ImageData
}
const jpeg = async (width: number, height: number) => Buffer.from(await encodeJpeg(rgba(width, height), { quality: 80 }))

/** An APP1 Exif segment with only Orientation (tag 0x0112) set, placed right after the JPEG's SOI marker. */
function withOrientation(file: Buffer, orientation: number): Buffer {
  const tiff = Buffer.from([0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0])
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])
  const segment = Buffer.concat([Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload])
  return Buffer.concat([file.subarray(0, 2), segment, file.subarray(2)])
}

describe('responsive variants of verified pictures', () => {
  let t: MediaTestApp
  beforeAll(async () => {
    t = await createMediaTestApp('media-variants')
    await initJpegEncode(await wasm('@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm'))
    await initAvifDecode(await wasm('@jsquash/avif/codec/dec/avif_dec.wasm'))
    await decode(Buffer.from(await encode(rgba(8, 8), 'webp')), 'image/webp') // loads the WebP decoder for decodeWebp below
  })

  const importPicture = (filename: string, contentType: string, body: Buffer, tenant = 'innlandet') =>
    importFile(
      { s3: t.services.clients.s3, bucket: t.config.mediaBucket, db: t.services.db },
      { tenant, id: ulid(), filename, contentType, body: () => body, alt: 'Et bilde', cacheControl: 'public, max-age=31536000, immutable', createdBy: 'test' },
    )
  const fetchObject = async (key: string) => {
    const object = await t.services.clients.s3.send(new GetObjectCommand({ Bucket: t.config.mediaBucket, Key: key }))
    return { bytes: await object.Body!.transformToByteArray(), type: object.ContentType, cacheControl: object.CacheControl }
  }
  const decoded = async (format: string, bytes: Uint8Array) => {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    const image = format === 'avif' ? await decodeAvif(buffer) : await decodeWebp(buffer)
    if (!image) throw new Error(`${format} did not decode`)
    return { width: image.width, height: image.height }
  }

  /** Every variant is a real file of its format at its width, with the original's aspect and cache headers. */
  async function expectVariants(record: MediaRecord, widths: number[]) {
    expect(record.status).toBe('ready')
    expect(record.variants).toMatchObject({ widths, formats: ['avif', 'webp'] })
    for (const format of ['avif', 'webp'] as const) {
      for (const [index, width] of widths.entries()) {
        const file = await fetchObject(variantPath(record.key, width, format))
        expect(file.type).toBe(`image/${format}`)
        expect(file.cacheControl).toBe('public, max-age=31536000, immutable')
        expect(record.variants!.bytes[format]![index]).toBe(file.bytes.byteLength)
        expect(await decoded(format, file.bytes)).toEqual({ width, height: Math.round((record.height! * width) / record.width!) })
      }
    }
  }

  it('writes WebP and AVIF at 320, 640 and 1024 px beside a 1200 px PNG, never wider than it', async () => {
    const record = await importPicture('kort.png', 'image/png', encodePng(1200, 630, rgb(1200, 630)))
    expect(record).toMatchObject({ width: 1200, height: 630 })
    await expectVariants(record, [320, 640, 1024])
    expect(record.variants!.bytes.webp![0]).toBeLessThan(record.bytes)
  })

  it('gives a JPEG narrower than every candidate one variant at its own width', async () => {
    const record = await importPicture('liten.jpg', 'image/jpeg', await jpeg(200, 120))
    await expectVariants(record, [200])
  })

  it('decodes a WebP original too', async () => {
    const record = await importPicture('bred.webp', 'image/webp', Buffer.from(await encode(rgba(700, 300), 'webp')))
    await expectVariants(record, [320, 640])
  })

  it('turns a JPEG upright by its EXIF orientation, as browsers show the original', async () => {
    // Stored 400 wide and 240 high, orientation 6 (turned a quarter clockwise): shown 240 wide, 400 high.
    const record = await importPicture('snudd.jpg', 'image/jpeg', withOrientation(await jpeg(400, 240), 6))
    expect(record).toMatchObject({ width: 240, height: 400 })
    await expectVariants(record, [240])
  })

  it('keeps the upload when a picture cannot be decoded: ready, the original served, no variant left', async () => {
    // A valid header (so verification measures it) over damaged pixel data.
    const good = encodePng(64, 64, rgb(64, 64))
    const idat = good.indexOf('IDAT')
    const damaged = Buffer.from(good)
    damaged.fill(0x55, idat + 4, idat + 40)
    const record = await importPicture('skadet.png', 'image/png', damaged)
    expect(record).toMatchObject({ status: 'ready', width: 64, height: 64 })
    expect(record.variants).toBeUndefined()
    expect(await t.objectExists(record.key)).toBe(true)
    for (const key of variantKeysOf(record)) expect(await t.objectExists(key)).toBe(false)
  })

  it('serves a picture of more than 40 megapixels as it is, without reading it', async () => {
    const variants = await writeVariants({ s3: t.services.clients.s3, bucket: t.config.mediaBucket }, { key: 'tenants/innlandet/media/X/stor.png', contentType: 'image/png', width: 8000, height: 5001 })
    expect(variants).toBeUndefined()
  })

  it('removes the variants with the media item', async () => {
    const record = await importPicture('slettes.png', 'image/png', encodePng(800, 400, rgb(800, 400)))
    const keys = variantKeysOf(record).filter((key) => /-w(320|640)\./.test(key))
    expect(keys).toHaveLength(4)
    for (const key of keys) expect(await t.objectExists(key)).toBe(true)
    expect((await t.call('innlandet', 'DELETE', `/innlandet/media/${record.id}`)).status).toBe(204)
    for (const key of [record.key, ...keys]) expect(await t.objectExists(key)).toBe(false)
  })
})

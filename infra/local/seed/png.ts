import { constants, crc32, deflateSync } from 'node:zlib'

/**
 * A minimal PNG encoder for 8-bit RGB images (colour type 2), enough for the seed's generated pictures.
 * The pictures are flat spans on a vertical gradient, so rows are filtered (PNG spec §9.2) with Sub, which turns
 * a span into zeros, or with Up where a row repeats the one above; the usual per-row trial of every filter
 * cost more time than it saved bytes here. The filtered rows are mostly runs of zeros, which deflate's RLE
 * strategy packs about as small as its full match search, in a third of the time.
 */
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0)
  return Buffer.concat([head, data, crc])
}

function filterRows(width: number, height: number, rgb: Uint8Array): Buffer {
  const stride = width * 3
  const out = Buffer.alloc((stride + 1) * height)
  for (let y = 0; y < height; y++) {
    const row = rgb.subarray(y * stride, (y + 1) * stride)
    const above = y > 0 ? rgb.subarray((y - 1) * stride, y * stride) : undefined
    const start = y * (stride + 1)
    if (above && Buffer.compare(row, above) === 0) {
      out[start] = 2 // Up: a row like the one above becomes all zeros (the buffer is zero-filled already)
      continue
    }
    out[start] = 1 // Sub
    for (let x = 0; x < stride; x++) out[start + 1 + x] = row[x]! - (x >= 3 ? row[x - 3]! : 0)
  }
  return out
}

/** Encodes `rgb` (width × height × 3 bytes, row by row) as a PNG file. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  if (rgb.length !== width * height * 3) throw new Error(`Expected ${width * height * 3} bytes of RGB, got ${rgb.length}`)
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // bit depth 8, colour type RGB, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(filterRows(width, height, rgb), { level: 9, strategy: constants.Z_RLE })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

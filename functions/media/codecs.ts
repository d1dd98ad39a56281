import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import decodeJpeg, { init as initJpegDecode } from '@jsquash/jpeg/decode.js'
import decodePng, { init as initPngDecode } from '@jsquash/png/decode.js'
import resize, { initResize } from '@jsquash/resize'
import encodeAvif, { init as initAvifEncode } from '@jsquash/avif/encode.js'
import decodeWebp, { init as initWebpDecode } from '@jsquash/webp/decode.js'
import encodeWebp, { init as initWebpEncode } from '@jsquash/webp/encode.js'
import type { VariantFormat } from './paths.ts'

/**
 * The WASM codecs the responsive variants are made with (jSquash: libwebp, libavif/aom, the PNG and
 * MozJPEG decoders, and a Lanczos resizer), so the same code runs in Lambda (arm64), locally (x86-64) and in
 * tests without a native build. In Node the modules cannot fetch their own .wasm, so each is handed its
 * bytes: in a Lambda bundle esbuild has inlined them (`with { type: 'bytes' }`, see wasm.d.ts); unbundled
 * (tsx, vitest), Node refuses that import and they are read from node_modules instead.
 */

/** What the codecs pass around: RGBA rows, as the browser's ImageData. */
export interface Pixels {
  data: Uint8ClampedArray
  width: number
  height: number
}

// The resizer constructs ImageData, which Node lacks; some of the codecs' glue defines it, not all.
globalThis.ImageData ??= class {
  constructor(
    readonly data: Uint8ClampedArray,
    readonly width: number,
    readonly height: number,
  ) {}
} as unknown as typeof ImageData

const require = createRequire(import.meta.url)

async function wasmBytes(inlined: () => Promise<{ default: Uint8Array }>, file: string): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return (await inlined()).default as Uint8Array<ArrayBuffer>
  } catch {
    return new Uint8Array(await readFile(require.resolve(file)))
  }
}

const once = <T>(load: () => Promise<T>) => {
  let loading: Promise<T> | undefined
  return () => (loading ??= load().catch((error) => {
    loading = undefined
    throw error
  }))
}

// Specifiers are literals so esbuild can find and inline each file.
const ready = {
  png: once(async () => {
    await initPngDecode(await wasmBytes(() => import('@jsquash/png/codec/pkg/squoosh_png_bg.wasm', { with: { type: 'bytes' } }), '@jsquash/png/codec/pkg/squoosh_png_bg.wasm'))
  }),
  jpeg: once(async () => {
    const bytes = await wasmBytes(() => import('@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm', { with: { type: 'bytes' } }), '@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm')
    await initJpegDecode(await WebAssembly.compile(bytes))
  }),
  webpDecode: once(async () => {
    const bytes = await wasmBytes(() => import('@jsquash/webp/codec/dec/webp_dec.wasm', { with: { type: 'bytes' } }), '@jsquash/webp/codec/dec/webp_dec.wasm')
    await initWebpDecode(await WebAssembly.compile(bytes))
  }),
  // Node has had WASM SIMD since 16, so the encoder's own feature test picks its SIMD build: hand it that one.
  webp: once(async () => {
    const bytes = await wasmBytes(() => import('@jsquash/webp/codec/enc/webp_enc_simd.wasm', { with: { type: 'bytes' } }), '@jsquash/webp/codec/enc/webp_enc_simd.wasm')
    await initWebpEncode(await WebAssembly.compile(bytes))
  }),
  // In Node the encoder takes its single-threaded build (no worker threads from WASM here).
  avif: once(async () => {
    const bytes = await wasmBytes(() => import('@jsquash/avif/codec/enc/avif_enc.wasm', { with: { type: 'bytes' } }), '@jsquash/avif/codec/enc/avif_enc.wasm')
    await initAvifEncode(await WebAssembly.compile(bytes))
  }),
  resize: once(async () => {
    await initResize(await wasmBytes(() => import('@jsquash/resize/lib/resize/pkg/squoosh_resize_bg.wasm', { with: { type: 'bytes' } }), '@jsquash/resize/lib/resize/pkg/squoosh_resize_bg.wasm'))
  }),
}

const arrayBuffer = (bytes: Uint8Array): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer

/** Decodes a verified picture; a JPEG is turned upright by its EXIF orientation, as browsers show it. */
export async function decode(bytes: Uint8Array, contentType: string): Promise<Pixels> {
  switch (contentType) {
    case 'image/png':
      await ready.png()
      return decodePng(arrayBuffer(bytes))
    case 'image/jpeg':
      await ready.jpeg()
      return decodeJpeg(arrayBuffer(bytes), { preserveOrientation: true })
    case 'image/webp':
      await ready.webpDecode()
      return decodeWebp(arrayBuffer(bytes))
    default:
      throw new Error(`No decoder for ${contentType}`)
  }
}

/** Whether any pixel is see-through; most photos and illustrations are not. */
export function isOpaque(pixels: Pixels): boolean {
  const { data } = pixels
  for (let alpha = 3; alpha < data.length; alpha += 4) if (data[alpha] !== 255) return false
  return true
}

/**
 * Lanczos3, without gamma-correct (linear light) filtering: half the time, and what most image tools do.
 * Alpha is premultiplied only where there is some, because for an opaque picture it changes nothing and
 * costs as much again as the resize itself (measured: 1200→320 px in 8 ms instead of 21).
 */
export async function resizeTo(pixels: Pixels, width: number, height: number, opaque = isOpaque(pixels)): Promise<Pixels> {
  if (pixels.width === width && pixels.height === height) return pixels
  await ready.resize()
  return resize(pixels as ImageData, { width, height, method: 'lanczos3', linearRGB: false, premultiply: !opaque })
}

/**
 * Encoder settings, measured on the demo pictures and photos (see the report in variants.ts): WebP at
 * quality 75 (libwebp's default); AVIF at quality 50 and speed 8, about a tenth of speed 6's time for a
 * file a third larger than speed 6 makes, still smaller than the WebP.
 */
export const encoderSettings = { webp: { quality: 75 }, avif: { quality: 50, speed: 8 } } as const

export async function encode(pixels: Pixels, format: VariantFormat): Promise<Uint8Array> {
  if (format === 'webp') {
    await ready.webp()
    return new Uint8Array(await encodeWebp(pixels as ImageData, encoderSettings.webp))
  }
  await ready.avif()
  return new Uint8Array(await encodeAvif(pixels as ImageData, encoderSettings.avif))
}

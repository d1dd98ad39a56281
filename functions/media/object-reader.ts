import { GetObjectCommand } from '@aws-sdk/client-s3'
// strtok3 is what file-type and music-metadata read through (installed with both; one copy).
import { AbstractTokenizer, EndOfStreamError, type IRandomAccessFileInfo, type IReadChunkOptions } from 'strtok3'
import type { Target } from './presign.ts'

/** Bytes fetched per Range GET at least: headers and atoms are small and usually close together. */
const readAheadBytes = 256 * 1024
const keptWindows = 3

/**
 * An S3 object read with Range GETs, as a random-access tokenizer: file-type sniffs its first bytes and
 * music-metadata finds an MP4's `moov` atom or an MP3's tags by seeking, so verifying a 5 GB film costs a
 * few small GETs, not a download. The last few windows of bytes are kept, which serve the many small reads
 * a parser makes next to each other.
 */
export class ObjectReader extends AbstractTokenizer {
  readonly fileInfo: IRandomAccessFileInfo
  /** How many GETs were made; tests hold verification to a few. */
  requests = 0
  private windows: Array<{ start: number; bytes: Uint8Array }> = []
  /** When set, every GET is `If-Match` it: S3 answers 412 rather than bytes of another version. */
  private readonly etag: string | undefined

  constructor(
    private readonly target: Target,
    info: { size: number; mimeType?: string; etag?: string },
  ) {
    super()
    this.fileInfo = { size: info.size, mimeType: info.mimeType }
    this.etag = info.etag
  }

  supportsRandomAccess(): boolean {
    return true
  }

  setPosition(position: number): void {
    this.validateLength(position, 'position')
    this.position = position
  }

  async readBuffer(buffer: Uint8Array, options?: IReadChunkOptions): Promise<number> {
    const normalized = this.normalizeOptions(buffer, options)
    const count = await this.peekBuffer(buffer, normalized)
    this.position = normalized.position + count
    return count
  }

  async peekBuffer(buffer: Uint8Array, options?: IReadChunkOptions): Promise<number> {
    const { position, length, mayBeLess } = this.normalizeOptions(buffer, options)
    const count = Math.max(0, Math.min(this.fileInfo.size - position, length))
    if (!mayBeLess && count < length) throw new EndOfStreamError()
    if (count > 0) buffer.set(await this.bytes(position, count))
    return count
  }

  /** `count` bytes from `start`, from a kept window when one holds them. */
  async bytes(start: number, count: number): Promise<Uint8Array> {
    const held = this.windows.find((window) => start >= window.start && start + count <= window.start + window.bytes.length)
    if (held) return held.bytes.subarray(start - held.start, start - held.start + count)
    // Near the end, take the whole tail: trailing tags and an MP4's `moov` are read there together.
    const span = Math.max(count, readAheadBytes)
    const from = Math.max(0, Math.min(start, this.fileInfo.size - span))
    this.requests++
    const object = await this.target.s3.send(
      new GetObjectCommand({
        Bucket: this.target.bucket,
        Key: this.target.key,
        Range: `bytes=${from}-${Math.min(this.fileInfo.size, from + span) - 1}`,
        IfMatch: this.etag,
      }),
    )
    const window = { start: from, bytes: (await object.Body?.transformToByteArray()) ?? new Uint8Array(0) }
    if (window.bytes.length < start - from + count) throw new EndOfStreamError()
    // Parsers go back to the start after looking at the end, so a few windows are kept.
    this.windows = [window, ...this.windows].slice(0, keptWindows)
    return window.bytes.subarray(start - from, start - from + count)
  }
}

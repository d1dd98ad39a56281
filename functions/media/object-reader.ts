import { GetObjectCommand } from '@aws-sdk/client-s3'
// strtok3 is what file-type and music-metadata read through (installed with both; one copy).
import { AbstractTokenizer, EndOfStreamError, type IRandomAccessFileInfo, type IReadChunkOptions } from 'strtok3'
import type { Target } from './presign.ts'

/** Bytes fetched per Range GET at least: headers and atoms are small and usually close together. */
const readAheadBytes = 256 * 1024

/**
 * An S3 object read with Range GETs, as a random-access tokenizer: file-type sniffs its first bytes and
 * music-metadata finds an MP4's `moov` atom or an MP3's tags by seeking, so verifying a 5 GB film costs a
 * few small GETs, not a download. One window of bytes is kept, which serves the many small reads a parser
 * makes next to each other.
 */
export class ObjectReader extends AbstractTokenizer {
  readonly fileInfo: IRandomAccessFileInfo
  /** How many GETs were made; tests hold verification to a few. */
  requests = 0
  private window: { start: number; bytes: Uint8Array } = { start: 0, bytes: new Uint8Array(0) }

  constructor(
    private readonly target: Target,
    info: { size: number; mimeType?: string },
  ) {
    super()
    this.fileInfo = { size: info.size, mimeType: info.mimeType }
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

  /** `count` bytes from `start`, from the window when it holds them. */
  async bytes(start: number, count: number): Promise<Uint8Array> {
    const { window } = this
    const offset = start - window.start
    if (offset < 0 || offset + count > window.bytes.length) {
      const end = Math.min(this.fileInfo.size, start + Math.max(count, readAheadBytes)) - 1
      this.requests++
      const object = await this.target.s3.send(
        new GetObjectCommand({ Bucket: this.target.bucket, Key: this.target.key, Range: `bytes=${start}-${end}` }),
      )
      this.window = { start, bytes: (await object.Body?.transformToByteArray()) ?? new Uint8Array(0) }
      if (this.window.bytes.length < count) throw new EndOfStreamError()
      return this.window.bytes.subarray(0, count)
    }
    return window.bytes.subarray(offset, offset + count)
  }
}

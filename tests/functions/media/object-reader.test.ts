import { PutObjectCommand } from '@aws-sdk/client-s3'
import { fileTypeFromTokenizer } from 'file-type'
import { parseFromTokenizer } from 'music-metadata'
import { beforeAll, describe, expect, it } from 'vitest'
import { MB } from '../../../functions/media/kinds.ts'
import { ObjectReader } from '../../../functions/media/object-reader.ts'
import type { Services } from '../../../functions/services.ts'
import { createTestEnvironment } from '../../support/environment.ts'
import { filmMp4 } from './support.ts'

/** An MP4 atom: 32-bit size, type, payload. */
const atom = (type: string, payload: Buffer) => {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(8 + payload.length, 0)
  head.write(type, 4, 'latin1')
  return Buffer.concat([head, payload])
}

/** The demo film's atoms (ftyp 32 bytes, then moov), rebuilt with the moov after 20 MB of picture data. */
function filmWithIndexAtTheEnd(): Buffer {
  const moovSize = filmMp4.readUInt32BE(32)
  const [ftyp, moov] = [filmMp4.subarray(0, 32), filmMp4.subarray(32, 32 + moovSize)]
  return Buffer.concat([ftyp, atom('mdat', Buffer.alloc(20 * MB)), moov])
}

describe('ObjectReader', () => {
  let services: Services
  beforeAll(async () => {
    ;({ services } = await createTestEnvironment('media-reader'))
  })

  it('sniffs and times a film whose index sits after its picture data with a few range reads, not a download', async () => {
    const body = filmWithIndexAtTheEnd()
    const target = { s3: services.clients.s3, bucket: services.config.mediaBucket, key: 'tenants/test/media/x/film.mp4' }
    await services.clients.s3.send(new PutObjectCommand({ Bucket: target.bucket, Key: target.key, Body: body, ContentType: 'video/mp4' }))
    const reader = new ObjectReader(target, { size: body.length, mimeType: 'video/mp4' })
    expect(await fileTypeFromTokenizer(reader)).toEqual({ ext: 'mp4', mime: 'video/mp4' })
    reader.setPosition(0)
    const { format } = await parseFromTokenizer(reader, { skipCovers: true })
    expect(format.duration).toBeCloseTo(7.5, 0)
    expect(format.hasVideo).toBe(true)
    expect(reader.requests).toBeLessThanOrEqual(2)
  })
})

import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { MB } from '../../../functions/media/kinds.ts'
import type { Media } from '../../../functions/media/schema.ts'
import { createMediaStore } from '../../../functions/media/store.ts'
import { readTranscript } from '../../../functions/podcasts/transcript.ts'
import { encodePng } from '../../../infra/local/seed/png.ts'
import { createMediaTestApp, episodeMp3, filmMp4, png, vtt, type MediaTestApp } from './support.ts'

/**
 * The whole upload against s3rver: the API signs, the file really goes to the emulator the way a browser
 * sends it, the confirm step answers 202, and the media worker, given S3's event, decides from the stored
 * bytes. s3rver enforces none of the policy, so the refusals here are the server-side verification alone.
 */
describe('upload and verify', () => {
  let t: MediaTestApp
  beforeAll(async () => {
    t = await createMediaTestApp('media-uploads')
  })

  /** Refused by the worker: the record says why (in English and as a reason), and no byte is kept anywhere. */
  const expectRefused = async (upload: { media: Media; answer: { key: string } }, message: RegExp, reason: string) => {
    expect(upload.media).toMatchObject({ status: 'refused', reason, problem: expect.stringMatching(message) })
    expect(await t.objectExists(upload.answer.key)).toBe(false)
    // Nor at the staging key the browser uploaded to.
    expect(await t.objectExists(upload.answer.key.replace(/^tenants\/([^/]+)\/media\//, 'uploads/$1/'))).toBe(false)
    // Kept a day for the workspace to show, then removed by DynamoDB's TTL.
    const stored = (await createMediaStore(t.services.db).get('innlandet', upload.media.id))!
    expect(stored.expiresAt! - Date.now() / 1000).toBeGreaterThan(23.9 * 3600)
    expect(stored.expiresAt! - Date.now() / 1000).toBeLessThanOrEqual(24 * 3600)
  }

  it('makes a real PNG ready with its width and height, asking for alt text', async () => {
    const bytes = png(64, 48)
    const { answer, response, media } = await t.upload('innlandet', { kind: 'image', filename: 'Plakat for Ås.png', contentType: 'image/png', bytes })
    expect(answer).toMatchObject({ method: 'post', key: `tenants/innlandet/media/${answer.mediaId}/plakat-for-as.png` })
    // Confirming reads no bytes: it answers at once, and the worker decides.
    expect(response.status).toBe(202)
    expect(await response.json()).toMatchObject({ id: answer.mediaId, status: 'processing', bytes: bytes.length })
    // Other fields may join (image variants); the stored-only ones never show.
    for (const internal of ['stagingKey', 'multipart', 'expiresAt', 'problem', 'reason']) expect(media).not.toHaveProperty(internal)
    expect(media).toMatchObject({
      id: answer.mediaId,
      tenant: 'innlandet',
      kind: 'image',
      status: 'ready',
      key: answer.key,
      path: `/media/${answer.key}`,
      filename: 'Plakat for Ås.png',
      contentType: 'image/png',
      bytes: bytes.length,
      needsAlt: true,
      width: 64,
      height: 48,
      createdAt: expect.any(String),
      createdBy: 'innlandet@example.no',
      updatedAt: expect.any(String),
      usedBy: [],
    })
    // Confirming again changes nothing and answers the verdict.
    const again = await t.complete('innlandet', answer.mediaId)
    expect(again.status).toBe(200)
    expect(await again.json()).toMatchObject({ status: 'ready', width: 64 })
  })

  it('reads an MP3’s playing time and exact byte length from the file', async () => {
    const media = await t.readyMedia('innlandet', { kind: 'audio', filename: 'episode.mp3', contentType: 'audio/mpeg', bytes: episodeMp3 })
    expect(media).toMatchObject({ kind: 'audio', status: 'ready', bytes: episodeMp3.length, needsAlt: false })
    expect(media.durationSeconds).toBeGreaterThanOrEqual(26)
    expect(media.durationSeconds).toBeLessThanOrEqual(27)
  })

  it('reads an MP4 film’s playing time', async () => {
    const media = await t.readyMedia('innlandet', { kind: 'video', filename: 'film.mp4', contentType: 'video/mp4', bytes: filmMp4 })
    expect(media).toMatchObject({ kind: 'video', status: 'ready', bytes: filmMp4.length, durationSeconds: 8 })
  })

  it('accepts WebVTT captions, with or without a byte-order mark', async () => {
    const plain = await t.readyMedia('innlandet', { kind: 'captions', filename: 'film.vtt', contentType: 'text/vtt', bytes: vtt() })
    expect(plain).toMatchObject({ kind: 'captions', status: 'ready' })
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), vtt('Med BOM.')])
    expect(await t.readyMedia('innlandet', { kind: 'captions', filename: 'bom.vtt', contentType: 'text/vtt', bytes: withBom })).toMatchObject({ status: 'ready' })
  })

  it('keeps a WebVTT file’s turns for the episode page, and removes them with the file', async () => {
    const spoken = Buffer.from('WEBVTT\n\n00:00.000 --> 00:02.000\n<v Programleder>Velkommen til Helsepodden.\n\n00:02.000 --> 00:04.000\n<v Gjest>Takk &amp; hei.\n')
    const media = await t.readyMedia('innlandet', { kind: 'captions', filename: 'episode-1.vtt', contentType: 'text/vtt', bytes: spoken })
    expect(await readTranscript(t.services.db, media.path)).toEqual([
      { start: 0, speaker: 'Programleder', text: 'Velkommen til Helsepodden.' },
      { start: 2, speaker: 'Gjest', text: 'Takk & hei.' },
    ])
    expect((await t.call('innlandet', 'DELETE', `/innlandet/media/${media.id}`)).status).toBe(204)
    expect(await readTranscript(t.services.db, media.path)).toBeUndefined()
  })

  it('keeps no turns for a refused captions file', async () => {
    const latin1 = Buffer.concat([Buffer.from('WEBVTT\n\n00:00.000 --> 00:02.000\nBl'), Buffer.from([0xe5]), Buffer.from('b\u00e6r\n')])
    const { answer, media } = await t.upload('innlandet', { kind: 'captions', filename: 'refusert.vtt', contentType: 'text/vtt', bytes: latin1 })
    expect(media.status).toBe('refused')
    expect(await readTranscript(t.services.db, `/media/${answer.key}`)).toBeUndefined()
  })

  it('accepts a PDF', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
    expect(await t.readyMedia('innlandet', { kind: 'document', filename: 'veileder.pdf', contentType: 'application/pdf', bytes: pdf })).toMatchObject({ status: 'ready' })
  })

  it('refuses a PNG posted as audio/mpeg and removes it', async () => {
    const refused = await t.upload('innlandet', { kind: 'audio', filename: 'lur.mp3', contentType: 'audio/mpeg', bytes: png(8, 8) })
    await expectRefused(refused, /^The file is not an MP3: its content is a PNG image\. Upload an MP3 or M4A file\.$/, 'wrong_content')
  })

  it('refuses an MP3 posted as an MP4 film, and a film posted as sound', async () => {
    const asFilm = await t.upload('innlandet', { kind: 'video', filename: 'lyd.mp4', contentType: 'video/mp4', bytes: episodeMp3 })
    await expectRefused(asFilm, /The file is not an MP4 video: its content is MP3 audio/, 'wrong_content')
    const asSound = await t.upload('innlandet', { kind: 'audio', filename: 'film.m4a', contentType: 'audio/mp4', bytes: filmMp4 })
    await expectRefused(asSound, /contains video\. Upload it as a video/, 'has_video')
  })

  it('refuses a 0-byte file', async () => {
    const empty = await t.upload('innlandet', { kind: 'image', filename: 'tom.png', contentType: 'image/png', bytes: new Uint8Array(0), size: 100 })
    await expectRefused(empty, /The file is empty \(0 bytes\)/, 'empty')
  })

  it('refuses captions that are not WebVTT', async () => {
    const srt = Buffer.from('1\n00:00:00,000 --> 00:00:02,000\nHei\n')
    const refused = await t.upload('innlandet', { kind: 'captions', filename: 'film.vtt', contentType: 'text/vtt', bytes: srt })
    await expectRefused(refused, /The file is not WebVTT captions: its content is not in a format we recognise\. Export the captions as WebVTT/, 'wrong_content')
  })

  it('refuses WebVTT that is not UTF-8', async () => {
    const latin1 = Buffer.concat([Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nbl'), Buffer.from([0xe5]), Buffer.from('b\xe6r\n', 'latin1')])
    const refused = await t.upload('innlandet', { kind: 'captions', filename: 'latin1.vtt', contentType: 'text/vtt', bytes: latin1 })
    await expectRefused(refused, /not UTF-8 text/, 'not_utf8')
  })

  it('refuses an object larger than announced, and one over the kind’s cap', async () => {
    const bigger = await t.upload('innlandet', { kind: 'image', filename: 'stor.png', contentType: 'image/png', bytes: png(64, 64), size: 100 })
    await expectRefused(bigger, /larger than the 100 bytes announced/, 'larger_than_announced')
    const overCap = Buffer.concat([vtt(), Buffer.alloc(2.5 * MB, 0x20)])
    const capped = await t.upload('innlandet', { kind: 'captions', filename: 'lang.vtt', contentType: 'text/vtt', bytes: overCap, size: 100 })
    await expectRefused(capped, /Captions and transcripts can be at most 2 MB; the uploaded file is 2.5 MB\. Make it smaller/, 'too_large')
  })

  it('refuses an object that arrived short', async () => {
    const bytes = png(32, 32)
    const short = await t.upload('innlandet', { kind: 'image', filename: 'kort.png', contentType: 'image/png', bytes: bytes.subarray(0, 40), size: bytes.length })
    await expectRefused(short, /arrived: the upload did not finish/, 'incomplete')
  })

  it('refuses an object stored under another Content-Type than announced', async () => {
    const answer = await t.requestUpload('innlandet', { kind: 'image', filename: 'feil.png', contentType: 'image/png', size: 67 })
    if (answer.method !== 'post') throw new Error('expected a POST upload')
    await t.sendBytes({ ...answer, fields: { ...answer.fields, 'Content-Type': 'text/html' } }, png(4, 4).subarray(0, 67))
    expect((await t.complete('innlandet', answer.mediaId)).status).toBe(202)
    await t.deliver(`uploads/innlandet/${answer.mediaId}/feil.png`)
    await expectRefused({ answer, media: await t.media('innlandet', answer.mediaId) }, /stored as text\/html, not the image\/png announced/, 'stored_type_mismatch')
  })

  it('keeps the upload open when the file has not arrived yet', async () => {
    const answer = await t.requestUpload('innlandet', { kind: 'image', filename: 'senere.png', contentType: 'image/png', size: 100 })
    const early = await t.complete('innlandet', answer.mediaId)
    expect(early.status).toBe(400)
    expect(await early.json()).toEqual({ error: 'The file has not arrived in storage yet. Upload it, then confirm again.', code: 'bad_request' })
    const pending = (await (await t.call('innlandet', 'GET', `/innlandet/media/${answer.mediaId}`)).json()) as Media
    expect(pending).toMatchObject({ status: 'pending', bytes: 100 })
  })

  it('answers 404 for an unknown upload', async () => {
    const response = await t.complete('innlandet', '01JD0000000000000000000000')
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: 'No media 01JD0000000000000000000000 in innlandet. Check the id, or start a new upload.', code: 'not_found' })
  })
})

describe('multipart upload', () => {
  // s3rver does not enforce S3's 5 MiB minimum part; 5 MiB parts keep the test true to S3 anyway.
  const partSize = 5 * MB
  let t: MediaTestApp
  beforeAll(async () => {
    t = await createMediaTestApp('media-multipart', { partSize, multipartThreshold: partSize })
  })

  it('signs parts above the threshold, joins them on confirm and verifies the whole', async () => {
    // Noise does not compress: a 1400 × 1400 RGB PNG of it is about 5.9 MB, so two parts.
    const bytes = encodePng(1400, 1400, randomBytes(1400 * 1400 * 3))
    const answer = await t.requestUpload('innlandet', { kind: 'image', filename: 'stoy.png', contentType: 'image/png', size: bytes.length })
    if (answer.method !== 'multipart') throw new Error('expected a multipart upload')
    expect(answer).toMatchObject({ partSize, uploadId: expect.any(String), parts: [{ partNumber: 1 }, { partNumber: 2 }] })

    const refreshed = await t.call('innlandet', 'GET', `/innlandet/uploads/${answer.mediaId}/parts`)
    expect(await refreshed.json()).toMatchObject({ uploadId: answer.uploadId, parts: [{ partNumber: 1 }, { partNumber: 2 }] })

    const parts = await t.sendBytes(answer, bytes)
    const missing = await t.complete('innlandet', answer.mediaId, { parts: parts.slice(0, 1) })
    expect(missing.status).toBe(400)
    expect(await missing.json()).toEqual({ error: 'Send parts: the partNumber and ETag of every part, 1 to 2, each once.', code: 'bad_request' })

    // In any order: the API sorts them for S3.
    const done = await t.complete('innlandet', answer.mediaId, { parts: [...parts].reverse() })
    expect(done.status).toBe(202)
    expect(await done.json()).toMatchObject({ status: 'processing' })
    // Joining the parts is what makes S3 emit the event.
    await t.deliver(`uploads/innlandet/${answer.mediaId}/stoy.png`, 'ObjectCreated:CompleteMultipartUpload')
    expect(await t.media('innlandet', answer.mediaId)).toMatchObject({ status: 'ready', bytes: bytes.length, width: 1400, height: 1400 })
    expect(await t.objectExists(answer.key)).toBe(true)
    expect(await t.objectExists(`uploads/innlandet/${answer.mediaId}/stoy.png`)).toBe(false)
  })

  it('refuses a mislabelled multipart upload and removes the joined object', async () => {
    const padded = await t.upload('innlandet', { kind: 'audio', filename: 'stoy.mp3', contentType: 'audio/mpeg', bytes: randomBytes(partSize + 10) })
    expect(padded.answer.method).toBe('multipart')
    expect(padded.response.status).toBe(202)
    expect(padded.media).toMatchObject({ status: 'refused', reason: 'wrong_content' })
    expect(await t.objectExists(padded.answer.key)).toBe(false)
    expect(await t.objectExists(`uploads/innlandet/${padded.answer.mediaId}/stoy.mp3`)).toBe(false)
  })
})

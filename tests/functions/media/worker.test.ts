import { beforeAll, describe, expect, it } from 'vitest'
import { stagingKey } from '../../../functions/media/keys.ts'
import { createMediaStore } from '../../../functions/media/store.ts'
import { decodeEventKey } from '../../../functions/media/worker.ts'
import { s3Event } from './events.ts'
import { createMediaTestApp, png, type MediaTestApp } from './support.ts'

/**
 * The media worker against the real emulators, handed the event S3 sends for an upload (s3rver's own events
 * stay in the global setup's process; tests/browser/editor.test.ts goes through them for real). S3 delivers
 * at least once and in any order, so repeats and strays must change nothing.
 */
describe('media worker', () => {
  let t: MediaTestApp
  beforeAll(async () => {
    t = await createMediaTestApp('media-worker')
  })

  /** A pending upload whose bytes are at the staging key, not yet confirmed. */
  async function staged(tenant: string, filename: string, kind: string, contentType: string, bytes: Uint8Array) {
    const answer = await t.requestUpload(tenant, { kind, filename, contentType, size: bytes.length }, tenant === 'vestfold' ? 'vestfold' : 'innlandet')
    await t.sendBytes(answer, bytes)
    return { answer, key: stagingKey(tenant, answer.mediaId, filename) }
  }
  const record = (tenant: string, id: string) => createMediaStore(t.services.db).get(tenant, id)

  it('makes a good file ready and public on the event alone; the confirm that follows answers the verdict', async () => {
    const bytes = png(30, 20)
    const { answer, key } = await staged('innlandet', 'god.png', 'image', 'image/png', bytes)
    expect(await t.deliver(key)).toEqual([{ outcome: 'ready', key, tenant: 'innlandet', mediaId: answer.mediaId }])
    expect(await record('innlandet', answer.mediaId)).toMatchObject({ status: 'ready', width: 30, height: 20, bytes: bytes.length })
    expect(await t.objectExists(answer.key)).toBe(true)
    expect(await t.objectExists(key)).toBe(false)
    // The editor's confirm arrives after the worker finished (events often win): the final state, at once.
    const confirmed = await t.complete('innlandet', answer.mediaId)
    expect(confirmed.status).toBe(200)
    expect(await confirmed.json()).toMatchObject({ status: 'ready', width: 30 })
  })

  it('refuses a lying file: marked refused with a reason and a day to live, nothing public, nothing staged', async () => {
    const { answer, key } = await staged('innlandet', 'lur.mp3', 'audio', 'audio/mpeg', png(8, 8))
    expect((await t.complete('innlandet', answer.mediaId)).status).toBe(202)
    expect(await record('innlandet', answer.mediaId)).toMatchObject({ status: 'processing' })
    expect(await t.deliver(key)).toEqual([{ outcome: 'refused', key, tenant: 'innlandet', mediaId: answer.mediaId, reason: 'wrong_content' }])
    const refused = (await record('innlandet', answer.mediaId))!
    expect(refused).toMatchObject({ status: 'refused', reason: 'wrong_content', problem: expect.stringMatching(/^The file is not an MP3: its content is a PNG image/) })
    expect(refused.expiresAt).toBeGreaterThan(Date.now() / 1000 + 23 * 3600)
    expect(await t.objectExists(answer.key)).toBe(false)
    expect(await t.objectExists(key)).toBe(false)
    // What the workspace polls: the status, the reason it words in bokmål, the English sentence.
    expect(await t.media('innlandet', answer.mediaId)).toMatchObject({ status: 'refused', reason: 'wrong_content', problem: refused.problem })
    // A refused file cannot be confirmed into anything else.
    expect(await (await t.complete('innlandet', answer.mediaId)).json()).toMatchObject({ status: 'refused' })
  })

  it('changes nothing on a repeated event, a late one, or two deliveries at once', async () => {
    const { answer, key } = await staged('innlandet', 'to-ganger.png', 'image', 'image/png', png(12, 12))
    const [first, second] = await Promise.all([t.deliver(key), t.deliver(key)])
    // One of them did the work; the other found it done (or its object already moved), never a second verdict.
    expect([first![0]!.outcome, second![0]!.outcome]).toContain('ready')
    const ready = (await record('innlandet', answer.mediaId))!
    expect(ready.status).toBe('ready')
    expect(await t.objectExists(answer.key)).toBe(true)

    // Much later, the same event again; then the form posted again with other bytes and its own event.
    expect(await t.deliver(key)).toEqual([{ outcome: 'settled', key, tenant: 'innlandet', mediaId: answer.mediaId }])
    await t.sendBytes({ ...answer, ...(answer.method === 'post' ? { fields: { ...answer.fields, 'Content-Type': 'text/html' } } : {}) }, Buffer.from('<script>alert(1)</script>'))
    expect(await t.deliver(key)).toEqual([{ outcome: 'settled', key, tenant: 'innlandet', mediaId: answer.mediaId }])
    expect(await record('innlandet', answer.mediaId)).toEqual(ready)

    // A refused record stays refused too.
    const lying = await staged('innlandet', 'lyver.mp3', 'audio', 'audio/mpeg', png(4, 4))
    await t.deliver(lying.key)
    const refused = await record('innlandet', lying.answer.mediaId)
    expect(await t.deliver(lying.key)).toEqual([expect.objectContaining({ outcome: 'settled' })])
    expect(await record('innlandet', lying.answer.mediaId)).toEqual(refused)
  })

  it('logs and ignores an event for an unknown upload, and ignores what is not an upload’s staging key', async () => {
    const unknown = 'uploads/innlandet/01JD0000000000000000000000/borte.png'
    t.workerLog.length = 0
    expect(await t.deliver(unknown)).toEqual([{ outcome: 'unknown', key: unknown, tenant: 'innlandet', mediaId: '01JD0000000000000000000000' }])
    expect(t.workerLog).toEqual([expect.objectContaining({ outcome: 'unknown', key: unknown })])

    const { answer, key } = await staged('innlandet', 'rolig.png', 'image', 'image/png', png(6, 6))
    for (const stray of [
      answer.key, // the worker's own copy to the public key
      `uploads/innlandet/${answer.mediaId}/../rolig.png`,
      `uploads/innlandet/${answer.mediaId}/sub/rolig.png`,
      `uploads/innlandet/${answer.mediaId.toLowerCase()}/rolig.png`,
      `uploads/Innlandet/${answer.mediaId}/rolig.png`,
      'uploads/innlandet',
    ])
      expect(await t.deliver(stray)).toEqual([expect.objectContaining({ outcome: 'ignored' })])
    // Broken encoding, another bucket, and a removal are not uploads either.
    const broken = s3Event(t.config.mediaBucket, key)
    broken.Records[0]!.s3.object.key = `${key}%E0%A4%A`
    expect(await t.worker(broken)).toEqual([expect.objectContaining({ outcome: 'ignored' })])
    expect(await t.worker(s3Event('another-bucket', key))).toEqual([expect.objectContaining({ outcome: 'ignored' })])
    expect(await t.worker(s3Event(t.config.mediaBucket, key, 'ObjectRemoved:Delete'))).toEqual([expect.objectContaining({ outcome: 'ignored' })])
    // The same upload's key under another file name is not its key.
    expect(await t.deliver(`uploads/innlandet/${answer.mediaId}/annen.png`)).toEqual([expect.objectContaining({ outcome: 'unknown' })])
    expect(await record('innlandet', answer.mediaId)).toMatchObject({ status: 'pending' })
    expect(await t.objectExists(key)).toBe(true)
  })

  it('takes the tenant from the key: a key naming another tenant cannot touch that tenant’s upload', async () => {
    const { answer, key } = await staged('innlandet', 'innlandets.png', 'image', 'image/png', png(5, 5))
    const foreign = `uploads/vestfold/${answer.mediaId}/innlandets.png`
    expect(await t.deliver(foreign)).toEqual([{ outcome: 'unknown', key: foreign, tenant: 'vestfold', mediaId: answer.mediaId }])
    expect(await record('innlandet', answer.mediaId)).toMatchObject({ status: 'pending', tenant: 'innlandet' })
    expect(await t.objectExists(key)).toBe(true)
    expect(await t.objectExists(answer.key)).toBe(false)
  })

  it('handles every record of an event, and reads keys as S3 encodes them', async () => {
    const one = await staged('vestfold', 'en.png', 'image', 'image/png', png(3, 3))
    const two = await staged('vestfold', 'to.png', 'image', 'image/png', png(4, 4))
    const event = s3Event(t.config.mediaBucket, one.key)
    event.Records.push(s3Event(t.config.mediaBucket, two.key).Records[0]!)
    expect((await t.worker(event)).map((result) => result.outcome)).toEqual(['ready', 'ready'])
    expect(decodeEventKey('uploads/innlandet/01JD0000000000000000000000/min+fil%C3%A6.png')).toBe('uploads/innlandet/01JD0000000000000000000000/min filæ.png')
    expect(decodeEventKey('uploads%2Finnlandet')).toBe('uploads/innlandet')
    expect(decodeEventKey('%E0%A4%A')).toBeUndefined()
  })
})

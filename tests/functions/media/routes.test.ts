import { beforeAll, describe, expect, it } from 'vitest'
import { stagingKey } from '../../../functions/media/keys.ts'
import type { Media } from '../../../functions/media/schema.ts'
import { createMediaTestApp, png, vtt, type MediaTestApp, type MediaWithUse } from './support.ts'

const unknownId = '01JD0000000000000000000000'
const goodUpload = { kind: 'image', filename: 'bilde.png', contentType: 'image/png', size: 1000 }

describe('media routes: bad input', () => {
  let t: MediaTestApp
  let readyId: string
  beforeAll(async () => {
    t = await createMediaTestApp('media-routes-input')
    readyId = (await t.readyMedia('innlandet', { kind: 'image', filename: 'a.png', contentType: 'image/png', bytes: png(4, 4) })).id
  })

  it.each([
    ['POST', '/innlandet/uploads', {}, 400, /kind: Invalid option/],
    ['POST', '/innlandet/uploads', 'not json', 400, /Malformed JSON/],
    ['POST', '/innlandet/uploads', { ...goodUpload, kind: 'virus' }, 400, /kind: Invalid option/],
    ['POST', '/innlandet/uploads', { ...goodUpload, size: '1000' }, 400, /size: Give the size in bytes as a whole number/],
    ['POST', '/innlandet/uploads', { ...goodUpload, size: 0 }, 400, /size: The file is empty \(0 bytes\)/],
    ['POST', '/innlandet/uploads', { ...goodUpload, size: 10.5 }, 400, /size: Give the size in bytes/],
    ['POST', '/innlandet/uploads', { ...goodUpload, filename: 'x'.repeat(1024 * 1024) + '.png' }, 413, /larger than 512 KB/],
    ['POST', '/innlandet/uploads', { ...goodUpload, filename: '<script>alert(1)</script>.png' }, 400, /filename: Write plain text/],
    ['POST', '/innlandet/uploads', { ...goodUpload, filename: '' }, 400, /filename: Give the file name/],
    ['POST', '/innlandet/uploads', { ...goodUpload, contentType: 'image/svg+xml', filename: 'x.svg' }, 400, /image\/svg\+xml is not accepted for image uploads/],
    ['POST', '/innlandet/uploads', { ...goodUpload, filename: 'bilde.exe' }, 400, /should end in \.png/],
    ['POST', '/innlandet/uploads', { ...goodUpload, kind: 'video', contentType: 'video/mp4', filename: 'f.mp4', size: 6 * 1024 ** 3 }, 400, /Videos can be at most 5 GB; this file is 6 GB/],
    ['POST', '/Ugyldig%20Navn/uploads', goodUpload, 400, /tenant/],
    ['POST', '/atlantis/uploads', goodUpload, 403, /not an editor of 'atlantis'/],
    ['POST', `/innlandet/uploads/not-an-id/complete`, {}, 400, /mediaId: Media ids are 26-character ULIDs/],
    ['POST', `/innlandet/uploads/${unknownId}/complete`, { parts: 'all' }, 400, /parts/],
    ['POST', `/innlandet/uploads/${unknownId}/complete`, {}, 404, /No media/],
    ['GET', `/innlandet/uploads/${unknownId}/parts`, undefined, 404, /No media/],
    ['GET', '/innlandet/media?kind=film', undefined, 400, /kind/],
    ['GET', '/innlandet/media?limit=1000', undefined, 400, /limit/],
    ['GET', '/innlandet/media?cursor=not-a-cursor', undefined, 400, /cursor/],
    ['GET', `/innlandet/media/${unknownId}`, undefined, 404, /No media/],
    ['GET', '/innlandet/media/1', undefined, 400, /Media ids are 26-character ULIDs/],
    ['PATCH', `/innlandet/media/${unknownId}`, { alt: 'Et bilde' }, 404, /No media/],
    ['PATCH', '/innlandet/media/READY', {}, 400, /Send alt, title or focalPoint/],
    ['PATCH', '/innlandet/media/READY', { alt: 42 }, 400, /alt: Invalid input/],
    ['PATCH', '/innlandet/media/READY', { title: 'x'.repeat(1024 * 1024) }, 413, /larger than 512 KB/],
    ['PATCH', '/innlandet/media/READY', { alt: 'Sol <img src=x onerror=alert(1)>' }, 400, /alt: Write plain text/],
    ['DELETE', `/innlandet/media/${unknownId}`, undefined, 404, /No media/],
  ])('%s %s (case %#) → %i', async (method, path, body, status, message) => {
    const response = await t.call('innlandet', method, path.replace('READY', readyId), body)
    expect(response.status).toBe(status)
    expect(response.headers.get('content-type')).toMatch(/application\/json/)
    expect(((await response.json()) as { error: string }).error).toMatch(message)
  })

  it('answers 401 without a token and 404 for an unknown tenant an admin names', async () => {
    const anonymous = await t.app.request('/api/editor/tenants/innlandet/media')
    expect(anonymous.status).toBe(401)
    const unknown = await t.call('admin', 'GET', '/atlantis/media')
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toEqual({ error: "Unknown tenant 'atlantis'.", code: 'not_found' })
  })

  it('leaves nothing behind for refused requests', async () => {
    const { items } = (await (await t.call('innlandet', 'GET', '/innlandet/media')).json()) as { items: Media[] }
    expect(items.map((item) => item.id)).toEqual([readyId])
  })
})

describe('media routes: library', () => {
  let t: MediaTestApp
  beforeAll(async () => {
    t = await createMediaTestApp('media-routes-library')
  })

  it('lists newest first, filters by kind and pages with a cursor', async () => {
    const image1 = await t.readyMedia('innlandet', { kind: 'image', filename: 'en.png', contentType: 'image/png', bytes: png(2, 2) })
    const captions = await t.readyMedia('innlandet', { kind: 'captions', filename: 'to.vtt', contentType: 'text/vtt', bytes: vtt() })
    const image2 = await t.readyMedia('innlandet', { kind: 'image', filename: 'tre.png', contentType: 'image/png', bytes: png(3, 3) })
    const list = async (query: string) => (await (await t.call('innlandet', 'GET', `/innlandet/media${query}`)).json()) as { items: Media[]; nextCursor: string | null }

    expect((await list('')).items.map((item) => item.id)).toEqual([image2.id, captions.id, image1.id])
    const first = await list('?kind=image&limit=1')
    expect(first.items.map((item) => item.id)).toEqual([image2.id])
    const second = await list(`?kind=image&limit=1&cursor=${first.nextCursor}`)
    expect(second.items.map((item) => item.id)).toEqual([image1.id])
    expect(second.nextCursor).toBeNull()
    // Another tenant's library is its own.
    expect((await (await t.call('vestfold', 'GET', '/vestfold/media')).json()) as object).toEqual({ items: [], nextCursor: null, truncated: false, useCountsComplete: true })
  })

  it('sets alt text and title (plain text, trimmed), and clears them with an empty string', async () => {
    const image = await t.readyMedia('innlandet', { kind: 'image', filename: 'alt.png', contentType: 'image/png', bytes: png(2, 2) })
    expect(image.needsAlt).toBe(true)
    const patched = await t.call('innlandet', 'PATCH', `/innlandet/media/${image.id}`, { alt: '  Sykepleier ved senga, 3 < 4  ', title: 'Sengepost' })
    expect(await patched.json()).toMatchObject({ alt: 'Sykepleier ved senga, 3 < 4', title: 'Sengepost', needsAlt: false })
    const cleared = await t.call('innlandet', 'PATCH', `/innlandet/media/${image.id}`, { alt: '' })
    const body = (await cleared.json()) as Media
    expect(body).toMatchObject({ title: 'Sengepost', needsAlt: true })
    expect(body.alt).toBeUndefined()
  })

  it('keeps one tenant’s editor out of another’s media: 403 everywhere and nothing changes', async () => {
    const answer = await t.requestUpload('innlandet', { kind: 'image', filename: 'privat.png', contentType: 'image/png', size: png(5, 5).length })
    await t.sendBytes(answer, png(5, 5))
    const id = answer.mediaId
    const attempts = [
      t.complete('innlandet', id, {}, 'vestfold'),
      t.call('vestfold', 'GET', `/innlandet/uploads/${id}/parts`),
      t.call('vestfold', 'GET', `/innlandet/media/${id}`),
      t.call('vestfold', 'GET', '/innlandet/media'),
      t.call('vestfold', 'PATCH', `/innlandet/media/${id}`, { alt: 'Kapret' }),
      t.call('vestfold', 'DELETE', `/innlandet/media/${id}`),
      t.call('vestfold', 'POST', '/innlandet/uploads', goodUpload),
    ]
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403)
      expect(await response.json()).toEqual({ error: "You are not an editor of 'innlandet'.", code: 'forbidden' })
    }
    // The path names the tenant; another tenant's path does not reach the record either.
    expect((await t.call('vestfold', 'GET', `/vestfold/media/${id}`)).status).toBe(404)
    expect((await t.complete('vestfold', id, {}, 'vestfold')).status).toBe(404)
    const record = (await (await t.call('innlandet', 'GET', `/innlandet/media/${id}`)).json()) as MediaWithUse
    expect(record).toMatchObject({ status: 'pending', usedBy: [] })
    expect(record.alt).toBeUndefined()
    // Still only staged: nothing is at the public key before it is verified.
    expect(await t.objectExists(stagingKey('innlandet', id, 'privat.png'))).toBe(true)
    expect(await t.objectExists(answer.key)).toBe(false)
    // An admin may work in any tenant.
    expect(await (await t.complete('innlandet', id, {}, 'admin')).json()).toMatchObject({ status: 'processing' })
    await t.deliver(stagingKey('innlandet', id, 'privat.png'))
    expect(await t.media('innlandet', id, 'admin')).toMatchObject({ status: 'ready' })
  })
})

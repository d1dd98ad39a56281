import { readFileSync } from 'node:fs'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { beforeAll, describe, expect, it } from 'vitest'
import { createExamsApiApp } from '../../../functions/exams-api.ts'
import { createEditorApiApp } from '../../../functions/editor-api.ts'
import { createPublicApiApp } from '../../../functions/public-api.ts'
import { createLocalRouter } from '../../../infra/local/router.ts'
import { createSiteApp } from '../../../web/site/app.tsx'
import { createTestEnvironment } from '../../support/environment.ts'

/** Podcast apps and video players fetch media by byte ranges; the router must answer as CloudFront + S3 do. */
describe('media through the local CDN router', () => {
  const audio = readFileSync(new URL('../../../infra/local/seed/media/episode.mp3', import.meta.url))
  const id = '01JTESTRANGE000000000000AA'
  const path = `/media/tenants/innlandet/media/${id}/episode.mp3`
  let router: ReturnType<typeof createLocalRouter>
  beforeAll(async () => {
    const { services, config } = await createTestEnvironment('media-range')
    await services.clients.s3.send(
      new PutObjectCommand({ Bucket: config.mediaBucket, Key: path.slice('/media/'.length), Body: audio, ContentType: 'audio/mpeg', CacheControl: 'public, max-age=31536000, immutable' }),
    )
    // An upload that is not verified yet sits at its staging key; nothing may serve it.
    await services.clients.s3.send(new PutObjectCommand({ Bucket: config.mediaBucket, Key: `uploads/innlandet/${id}/episode.mp3`, Body: audio, ContentType: 'audio/mpeg' }))
    router = createLocalRouter({
      publicApi: createPublicApiApp(services),
      exams: createExamsApiApp(services),
      search: { fetch: () => new Response('Not found', { status: 404 }) },
      editorApi: createEditorApiApp(services),
      site: createSiteApp(services, { assets: () => ({}) }),
      s3: services.clients.s3,
      mediaBucket: config.mediaBucket,
      assetsDir: '/nonexistent',
    })
  })

  it('answers bytes=100-199 with 206, exactly those bytes and a correct Content-Range', async () => {
    const response = await router.request(path, { headers: { range: 'bytes=100-199' } })
    expect(response.status).toBe(206)
    expect(response.headers.get('content-range')).toBe(`bytes 100-199/${audio.length}`)
    expect(response.headers.get('content-length')).toBe('100')
    expect(Buffer.from(await response.arrayBuffer()).equals(audio.subarray(100, 200))).toBe(true)
  })

  it("answers Apple's first probe, bytes=0-1, with two bytes", async () => {
    const response = await router.request(path, { headers: { range: 'bytes=0-1' } })
    expect(response.status).toBe(206)
    expect(Buffer.from(await response.arrayBuffer()).equals(audio.subarray(0, 2))).toBe(true)
  })

  it('answers HEAD with the length, the type, byte-range support and long caching', async () => {
    const response = await router.request(path, { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-length')).toBe(String(audio.length))
    expect(response.headers.get('content-type')).toBe('audio/mpeg')
    expect(response.headers.get('accept-ranges')).toBe('bytes')
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('answers the whole file with 200 when no range is asked for', async () => {
    const response = await router.request(path)
    expect(response.status).toBe(200)
    expect(Buffer.from(await response.arrayBuffer()).equals(audio)).toBe(true)
  })

  it.each([
    ['a missing object', `/media/tenants/innlandet/media/${id}/finnes-ikke.mp3`],
    ['a path outside the tenants’ media', '/media/private/secret.txt'],
    ['a path that climbs out', '/media/tenants/../private/secret.txt'],
    // Issue 10, hole 2: only exactly an upload's public path reaches the bucket.
    ['a staged upload', `/media/uploads/innlandet/${id}/episode.mp3`],
    ['an encoded climb', `/media/tenants/innlandet/media/${id}/..%2F..%2F..%2Finnlandet%2Fmedia%2F${id}%2Fepisode.mp3`],
    // URL parsing resolves these dots, as browsers and CloudFront do: they land outside the tenants' media.
    ['encoded dots', `/media/tenants/innlandet/media/${id}/%2e%2e/%2e%2e/%2e%2e/%2e%2e/uploads/innlandet/${id}/episode.mp3`],
    ['an encoded backslash', `/media/tenants/innlandet/media/${id}/..%5Cepisode.mp3`],
    ['a double slash', `/media/tenants/innlandet/media/${id}//episode.mp3`],
    ['an encoded letter', `/media/tenants/innlandet/media/${id}/episode%2Emp3`],
    ['a key with a folder more', `/media/tenants/innlandet/media/${id}/x/episode.mp3`],
    ['an id that is no ULID', '/media/tenants/innlandet/media/01TESTRANGE/episode.mp3'],
  ])('answers %s with 404, not 500', async (_name, target) => {
    expect((await router.request(target)).status).toBe(404)
    expect((await router.request(target, { method: 'HEAD' })).status).toBe(404)
  })

  it('answers a range past the end with 416', async () => {
    const response = await router.request(path, { headers: { range: `bytes=${audio.length + 10}-${audio.length + 20}` } })
    expect(response.status).toBe(416)
  })
})

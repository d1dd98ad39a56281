import { readFileSync } from 'node:fs'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApiApp } from '../../../functions/api.ts'
import { createLocalRouter } from '../../../infra/local/router.ts'
import { createSiteApp } from '../../../web/site/app.tsx'
import { createTestEnvironment } from '../../support/environment.ts'

/** Podcast apps and video players fetch media by byte ranges; the router must answer as CloudFront + S3 do. */
describe('media through the local CDN router', () => {
  const audio = readFileSync(new URL('../../../infra/local/seed/media/episode.mp3', import.meta.url))
  const path = '/media/tenants/innlandet/media/01TESTRANGE/episode.mp3'
  let router: ReturnType<typeof createLocalRouter>
  beforeAll(async () => {
    const { services, config } = await createTestEnvironment('media-range')
    await services.clients.s3.send(
      new PutObjectCommand({ Bucket: config.mediaBucket, Key: path.slice('/media/'.length), Body: audio, ContentType: 'audio/mpeg', CacheControl: 'public, max-age=31536000, immutable' }),
    )
    router = createLocalRouter({
      api: createApiApp(services),
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
    ['a missing object', '/media/tenants/innlandet/media/01TESTRANGE/finnes-ikke.mp3', 404],
    ['a path outside the tenants’ media', '/media/private/secret.txt', 404],
    ['a path that climbs out', '/media/tenants/../private/secret.txt', 404],
  ])('answers %s with 404, not 500', async (_name, target, status) => {
    expect((await router.request(target)).status).toBe(status)
  })

  it('answers a range past the end with 416', async () => {
    const response = await router.request(path, { headers: { range: `bytes=${audio.length + 10}-${audio.length + 20}` } })
    expect(response.status).toBe(416)
  })
})

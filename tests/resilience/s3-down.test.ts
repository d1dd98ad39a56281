import { readFileSync } from 'node:fs'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createExamsApiApp } from '../../functions/exams-api.ts'
import type { Media, UploadAnswer } from '../../functions/media/schema.ts'
import { createPublicApiApp } from '../../functions/public-api.ts'
import { createLocalRouter } from '../../infra/local/router.ts'
import { encodePng } from '../../infra/local/seed/png.ts'
import { createSiteApp } from '../../web/site/app.tsx'
import { createEditorEnvironment } from '../support/editors.ts'
import { publishNew, testArticle } from '../support/fixtures.ts'
import { stoppableProxy, type StoppableProxy } from '../support/stoppable-proxy.ts'

/**
 * The S3 emulator stopped under a running system (issue 15's faults): the proxy stands in front of the shared s3rver,
 * so the functions and the local router (CloudFront's part: media by byte range) lose the bucket while DynamoDB stays.
 */
describe('the media bucket out of reach, and back', () => {
  const { dynamodbEndpoint, s3Endpoint } = inject('emulators')
  const audio = readFileSync(new URL('../../infra/local/seed/media/episode.mp3', import.meta.url))
  const episode = 'tenants/akershus/media/01JTESTS3D0WN00000000000AA/episode.mp3'
  let proxy: StoppableProxy
  let env: Awaited<ReturnType<typeof createEditorEnvironment>>
  let router: ReturnType<typeof createLocalRouter>
  beforeAll(async () => {
    proxy = await stoppableProxy(s3Endpoint)
    env = await createEditorEnvironment('s3-down', { config: { endpoints: { dynamodb: dynamodbEndpoint, s3: proxy.endpoint } } })
    router = createLocalRouter({
      publicApi: createPublicApiApp(env.services),
      exams: createExamsApiApp(env.services),
      search: { fetch: () => new Response('Not found', { status: 404 }) },
      editorApi: env.app,
      site: createSiteApp(env.services, { assets: () => ({}), renderCache: false }),
      s3: env.services.clients.s3,
      mediaBucket: env.config.mediaBucket,
      assetsDir: '/nonexistent',
    })
    await env.services.clients.s3.send(new PutObjectCommand({ Bucket: env.config.mediaBucket, Key: episode, Body: audio, ContentType: 'audio/mpeg' }))
  })
  afterAll(() => proxy?.stop())

  const uploads = '/api/editor/tenants/akershus/uploads'
  const mediaIds = async () => {
    const response = await env.call('GET', '/api/editor/tenants/akershus/media?limit=100', env.tokens.akershus)
    return ((await response.json()) as { items: Media[] }).items.map((media) => media.id).sort()
  }
  const mediaStatus = async (id: string) =>
    ((await (await env.call('GET', `/api/editor/tenants/akershus/media/${id}`, env.tokens.akershus)).json()) as Media).status
  const film = { kind: 'video', filename: 'opptak.mp4', contentType: 'video/mp4', size: 60 * 1024 * 1024 }

  it('answers media 503 with Retry-After in bokmål, refuses an upload and a confirm cleanly, keeps pages up, and recovers with nothing half-written', async () => {
    const article = await publishNew(env.services, testArticle('akershus', 'lageret-borte'))
    const page = `/akershus/artikler/${article.slug}`
    expect((await router.request(`/media/${episode}`, { headers: { range: 'bytes=0-1' } })).status).toBe(206)
    // A picture sent to the bucket, not yet confirmed, when S3 goes.
    const png = encodePng(4, 4, new Uint8Array(48).fill(90))
    const requested = await env.call('POST', uploads, env.tokens.akershus, { kind: 'image', filename: 'bilde.png', contentType: 'image/png', size: png.length })
    expect(requested.status).toBe(201)
    const picture = (await requested.json()) as Extract<UploadAnswer, { method: 'post' }>
    const form = new FormData()
    for (const [field, value] of Object.entries(picture.fields)) form.append(field, value)
    form.append('file', new Blob([new Uint8Array(png)]), 'upload')
    expect((await fetch(picture.url, { method: 'POST', body: form })).ok).toBe(true)
    const before = await mediaIds()
    expect(before).toEqual([picture.mediaId])

    await proxy.stop()
    for (const init of [{ headers: { range: 'bytes=0-1' } }, {}, { method: 'HEAD' }]) {
      const down = await router.request(`/media/${episode}`, init)
      expect(down.status).toBe(503)
      expect(down.headers.get('retry-after')).toBe('30')
      expect(down.headers.get('cache-control')).toBe('no-store')
      if (init.method !== 'HEAD') expect(await down.text()).toMatch(/<html lang="nb">.*Kompetansebroen er utilgjengelig akkurat nå/s)
    }
    // Pages need nothing from the bucket: readers still get them.
    expect((await router.request(page)).status).toBe(200)

    // A film goes up in parts, which S3 must start: refused, and no record of it is left behind.
    const refusedUpload = await env.call('POST', uploads, env.tokens.akershus, film)
    expect(refusedUpload.status).toBe(503)
    expect(refusedUpload.headers.get('retry-after')).toBe('30')
    expect(await refusedUpload.json()).toEqual({ error: 'The service is briefly unavailable. Try again in 30 seconds.', code: 'unavailable' })
    // Confirming needs S3's word that the bytes arrived: refused, and the picture stays pending for the next try.
    const refusedConfirm = await env.call('POST', `${uploads}/${picture.mediaId}/complete`, env.tokens.akershus, {})
    expect(refusedConfirm.status).toBe(503)
    expect(((await refusedConfirm.json()) as { code: string }).code).toBe('unavailable')
    expect(await mediaIds()).toEqual(before)
    expect(await mediaStatus(picture.mediaId)).toBe('pending')

    await proxy.start()
    const back = await router.request(`/media/${episode}`)
    expect(back.status).toBe(200)
    expect(Buffer.from(await back.arrayBuffer()).equals(audio)).toBe(true)
    expect((await env.call('POST', `${uploads}/${picture.mediaId}/complete`, env.tokens.akershus, {})).status).toBe(202)
    expect(await mediaStatus(picture.mediaId)).toBe('processing')
    const retried = await env.call('POST', uploads, env.tokens.akershus, film)
    expect(retried.status).toBe(201)
    const filmId = ((await retried.json()) as UploadAnswer).mediaId
    // Exactly what was accepted: the picture and the film asked for after S3 came back.
    expect(await mediaIds()).toEqual([picture.mediaId, filmId].sort())
  })

  it('refuses a delete while S3 is away, and the same delete goes through once it is back', async () => {
    const requested = await env.call('POST', uploads, env.tokens.akershus, { kind: 'image', filename: 'bort.png', contentType: 'image/png', size: 100 })
    const { mediaId } = (await requested.json()) as UploadAnswer
    const remove = () => env.call('DELETE', `/api/editor/tenants/akershus/media/${mediaId}`, env.tokens.akershus)
    await proxy.stop()
    try {
      const refused = await remove()
      expect(refused.status).toBe(503)
      expect(((await refused.json()) as { code: string }).code).toBe('unavailable')
    } finally {
      await proxy.start()
    }
    // Still listed, so the editor can send the delete again; it finishes.
    expect(await mediaIds()).toContain(mediaId)
    expect((await remove()).status).toBe(204)
    expect(await mediaIds()).not.toContain(mediaId)
  })
})

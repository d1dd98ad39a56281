import { PutObjectCommand } from '@aws-sdk/client-s3'
import { beforeAll, describe, expect, it } from 'vitest'
import { stagingKey } from '../../../functions/media/keys.ts'
import { promoteUpload } from '../../../functions/media/promote.ts'
import { createMediaStore } from '../../../functions/media/store.ts'
import { createAwsClients } from '../../../functions/shared/aws.ts'
import { createLocalRouter } from '../../../infra/local/router.ts'
import { createMediaTestApp, png, type MediaTestApp } from './support.ts'

/**
 * Issue 10, hole 5: what readers get is what was verified. The browser's bytes land at a staging key the
 * CDN (here the local router, which plays it) never serves; the media worker, on S3's event, copies the
 * verified version to the public key. s3rver enforces no POST policy, so the "attacker" here may send anything to the signed form.
 */
describe('uploads are staged, and only verified bytes are published', () => {
  let t: MediaTestApp
  let router: ReturnType<typeof createLocalRouter>
  const html = Buffer.from('<!doctype html><script>alert(document.domain)</script>')
  beforeAll(async () => {
    t = await createMediaTestApp('media-staging')
    router = createLocalRouter({
      publicApi: { fetch: () => new Response('Not found', { status: 404 }) },
      exams: { fetch: () => new Response('Not found', { status: 404 }) },
      search: { fetch: () => new Response('Not found', { status: 404 }) },
      editorApi: t.app,
      site: { fetch: () => new Response('Not found', { status: 404 }) },
      s3: t.services.clients.s3,
      mediaBucket: t.config.mediaBucket,
      assetsDir: '/nonexistent',
    })
  })

  const served = async (path: string) => {
    const response = await router.request(path)
    return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) }
  }

  it('serves nothing of a pending upload: not at its public path, not at its staging key', async () => {
    const bytes = png(7, 7)
    const answer = await t.requestUpload('innlandet', { kind: 'image', filename: 'venter.png', contentType: 'image/png', size: bytes.length })
    await t.sendBytes(answer, bytes)
    const staged = stagingKey('innlandet', answer.mediaId, 'venter.png')
    expect(await t.objectExists(staged)).toBe(true)
    expect((await served(`/media/${answer.key}`)).status).toBe(404)
    expect((await served(`/media/${staged}`)).status).toBe(404)
  })

  it('keeps serving the verified bytes when the presigned form is posted again after confirming', async () => {
    const bytes = png(9, 9)
    const answer = await t.requestUpload('innlandet', { kind: 'image', filename: 'ekte.png', contentType: 'image/png', size: bytes.length })
    await t.sendBytes(answer, bytes)
    expect((await t.complete('innlandet', answer.mediaId)).status).toBe(202)
    await t.deliver(stagingKey('innlandet', answer.mediaId, 'ekte.png'))
    expect(await served(`/media/${answer.key}`)).toEqual({ status: 200, type: 'image/png', bytes })
    expect(await t.objectExists(stagingKey('innlandet', answer.mediaId, 'ekte.png'))).toBe(false)

    // The same form again, now with HTML labelled as HTML, and its event; then confirm again.
    if (answer.method !== 'post') throw new Error('expected a POST upload')
    await t.sendBytes({ ...answer, fields: { ...answer.fields, 'Content-Type': 'text/html' } }, html)
    expect(await t.deliver(stagingKey('innlandet', answer.mediaId, 'ekte.png'))).toEqual([expect.objectContaining({ outcome: 'settled' })])
    expect(await (await t.complete('innlandet', answer.mediaId)).json()).toMatchObject({ status: 'ready', width: 9, bytes: bytes.length })
    expect(await served(`/media/${answer.key}`)).toEqual({ status: 200, type: 'image/png', bytes })
  })

  it('refuses to publish bytes swapped in between verifying and copying, and publishes nothing', async () => {
    const bytes = png(5, 5)
    const answer = await t.requestUpload('innlandet', { kind: 'image', filename: 'bytte.png', contentType: 'image/png', size: bytes.length })
    await t.sendBytes(answer, bytes)
    const staged = stagingKey('innlandet', answer.mediaId, 'bytte.png')
    // A real client whose CopyObject is preceded by another POST of the form (same type, other bytes).
    const racing = createAwsClients(t.config).s3
    racing.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'CopyObjectCommand')
          await t.services.clients.s3.send(new PutObjectCommand({ Bucket: t.config.mediaBucket, Key: staged, Body: html, ContentType: 'image/png' }))
        return next(args)
      },
      { step: 'initialize', name: 'swapBeforeCopy' },
    )
    const store = createMediaStore(t.services.db)
    const record = (await store.get('innlandet', answer.mediaId))!
    expect(await promoteUpload({ s3: racing, bucket: t.config.mediaBucket, store }, record)).toEqual({ outcome: 'changed' })
    expect(await t.objectExists(answer.key)).toBe(false)
    expect(await store.get('innlandet', answer.mediaId)).toMatchObject({ status: 'pending' })

    // The swap's own event has the worker check the file as it now is: HTML is no PNG, so nothing is ever served.
    expect(await t.deliver(staged)).toEqual([expect.objectContaining({ outcome: 'refused' })])
    expect((await served(`/media/${answer.key}`)).status).toBe(404)
    expect(await t.objectExists(staged)).toBe(false)
  })

  it('removes both the staged and the public object when the media item is deleted', async () => {
    const bytes = png(4, 4)
    const answer = await t.requestUpload('innlandet', { kind: 'image', filename: 'slett.png', contentType: 'image/png', size: bytes.length })
    await t.sendBytes(answer, bytes)
    const staged = stagingKey('innlandet', answer.mediaId, 'slett.png')
    expect((await t.complete('innlandet', answer.mediaId)).status).toBe(202)
    await t.deliver(staged)
    await t.sendBytes(answer, bytes) // staged again after confirming
    expect(await t.objectExists(staged)).toBe(true)
    expect((await t.call('innlandet', 'DELETE', `/innlandet/media/${answer.mediaId}`)).status).toBe(204)
    expect(await t.objectExists(answer.key)).toBe(false)
    expect(await t.objectExists(staged)).toBe(false)
  })
})

import { readFileSync } from 'node:fs'
import { encodePng } from '../../../infra/local/seed/png.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { stagingKey } from '../../../functions/media/keys.ts'
import type { Media, UploadAnswer } from '../../../functions/media/schema.ts'
import { createMediaStore } from '../../../functions/media/store.ts'
import { createMediaWorker } from '../../../functions/media/worker.ts'
import { createEditorEnvironment } from '../../support/editors.ts'
import { testArticle } from '../../support/fixtures.ts'
import { s3Event } from '../media/events.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>

/** Uploads a real file the way the workspace does (presigned POST straight to S3), confirms it, and has the media worker check it on S3's event. */
async function upload(env: Env, tenant: string, file: Buffer, meta: { kind: string; filename: string; contentType: string }): Promise<Media> {
  const answer = (await (await env.call('POST', `/api/editor/tenants/${tenant}/uploads`, env.tokens.admin, { ...meta, size: file.length })).json()) as UploadAnswer
  if (answer.method !== 'post') throw new Error('expected a presigned POST')
  const form = new FormData()
  for (const [name, value] of Object.entries(answer.fields)) form.append(name, value)
  form.append('file', new Blob([new Uint8Array(file)], { type: meta.contentType }), meta.filename)
  const stored = await fetch(answer.url, { method: 'POST', body: form })
  expect(stored.status).toBeLessThan(300)
  const confirmed = await env.call('POST', `/api/editor/tenants/${tenant}/uploads/${answer.mediaId}/complete`, env.tokens.admin, {})
  expect(confirmed.status, await confirmed.clone().text()).toBe(202)
  const worker = createMediaWorker({ s3: env.services.clients.s3, bucket: env.config.mediaBucket, store: createMediaStore(env.services.db), log: () => {} })
  await worker(s3Event(env.config.mediaBucket, stagingKey(tenant, answer.mediaId, meta.filename)))
  const checked = await env.call('GET', `/api/editor/tenants/${tenant}/media/${answer.mediaId}`, env.tokens.admin)
  const { usedBy: _, ...media } = (await checked.json()) as Media & { usedBy: unknown }
  expect(media.status).toBe('ready')
  return media
}

describe('media used by items', () => {
  let env: Env
  let image: Media
  beforeAll(async () => {
    env = await createEditorEnvironment('media-usage')
    const png = encodePng(40, 20, new Uint8Array(40 * 20 * 3).fill(90))
    image = await upload(env, 'vestfold', png, { kind: 'image', filename: 'illustrasjon.png', contentType: 'image/png' })
  })

  const itemWith = (slug: string, src: string) => {
    const { id, tenant, ...fields } = testArticle('vestfold', slug, { image: { src, alt: 'En illustrasjon' } })
    return fields
  }

  it('refuses to use an image without alt text, naming the file', async () => {
    const response = await env.call('POST', '/api/editor/tenants/vestfold/items', env.tokens.admin, itemWith('uten-alt', image.path))
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: string }).error).toMatch(/has no alt text/)
    expect((await env.services.content.list('vestfold', { limit: 10 })).items).toEqual([])
  })

  it('records which items use a file, and refuses to delete it while they do', async () => {
    await env.call('PATCH', `/api/editor/tenants/vestfold/media/${image.id}`, env.tokens.admin, { alt: 'Tegning av en sykepleier' })
    const created = await env.call('POST', '/api/editor/tenants/vestfold/items', env.tokens.admin, itemWith('med-bilde', image.path))
    expect(created.status).toBe(201)
    const item = (await created.json()) as { id: string; version: number }
    const media = (await (await env.call('GET', `/api/editor/tenants/vestfold/media/${image.id}`, env.tokens.admin)).json()) as { usedBy: Array<{ itemId: string }> }
    expect(media.usedBy).toEqual([expect.objectContaining({ itemId: item.id })])
    expect((await env.call('DELETE', `/api/editor/tenants/vestfold/media/${image.id}`, env.tokens.admin)).status).toBe(409)

    // Saving the item without the image releases it.
    const { image: _, ...withoutImage } = itemWith('med-bilde', image.path)
    const saved = await env.call('PUT', `/api/editor/tenants/vestfold/items/${item.id}`, env.tokens.admin, { version: item.version, fields: withoutImage })
    expect(saved.status, await saved.clone().text()).toBe(200)
    const deleted = await env.call('DELETE', `/api/editor/tenants/vestfold/media/${image.id}`, env.tokens.admin)
    expect(deleted.status, await deleted.clone().text()).toBe(204)
  })

  it('takes an episode’s byte length and duration from the verified file, not from the form', async () => {
    const mp3 = readFileSync(new URL('../../../infra/local/seed/media/episode.mp3', import.meta.url))
    const audio = await upload(env, 'vestfold', mp3, { kind: 'audio', filename: 'episode.mp3', contentType: 'audio/mpeg' })
    const { id, tenant, ...fields } = testArticle('vestfold', 'ignored')
    const podcast = {
      type: 'podkast',
      slug: 'maalt-podkast',
      title: 'Målt podkast',
      summary: 'Om målinger.',
      body: fields.body,
      topics: [],
      audiences: [],
      sharedNationally: false,
      category: 'Health & Fitness',
      language: 'no',
      explicit: false,
      owner: { name: 'Redaksjonen', email: 'post@vestfold.example.no' },
      episodes: [
        {
          guid: 'maalt-1',
          slug: 'episode-1',
          title: 'Episode 1',
          summary: 'Første episode.',
          publishedAt: '2026-11-01T09:00:00+01:00',
          audio: { src: audio.path, bytes: 1, mimeType: 'audio/mpeg', durationSeconds: 9999 },
        },
      ],
    }
    const created = await env.call('POST', '/api/editor/tenants/vestfold/items', env.tokens.admin, podcast)
    expect(created.status, await created.clone().text()).toBe(201)
    const saved = (await created.json()) as { episodes: Array<{ audio: { bytes: number; durationSeconds: number } }> }
    expect(saved.episodes[0]!.audio.bytes).toBe(mp3.length)
    expect(saved.episodes[0]!.audio.durationSeconds).toBe(audio.durationSeconds)
    expect(audio.durationSeconds).toBeGreaterThan(20)
  })
})

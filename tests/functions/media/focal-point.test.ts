import { beforeAll, describe, expect, it } from 'vitest'
import { measuredFacts, withMeasuredFacts } from '../../../functions/media/facts.ts'
import type { ContentFields } from '../../../functions/content/schema.ts'
import type { Media } from '../../../functions/media/schema.ts'
import { createMediaTestApp, png, vtt, type MediaTestApp } from './support.ts'

/**
 * The focal point (issue 17) on DynamoDB Local: set with PATCH …/media/:id, validated, written only while the file is
 * as the editor loaded it, kept to the tenant, and copied onto an item's picture at save time (facts.ts).
 */
describe('media focal point', () => {
  let t: MediaTestApp
  let image: Media
  beforeAll(async () => {
    t = await createMediaTestApp('media-focal-point')
    image = await t.readyMedia('innlandet', { kind: 'image', filename: 'portrett.png', contentType: 'image/png', bytes: png(4, 8) })
  })
  const patch = (body: unknown, who: 'innlandet' | 'vestfold' | 'admin' = 'innlandet', tenant = 'innlandet', id = image.id) => t.call(who, 'PATCH', `/${tenant}/media/${id}`, body)
  const current = async () => (await (await t.call('innlandet', 'GET', `/innlandet/media/${image.id}`)).json()) as Media

  it('starts in the centre (absent), is set conditionally on updatedAt, and null puts it back', async () => {
    const before = await current()
    expect(before.focalPoint).toBeUndefined()
    const set = await patch({ focalPoint: { x: 0.3, y: 0.15 }, updatedAt: before.updatedAt })
    expect(set.status).toBe(200)
    const saved = (await set.json()) as Media
    expect(saved.focalPoint).toEqual({ x: 0.3, y: 0.15 })
    expect(saved.updatedAt).not.toBe(before.updatedAt)
    expect((await current()).focalPoint).toEqual({ x: 0.3, y: 0.15 })

    const reset = (await (await patch({ focalPoint: null, updatedAt: saved.updatedAt })).json()) as Media
    expect(reset.focalPoint).toBeUndefined()
  })

  it('refuses a write from a stale copy with 409 stale_version and the file as it is now; nothing is lost', async () => {
    const loaded = await current()
    // Another editor moves it first.
    expect((await patch({ focalPoint: { x: 0.9, y: 0.1 }, updatedAt: loaded.updatedAt })).status).toBe(200)
    const late = await patch({ focalPoint: { x: 0.1, y: 0.9 }, updatedAt: loaded.updatedAt })
    expect(late.status).toBe(409)
    const body = (await late.json()) as { error: string; code: string; current: Media }
    expect(body.code).toBe('stale_version')
    expect(body.error).toMatch(/changed by someone else/)
    expect(body.current.focalPoint).toEqual({ x: 0.9, y: 0.1 })
    expect((await current()).focalPoint).toEqual({ x: 0.9, y: 0.1 })
  })

  it.each([
    [{ focalPoint: { x: 0.5, y: 0.5 } }, /updatedAt: Send updatedAt/],
    [{ focalPoint: { x: 1.2, y: 0.5 }, updatedAt: '2026-01-01T00:00:00.000Z' }, /focalPoint\.x: x is a fraction of the width/],
    [{ focalPoint: { x: 0.5, y: -0.1 }, updatedAt: '2026-01-01T00:00:00.000Z' }, /focalPoint\.y: y is a fraction of the height/],
    [{ focalPoint: { x: '50%', y: 0.5 }, updatedAt: '2026-01-01T00:00:00.000Z' }, /focalPoint\.x/],
    [{ focalPoint: { x: 0.5 }, updatedAt: '2026-01-01T00:00:00.000Z' }, /focalPoint\.y/],
    [{ focalPoint: { x: 0.5, y: 0.5 }, updatedAt: 'i går' }, /updatedAt/],
  ])('refuses %j with 400, an English error and a code', async (body, message) => {
    const response = await patch(body)
    expect(response.status).toBe(400)
    const answer = (await response.json()) as { error: string; code: string }
    expect(answer.error).toMatch(message)
    expect(answer.code).toBe('bad_request')
  })

  it('is for images only', async () => {
    const captions = await t.readyMedia('innlandet', { kind: 'captions', filename: 'tekst.vtt', contentType: 'text/vtt', bytes: vtt() })
    const response = await patch({ focalPoint: { x: 0.5, y: 0.5 }, updatedAt: captions.updatedAt }, 'innlandet', 'innlandet', captions.id)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ error: 'Only images have a focal point. Leave focalPoint out for this file.', code: 'bad_request' })
  })

  it('keeps another region out: 403 on the owner’s path, 404 on its own, and nothing changes', async () => {
    const loaded = await current()
    const foreign = await patch({ focalPoint: { x: 0, y: 0 }, updatedAt: loaded.updatedAt }, 'vestfold')
    expect(foreign.status).toBe(403)
    expect(await foreign.json()).toEqual({ error: "You are not an editor of 'innlandet'.", code: 'forbidden' })
    const ownPath = await patch({ focalPoint: { x: 0, y: 0 }, updatedAt: loaded.updatedAt }, 'vestfold', 'vestfold')
    expect(ownPath.status).toBe(404)
    expect(((await ownPath.json()) as { code: string }).code).toBe('not_found')
    expect((await current()).updatedAt).toBe(loaded.updatedAt)
  })

  it('is copied onto an item’s picture at save time, whatever the form sent', async () => {
    const loaded = await current()
    await patch({ alt: 'Portrett av en sykepleier.', focalPoint: { x: 0.4, y: 0.2 }, updatedAt: loaded.updatedAt })
    const fields = { tenant: 'innlandet', type: 'artikkel', image: { src: image.path, alt: 'Portrett.', focalPoint: { x: 1, y: 1 } } } as unknown as ContentFields
    expect((await withMeasuredFacts(t.services.db, fields)).image?.focalPoint).toEqual({ x: 0.4, y: 0.2 })
    // Another edition's file gives nothing: its claimed point is dropped with its variants.
    const foreign = { ...fields, tenant: 'vestfold' } as ContentFields
    expect((await withMeasuredFacts(t.services.db, foreign)).image?.focalPoint).toBeUndefined()
    expect((await measuredFacts(t.services.db, 'innlandet', [image.path]))(image.path)?.focalPoint).toEqual({ x: 0.4, y: 0.2 })
  })
})

import { beforeAll, describe, expect, it } from 'vitest'
import type { StoredItem } from '../../../functions/content/store.ts'
import type { Media } from '../../../functions/media/schema.ts'
import { testArticle } from '../../support/fixtures.ts'
import { createMediaTestApp, png, type MediaTestApp, type MediaWithUse } from './support.ts'

/**
 * Issue 10, holes 1 and 2, tried as a hostile vestfold editor against innlandet's library: an item may use
 * only its own edition's ready files, named by exactly an upload's path. Every refusal is a 400 that names
 * nothing of the other edition, and nothing is stored on either side.
 */
describe("an item uses only its own edition's files", () => {
  let t: MediaTestApp
  let theirs: Media
  let theirPending: { mediaId: string; key: string }
  let mine: Media
  beforeAll(async () => {
    t = await createMediaTestApp('media-ownership')
    const described = async (tenant: 'innlandet' | 'vestfold', filename: string) => {
      const media = await t.readyMedia(tenant, { kind: 'image', filename, contentType: 'image/png', bytes: png(6, 6) })
      await t.call(tenant, 'PATCH', `/${tenant}/media/${media.id}`, { alt: 'Et testbilde.' })
      return media
    }
    theirs = await described('innlandet', 'innlandets-bilde.png')
    theirPending = await t.requestUpload('innlandet', { kind: 'image', filename: 'hemmelig-plan.png', contentType: 'image/png', size: 100 })
    mine = await described('vestfold', 'vestfolds-bilde.png')
  })

  const article = (slug: string, overrides: Record<string, unknown> = {}) => {
    const { id, tenant, ...fields } = testArticle('x', slug)
    return { ...fields, ...overrides }
  }
  const withImage = (src: string) => ({ image: { src, alt: 'Et bilde.' } })
  const inBody = (src: string) => ({ body: { type: 'doc', content: [{ type: 'image', src, alt: 'Et bilde.' }] } })
  const vestfoldItems = async () => ((await (await t.call('vestfold', 'GET', '/vestfold/items')).json()) as { items: StoredItem[] }).items
  const usedBy = async (tenant: 'innlandet' | 'vestfold', id: string) => ((await (await t.call(tenant, 'GET', `/${tenant}/media/${id}`)).json()) as MediaWithUse).usedBy

  const expectRefused = async (response: Response, code: string) => {
    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: string; code: string }
    expect(body.code).toBe(code)
    expect(body.error).not.toMatch(/innlandet|hemmelig|innlandets-bilde/i)
    expect(body.error).not.toContain(theirs.id)
    expect(body.error).not.toContain(theirPending.mediaId)
  }

  it.each([
    ['main image', (path: string) => withImage(path)],
    ['rich-text image', (path: string) => inBody(path)],
  ])("refuses another edition's ready file as the %s, writing no use into its library", async (_field, place) => {
    const before = await vestfoldItems()
    await expectRefused(await t.call('vestfold', 'POST', '/vestfold/items', article('laant-bilde', place(theirs.path))), 'invalid_media')
    expect(await vestfoldItems()).toEqual(before)
    expect(await usedBy('innlandet', theirs.id)).toEqual([])
  })

  it("refuses another edition's file on a save too, and its owner can still delete it", async () => {
    const created = await t.call('vestfold', 'POST', '/vestfold/items', article('eget-innlegg', withImage(mine.path)))
    expect(created.status).toBe(201)
    const item = (await created.json()) as StoredItem
    const saved = await t.call('vestfold', 'PUT', `/vestfold/items/${item.id}`, { version: 1, fields: article('eget-innlegg', withImage(theirs.path)) })
    await expectRefused(saved, 'invalid_media')
    expect((await (await t.call('vestfold', 'GET', `/vestfold/items/${item.id}`)).json()) as StoredItem).toMatchObject({ version: 1, image: { src: mine.path } })
    expect(await usedBy('vestfold', mine.id)).toEqual([{ itemId: item.id, tenant: 'vestfold' }])

    const image = await t.readyMedia('innlandet', { kind: 'image', filename: 'slettbar.png', contentType: 'image/png', bytes: png(3, 3) })
    await t.call('innlandet', 'PATCH', `/innlandet/media/${image.id}`, { alt: 'Et bilde.' })
    await expectRefused(await t.call('vestfold', 'POST', '/vestfold/items', article('blokkering', withImage(image.path))), 'invalid_media')
    expect((await t.call('innlandet', 'DELETE', `/innlandet/media/${image.id}`)).status).toBe(204)
  })

  it("refuses another edition's unfinished upload without telling its file name", async () => {
    await expectRefused(await t.call('vestfold', 'POST', '/vestfold/items', article('halvferdig', withImage(`/media/${theirPending.key}`))), 'invalid_media')
  })

  it.each([
    (pending: string) => `/media/tenants/vestfold/media/${mine.id}/../../../innlandet/media/${pending}/x.png`,
    (pending: string) => `/media/tenants/vestfold/media/${mine.id}/%2e%2e/%2e%2e/%2e%2e/innlandet/media/${pending}/x.png`,
    (pending: string) => `/media/tenants/vestfold/media/${mine.id}/..%2F..%2F..%2Finnlandet%2Fmedia%2F${pending}%2Fx.png`,
    (pending: string) => `/media/tenants/vestfold/media/${mine.id}/..\\..\\..\\innlandet\\media\\${pending}\\x.png`,
    (pending: string) => `/media/tenants/vestfold/media/${mine.id}//innlandet/media/${pending}/x.png`,
  ])('refuses a path that leaves its upload (case %#) as the main or a rich-text image, storing nothing', async (hostile) => {
    const path = hostile(theirPending.mediaId)
    const before = await vestfoldItems()
    await expectRefused(await t.call('vestfold', 'POST', '/vestfold/items', article('klatrer', withImage(path))), 'invalid_media')
    await expectRefused(await t.call('vestfold', 'POST', '/vestfold/items', article('klatrer', inBody(path))), 'invalid_media')
    expect(await vestfoldItems()).toEqual(before)
  })

  it('answers media_not_usable for an own file that is not ready yet', async () => {
    const pending = await t.requestUpload('vestfold', { kind: 'image', filename: 'snart.png', contentType: 'image/png', size: 100 }, 'vestfold')
    const response = await t.call('vestfold', 'POST', '/vestfold/items', article('snart', withImage(`/media/${pending.key}`)))
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ code: 'media_not_usable', error: "The file 'snart.png' has not finished uploading. Finish the upload, then save again." })
  })
})

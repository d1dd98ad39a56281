import { beforeAll, describe, expect, it } from 'vitest'
import { ulid } from 'ulid'
import type { Media } from '../../../functions/media/schema.ts'
import { createMediaStore } from '../../../functions/media/store.ts'
import { explainUsageFailure, mediaPathsIn, usageWrites } from '../../../functions/media/usage.ts'
import type { TransactItem } from '../../../functions/shared/db.ts'
import { createMediaTestApp, png, type MediaTestApp, type MediaWithUse } from './support.ts'

/**
 * What the content save transaction will do with usage.ts, played here with a stand-in item record, so the
 * rules hold against DynamoDB Local: a use needs a ready (and, for images, described) file, and a file in
 * use cannot be deleted.
 */
describe('media usage and delete', () => {
  let t: MediaTestApp
  beforeAll(async () => {
    t = await createMediaTestApp('media-usage')
  })

  const describedImage = async (filename: string) => {
    const media = await t.readyMedia('innlandet', { kind: 'image', filename, contentType: 'image/png', bytes: png(6, 6) })
    await t.call('innlandet', 'PATCH', `/innlandet/media/${media.id}`, { alt: 'Et testbilde.' })
    return media
  }

  /** An item save: the item itself first, then the use writes, all or nothing. */
  async function saveItem(itemId: string, before: unknown, after: unknown): Promise<{ error?: string }> {
    const transaction: TransactItem[] = [
      { Put: { Item: { PK: 'TENANT#innlandet', SK: `ITEM#${itemId}`, fields: after } } },
      ...usageWrites('innlandet', itemId, mediaPathsIn(before), mediaPathsIn(after)),
    ]
    try {
      await t.services.db.transact(transaction)
      return {}
    } catch (error) {
      const explained = explainUsageFailure(error, transaction)
      if (!explained) throw error
      return { error: explained.message }
    }
  }
  const get = async (id: string) => (await (await t.call('innlandet', 'GET', `/innlandet/media/${id}`)).json()) as MediaWithUse

  it('refuses delete with 409 naming the items while in use, then deletes object and record once unused', async () => {
    const media = await describedImage('i-bruk.png')
    const item = ulid()
    const fields = { image: { src: media.path, alt: 'Et testbilde.' } }
    expect(await saveItem(item, {}, fields)).toEqual({})
    expect((await get(media.id)).usedBy).toEqual([{ itemId: item, tenant: 'innlandet' }])

    const refused = await t.call('innlandet', 'DELETE', `/innlandet/media/${media.id}`)
    expect(refused.status).toBe(409)
    expect(await refused.json()).toEqual({ error: `'i-bruk.png' is used by 1 item: innlandet/${item}. Remove it from them first, then delete it.`, code: 'media_in_use' })
    expect(await t.objectExists(media.key)).toBe(true)
    // The refused delete let go of the file: it can still be edited and used.
    expect((await t.call('innlandet', 'PATCH', `/innlandet/media/${media.id}`, { title: 'Fortsatt her' })).status).toBe(200)

    expect(await saveItem(item, fields, {})).toEqual({})
    expect((await get(media.id)).usedBy).toEqual([])
    const deleted = await t.call('innlandet', 'DELETE', `/innlandet/media/${media.id}`)
    expect(deleted.status).toBe(204)
    expect(await t.objectExists(media.key)).toBe(false)
    expect((await t.call('innlandet', 'GET', `/innlandet/media/${media.id}`)).status).toBe(404)
  })

  it('refuses a use of an image without alt text, of an unfinished upload and of an unknown file, writing nothing', async () => {
    const undescribed = await t.readyMedia('innlandet', { kind: 'image', filename: 'uten-alt.png', contentType: 'image/png', bytes: png(6, 6) })
    const pending = await t.requestUpload('innlandet', { kind: 'image', filename: 'halvveis.png', contentType: 'image/png', size: 100 })
    const item = ulid()
    expect(await saveItem(item, {}, { image: { src: undescribed.path } })).toEqual({
      error: "The image 'uten-alt.png' has no alt text. Describe it in the media library, then save again.",
    })
    expect(await saveItem(item, {}, { body: [{ src: `/media/${pending.key}` }] })).toEqual({
      error: "The file 'halvveis.png' has not finished uploading. Finish the upload, then save again.",
    })
    const unknown = `/media/tenants/innlandet/media/${ulid()}/borte.png`
    expect((await saveItem(item, {}, { image: { src: unknown } })).error).toMatch(/^Media \w{26} is not in the media library\./)
    expect(await t.services.db.get({ PK: 'TENANT#innlandet', SK: `ITEM#${item}` })).toBeUndefined()
    expect((await get(undescribed.id)).usedBy).toEqual([])
  })

  it('refuses new uses once a delete has begun', async () => {
    const media = await describedImage('slettes.png')
    await createMediaStore(t.services.db).beginDelete('innlandet', media.id)
    expect(await saveItem(ulid(), {}, { image: { src: media.path } })).toEqual({
      error: "The file 'slettes.png' is being deleted. Choose another file.",
    })
    expect((await t.call('innlandet', 'DELETE', `/innlandet/media/${media.id}`)).status).toBe(204)
  })

  it('deletes an upload that never finished', async () => {
    const pending = await t.requestUpload('innlandet', { kind: 'document', filename: 'utkast.pdf', contentType: 'application/pdf', size: 100 })
    expect((await get(pending.mediaId)) as Media).toMatchObject({ status: 'pending' })
    expect((await t.call('innlandet', 'DELETE', `/innlandet/media/${pending.mediaId}`)).status).toBe(204)
    expect((await t.complete('innlandet', pending.mediaId)).status).toBe(404)
  })
})

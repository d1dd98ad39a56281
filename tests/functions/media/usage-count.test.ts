import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import { objectKey, publicPath } from '../../../functions/media/keys.ts'
import type { ListedMedia, MediaRecord } from '../../../functions/media/schema.ts'
import { createMediaStore } from '../../../functions/media/store.ts'
import { mediaPathsIn, usageWrites } from '../../../functions/media/usage.ts'
import { createMediaTestApp, type MediaTestApp } from './support.ts'

type Listing = { items: ListedMedia[]; nextCursor: string | null; truncated: boolean; useCountsComplete: boolean }

/**
 * How many items use each file, in the library's listing (issue 17), on DynamoDB Local: counted from the tenant's use
 * records in one Query per listing, and the «I bruk» / «Ikke i bruk» filter. Files are written straight through the
 * store (ready and described, so items may use them); items are saved as the content save transaction does it.
 */
describe('media library: use counts and the usage filter', () => {
  let t: MediaTestApp
  const files: Record<string, MediaRecord> = {}
  const start = Date.UTC(2026, 10, 2)
  let next = 0

  const add = async (tenant: string, name: string, filename: string, fields: Partial<MediaRecord> = {}) => {
    const id = ulid(start + next++ * 1000)
    const key = objectKey(tenant, id, filename)
    const at = new Date(start).toISOString()
    const record: MediaRecord = { id, tenant, kind: 'image', status: 'ready', key, path: publicPath(key), filename, alt: 'Et bilde.', contentType: 'image/png', bytes: 1000, createdAt: at, createdBy: `${tenant}@example.no`, updatedAt: at, ...fields }
    await createMediaStore(t.services.db).create(record)
    files[name] = record
  }

  /** An item save with its use writes in one transaction, as the content capability does it. */
  const save = (tenant: string, itemId: string, before: string[], after: string[]) =>
    t.services.db.transact([
      { Put: { Item: { PK: `TENANT#${tenant}`, SK: `ITEM#${itemId}`, fields: after } } },
      ...usageWrites(tenant, itemId, mediaPathsIn(before.map((name) => files[name]!.path)), mediaPathsIn(after.map((name) => files[name]!.path))),
    ])

  const list = async (query = '', who: 'innlandet' | 'vestfold' = 'innlandet', tenant: string = who) => {
    const response = await t.call(who, 'GET', `/${tenant}/media${query}`)
    expect(response.status).toBe(200)
    return (await response.json()) as Listing
  }
  const nameOf = (id: string) => Object.entries(files).find(([, file]) => file.id === id)?.[0]
  const counts = (listing: Listing) => Object.fromEntries(listing.items.map((item) => [nameOf(item.id), item.useCount]))
  const names = (listing: Listing) => listing.items.map((item) => nameOf(item.id))

  const [article, course, podcast] = [ulid(), ulid(), ulid()]
  beforeAll(async () => {
    t = await createMediaTestApp('media-use-counts')
    await add('innlandet', 'logo', 'logo.png')
    await add('innlandet', 'hand', 'Håndhygiene.jpg')
    await add('innlandet', 'old', 'gammelt-kart.png')
    await add('innlandet', 'clip', 'episode.mp3', { kind: 'audio', contentType: 'audio/mpeg', alt: undefined })
    await add('vestfold', 'theirs', 'logo.png')
    await save('innlandet', article, [], ['logo', 'hand'])
    await save('innlandet', course, [], ['logo'])
    // The course's lessons use the logo too, under their own user (courses/keys.ts lessonsUser): still one item.
    await save('innlandet', `${course}-leksjoner`, [], ['logo'])
    await save('vestfold', podcast, [], ['theirs'])
  })

  it('counts the items that use each file, and follows saves that add or drop one', async () => {
    const before = await list()
    expect(counts(before)).toEqual({ logo: 2, hand: 1, old: 0, clip: 0 })
    expect(before.useCountsComplete).toBe(true)

    await save('innlandet', podcast, [], ['clip', 'old'])
    await save('innlandet', article, ['logo', 'hand'], ['hand'])
    expect(counts(await list())).toEqual({ logo: 1, hand: 1, old: 1, clip: 1 })

    await save('innlandet', podcast, ['clip', 'old'], ['clip'])
    expect(counts(await list('?sort=name'))).toEqual({ logo: 1, hand: 1, old: 0, clip: 1 })
  })

  it('filters to files in use or unused, combined with search, kind and every order', async () => {
    expect(names(await list('?usage=unused'))).toEqual(['old'])
    expect(names(await list('?usage=used'))).toEqual(['clip', 'hand', 'logo'])
    expect(names(await list('?usage=used&kind=image&sort=name'))).toEqual(['hand', 'logo'])
    expect(names(await list('?usage=used&sort=size&q=logo'))).toEqual(['logo'])
    expect(names(await list('?usage=unused&status=ready&sort=oldest'))).toEqual(['old'])
    expect(names(await list('?usage=unused&kind=audio'))).toEqual([])
    // Paged one at a time, each used file once.
    const seen: Array<string | undefined> = []
    let cursor: string | null = null
    do {
      const page: Listing = await list(`?usage=used&limit=1${cursor ? `&cursor=${cursor}` : ''}`)
      seen.push(...names(page))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(['clip', 'hand', 'logo'])
  })

  it('refuses an unknown usage value with a 400 in English and a code', async () => {
    for (const query of ['?usage=ubrukt', '?usage=', '?usage=USED']) {
      const response = await t.call('innlandet', 'GET', `/innlandet/media${query}`)
      expect(response.status).toBe(400)
      const body = (await response.json()) as { error: string; code: string }
      expect(body.code).toBe('bad_request')
      expect(body.error).toContain('usage: Give usage as used')
    }
  })

  it("counts only the edition's own uses, and never shows another edition's library", async () => {
    expect(counts(await list('', 'vestfold'))).toEqual({ theirs: 1 })
    expect(names(await list('?usage=used&q=logo'))).toEqual(['logo'])
    expect((await t.call('innlandet', 'GET', '/vestfold/media?usage=unused')).status).toBe(403)
    expect((await t.call('innlandet', 'GET', `/innlandet/media/${files.theirs!.id}`)).status).toBe(404)
  })

  it('costs one Query for all the counts, not a read per file, whatever the filter', async () => {
    await list() // the editor roster is read once per instance, then cached
    for (const query of ['', '?usage=unused', '?sort=name&usage=used']) {
      const operations: string[] = []
      const stop = t.services.clients.onDynamoRequest((operation) => operations.push(operation))
      const response = await t.call('innlandet', 'GET', `/innlandet/media${query}`)
      stop()
      expect(response.status).toBe(200)
      // One Query for the uses, one for the records (4 files, one page).
      expect(operations).toEqual(['Query', 'Query'])
    }
  })
})

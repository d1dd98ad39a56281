import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import { objectKey, publicPath } from '../../../functions/media/keys.ts'
import { fold, matcher } from '../../../functions/media/library.ts'
import type { Media, MediaRecord } from '../../../functions/media/schema.ts'
import { createMediaStore } from '../../../functions/media/store.ts'
import { createMediaTestApp, type MediaTestApp } from './support.ts'

type Listing = { items: Media[]; nextCursor: string | null; truncated: boolean }

describe('media library: search folds case and Norwegian letters', () => {
  it.each([
    ['hand', 'Håndhygiene.jpg', true],
    ['HÅND', 'håndhygiene.jpg', true],
    ['sor fron', 'Kart over Sør-Fron.png', true],
    ['hygiene hånd', 'Håndhygiene på sykehjem.jpg', true],
    ['kafe', 'Kafé.png', true],
    ['baer', 'Bær.png', true],
    ['hund', 'Håndhygiene.jpg', false],
  ])('%s in %s: %s', (q, filename, found) => {
    const record = { filename, kind: 'image', status: 'ready' } as MediaRecord
    expect(matcher({ q })!(record)).toBe(found)
  })
  it('reads nothing more when nothing is filtered', () => {
    expect(matcher({ q: '  ' })).toBeUndefined()
    expect(fold('Ærlig Øl')).toBe('aerlig ol')
  })
})

/**
 * The library's listing as the workspace asks for it, on DynamoDB Local: records are written straight through the
 * store (their bytes do not matter here), with ids a second apart so "newest" is certain.
 */
describe('media library: GET …/media searches, filters, sorts and pages', () => {
  let t: MediaTestApp
  const files: Record<string, MediaRecord> = {}
  const start = Date.UTC(2026, 10, 1)
  let next = 0

  const add = async (tenant: string, name: string, fields: Partial<MediaRecord> & Pick<MediaRecord, 'filename'>) => {
    const id = ulid(start + next++ * 1000)
    const key = objectKey(tenant, id, fields.filename)
    const record: MediaRecord = {
      id,
      tenant,
      kind: 'image',
      status: 'ready',
      key,
      path: publicPath(key),
      contentType: 'image/png',
      bytes: 1000,
      createdAt: new Date(start).toISOString(),
      createdBy: 'innlandet@example.no',
      updatedAt: new Date(start).toISOString(),
      ...fields,
    }
    await createMediaStore(t.services.db).create(record)
    files[name] = record
  }

  beforeAll(async () => {
    t = await createMediaTestApp('media-library')
    await add('innlandet', 'hand', { filename: 'Håndhygiene.jpg', contentType: 'image/jpeg', bytes: 80_000, alt: 'Sykepleier vasker hendene' })
    await add('innlandet', 'podcast', { filename: 'episode-12.mp3', kind: 'audio', contentType: 'audio/mpeg', bytes: 9_000_000, title: 'Demens i hverdagen' })
    await add('innlandet', 'pending', { filename: 'ny-film.mp4', kind: 'video', contentType: 'video/mp4', status: 'pending', bytes: 50_000_000 })
    await add('innlandet', 'refused', { filename: 'feil.png', status: 'refused', problem: 'Not a PNG.', reason: 'wrong_content', bytes: 10 })
    await add('innlandet', 'captions', { filename: 'episode-12.vtt', kind: 'captions', contentType: 'text/vtt', bytes: 2_000 })
    await add('innlandet', 'alt', { filename: 'IMG_0042.png', alt: 'Hånd som holder en sprøyte', bytes: 200_000 })
    await add('innlandet', 'processing', { filename: 'kurs.zip', kind: 'scorm', contentType: 'application/zip', status: 'processing', bytes: 3_000_000 })
    // Another edition's file that matches every search above: it must never show.
    await add('vestfold', 'theirs', { filename: 'Håndhygiene i Vestfold.jpg', alt: 'Hånd', bytes: 99_999_999 })
  })

  const list = async (query: string, who: 'innlandet' | 'vestfold' = 'innlandet', tenant = 'innlandet') => {
    const response = await t.call(who, 'GET', `/${tenant}/media${query}`)
    expect(response.status).toBe(200)
    return (await response.json()) as Listing
  }
  const names = (listing: Listing) => listing.items.map((item) => Object.entries(files).find(([, file]) => file.id === item.id)?.[0])

  it('searches file name, title and alt text, whatever the case or the æ/ø/å', async () => {
    expect(names(await list('?q=hand'))).toEqual(['alt', 'hand'])
    expect(names(await list('?q=DEMENS'))).toEqual(['podcast'])
    expect(names(await list('?q=episode-12'))).toEqual(['captions', 'podcast'])
    expect(names(await list('?q=spr%C3%B8yte'))).toEqual(['alt'])
    expect(names(await list('?q=finnes-ikke'))).toEqual([])
  })

  it('filters by kind and status, with pending and processing as one "not yet"', async () => {
    expect(names(await list('?kind=image'))).toEqual(['alt', 'refused', 'hand'])
    expect(names(await list('?status=ready'))).toEqual(['alt', 'captions', 'podcast', 'hand'])
    expect(names(await list('?status=processing'))).toEqual(['processing', 'pending'])
    expect(names(await list('?status=refused'))).toEqual(['refused'])
    expect(names(await list('?kind=image&status=ready&q=hand'))).toEqual(['alt', 'hand'])
  })

  it('sorts newest, oldest, by name (A–Å, title before file name) and by size (largest first)', async () => {
    expect(names(await list(''))).toEqual(['processing', 'alt', 'captions', 'refused', 'pending', 'podcast', 'hand'])
    expect(names(await list('?sort=oldest'))).toEqual(['hand', 'podcast', 'pending', 'refused', 'captions', 'alt', 'processing'])
    // "Demens i hverdagen" is the podcast's title, and what it is sorted by.
    expect(names(await list('?sort=name'))).toEqual(['podcast', 'captions', 'refused', 'hand', 'alt', 'processing', 'pending'])
    expect(names(await list('?sort=size'))).toEqual(['pending', 'podcast', 'processing', 'alt', 'hand', 'captions', 'refused'])
    expect((await list('?sort=size')).truncated).toBe(false)
  })

  it.each(['newest', 'oldest', 'name', 'size'])('pages a filtered listing sorted by %s with a cursor, each file once', async (sort) => {
    const whole = names(await list(`?sort=${sort}&kind=image`))
    const seen: Array<string | undefined> = []
    let cursor: string | null = null
    do {
      const page: Listing = await list(`?sort=${sort}&kind=image&limit=1${cursor ? `&cursor=${cursor}` : ''}`)
      expect(page.items.length).toBeLessThanOrEqual(1)
      seen.push(...names(page))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(whole)
    expect(whole).toHaveLength(3)
  })

  it("refuses a cursor from another order or another edition's listing", async () => {
    const byName = await list('?sort=name&limit=1')
    const byDate = await list('?limit=1')
    for (const query of [`?sort=newest&cursor=${byName.nextCursor}`, `?sort=size&cursor=${byName.nextCursor}`, `?sort=name&cursor=${byDate.nextCursor}`]) {
      const response = await t.call('innlandet', 'GET', `/innlandet/media${query}`)
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ code: 'invalid_cursor' })
    }
    const forged = Buffer.from(JSON.stringify({ PK: 'TENANT#vestfold', SK: `MEDIA#${files.theirs!.id}` })).toString('base64url')
    expect((await t.call('innlandet', 'GET', `/innlandet/media?cursor=${forged}`)).status).toBe(400)
  })

  it('refuses a wrong sort, status or an overlong search with a 400 naming the field', async () => {
    for (const [query, field] of [['?sort=largest', 'sort'], ['?status=klar', 'status'], [`?q=${'a'.repeat(101)}`, 'q']] as const) {
      const response = await t.call('innlandet', 'GET', `/innlandet/media${query}`)
      expect(response.status).toBe(400)
      expect(((await response.json()) as { error: string }).error).toContain(` ${field}: `)
    }
  })

  it("never lists or deletes another edition's files: 403 on its library, 404 through one's own", async () => {
    expect(names(await list('?q=vestfold'))).toEqual([])
    expect(names(await list('?q=hand&sort=size'))).not.toContain('theirs')
    expect((await t.call('innlandet', 'GET', '/vestfold/media?q=hand')).status).toBe(403)
    expect((await t.call('innlandet', 'DELETE', `/vestfold/media/${files.theirs!.id}`)).status).toBe(403)
    expect((await t.call('innlandet', 'DELETE', `/innlandet/media/${files.theirs!.id}`)).status).toBe(404)
    expect(names(await list('', 'vestfold', 'vestfold'))).toEqual(['theirs'])
  })
})

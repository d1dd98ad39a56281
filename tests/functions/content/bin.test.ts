import { beforeAll, describe, expect, it } from 'vitest'
import * as courseKeys from '../../../functions/courses/keys.ts'
import * as keys from '../../../functions/content/keys.ts'
import type { StoredItem } from '../../../functions/content/store.ts'
import { contentTable } from '../../../infra/definitions.ts'
import { createEditorEnvironment } from '../../support/editors.ts'
import { testCourse, threeLessons } from '../../support/courses.ts'
import { publishNew, testArticle } from '../../support/fixtures.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>
type BinEntry = { id: string; title: string; version: number; binnedAt: string; binnedBy: string | null; deletesAt: string }

const DAY = 24 * 3600
const TTL = contentTable.timeToLiveAttribute!

describe('the bin: deleting, restoring and deleting for good', () => {
  let env: Env
  const base = '/api/editor/tenants/akershus'
  const as = (method: string, path: string, body?: unknown, token = env.tokens.akershus) => env.call(method, `${base}${path}`, token, body)
  const raw = (sk: string) => env.services.db.get<Record<string, unknown>>({ PK: keys.tenantPk('akershus'), SK: sk }, { consistent: true })
  const draft = (slug: string) => env.services.content.create(testArticle('akershus', slug))
  const fieldsOf = ({ id, tenant, ...rest }: ReturnType<typeof testArticle>) => rest
  const binned = async () => ((await (await as('GET', '/bin')).json()) as { items: BinEntry[] }).items
  beforeAll(async () => {
    env = await createEditorEnvironment('content-bin')
  })

  it('moves a draft to the bin with its slug claim and revisions, all given the same TTL 30 days out', async () => {
    const item = await draft('til-papirkurven')
    const saved = await env.services.content.save('akershus', item.id, 1, { ...item, title: 'Lagret igjen' })
    const response = await as('POST', `/items/${item.id}/delete`, { version: saved.version })
    expect(response.status).toBe(200)
    const entry = (await response.json()) as BinEntry
    expect(entry).toMatchObject({ id: item.id, title: 'Lagret igjen', binnedBy: 'akershus@example.no', version: 3 })

    const expiresAt = Math.floor(Date.parse(entry.binnedAt) / 1000) + 30 * DAY
    expect(entry.deletesAt).toBe(new Date(expiresAt * 1000).toISOString())
    expect(await raw(keys.itemSk(item.id))).toBeUndefined()
    expect(await raw(keys.binSk(item.id))).toMatchObject({ [TTL]: expiresAt, status: 'draft', title: 'Lagret igjen' })
    expect(await raw(keys.slugSk('artikler', 'til-papirkurven'))).toMatchObject({ itemId: item.id, [TTL]: expiresAt })
    for (const revision of [1, 2]) expect(await raw(keys.revisionSk(item.id, revision))).toMatchObject({ [TTL]: expiresAt })

    // Gone from the workspace's lists and the item routes; listed in the bin.
    const listed = (await (await as('GET', '/items?limit=100')).json()) as { items: StoredItem[] }
    expect(listed.items.map((listedItem) => listedItem.id)).not.toContain(item.id)
    expect((await as('GET', `/items/${item.id}`)).status).toBe(404)
    expect((await binned()).map((binnedItem) => binnedItem.id)).toContain(item.id)
    // Its slug stays reserved while it waits there.
    const taken = await as('POST', '/items', fieldsOf(testArticle('akershus', 'til-papirkurven')))
    expect(taken.status).toBe(409)
    expect(await taken.json()).toMatchObject({ code: 'slug_taken' })
  })

  it('refuses a published item (unpublish first) and takes an unpublished one, which stays off the site', async () => {
    const published = await publishNew(env.services, testArticle('akershus', 'publisert-sak'))
    const refused = await as('POST', `/items/${published.id}/delete`, { version: published.version })
    expect(refused.status).toBe(409)
    expect(await refused.json()).toMatchObject({ code: 'item_published', error: expect.stringMatching(/Unpublish it first/) })
    expect(await raw(keys.itemSk(published.id))).toMatchObject({ status: 'published' })

    const unpublished = await env.services.content.withdraw('akershus', published.id, published.version)
    expect((await as('POST', `/items/${published.id}/delete`, { version: unpublished.version })).status).toBe(200)
    // The address still answers as withdrawn (410), never with the binned item.
    expect(await raw(keys.publishedSk('artikler', 'publisert-sak'))).toMatchObject({ gone: true })
    expect(await env.services.content.getPublished('akershus', 'artikler', 'publisert-sak')).toBeUndefined()
  })

  it('restores an item as a draft with its slug and history, TTLs taken off', async () => {
    const archivedItem = await publishNew(env.services, testArticle('akershus', 'gjenopprettes'))
    const archived = await env.services.content.withdraw('akershus', archivedItem.id, archivedItem.version, 'archived')
    const entry = (await (await as('POST', `/items/${archived.id}/delete`, { version: archived.version })).json()) as BinEntry
    const response = await as('POST', `/bin/${archived.id}/restore`, { version: entry.version })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ id: archived.id, status: 'draft', slug: 'gjenopprettes', version: entry.version + 1 })
    expect(await raw(keys.binSk(archived.id))).toBeUndefined()
    expect((await raw(keys.itemSk(archived.id)))?.[TTL]).toBeUndefined()
    expect(await raw(keys.slugSk('artikler', 'gjenopprettes'))).not.toHaveProperty(TTL)
    expect(await raw(keys.revisionSk(archived.id, 1))).not.toHaveProperty(TTL)
    // Back in the lists and editable.
    expect((await as('PUT', `/items/${archived.id}`, { version: entry.version + 1, fields: fieldsOf(testArticle('akershus', 'gjenopprettes')) })).status).toBe(200)
    expect((await binned()).map((binnedItem) => binnedItem.id)).not.toContain(archived.id)
  })

  it('deletes for good: the item, its slug claim and revisions go, and the slug is free again', async () => {
    const item = await draft('slettes-for-godt')
    const entry = (await (await as('POST', `/items/${item.id}/delete`, { version: 1 })).json()) as BinEntry
    expect((await as('POST', `/bin/${item.id}/purge`, { version: entry.version + 1 })).status).toBe(409)
    expect((await as('POST', `/bin/${item.id}/purge`, { version: entry.version })).status).toBe(204)
    for (const sk of [keys.binSk(item.id), keys.itemSk(item.id), keys.slugSk('artikler', 'slettes-for-godt'), keys.revisionSk(item.id, 1)]) expect(await raw(sk)).toBeUndefined()
    expect((await as('POST', `/bin/${item.id}/restore`, { version: entry.version })).status).toBe(404)
    expect((await as('POST', '/items', fieldsOf(testArticle('akershus', 'slettes-for-godt')))).status).toBe(201)
  })

  it('an editor saving while another deletes: exactly one wins, the other gets 409 and nothing is half-written', async () => {
    const item = await draft('kapplop')
    const body = { version: 1, fields: fieldsOf(testArticle('akershus', 'kapplop', { title: 'Ny tittel' })) }
    const [save, remove] = await Promise.all([as('PUT', `/items/${item.id}`, body), as('POST', `/items/${item.id}/delete`, { version: 1 })])
    expect([save.status, remove.status].sort()).toEqual([200, 409])
    const inList = await raw(keys.itemSk(item.id))
    const inBin = await raw(keys.binSk(item.id))
    expect(Boolean(inList) !== Boolean(inBin)).toBe(true)
    if (save.status === 200) expect(await remove.json()).toMatchObject({ code: 'stale_version' })
    else expect(await save.json()).toMatchObject({ code: 'item_binned' })

    // In order: a delete, then a save from the version the editor opened, says the item is in the bin.
    const second = await draft('etter-sletting')
    await as('POST', `/items/${second.id}/delete`, { version: 1 })
    const late = await as('PUT', `/items/${second.id}`, { version: 1, fields: fieldsOf(testArticle('akershus', 'etter-sletting')) })
    expect(late.status).toBe(409)
    expect(await late.json()).toMatchObject({ code: 'item_binned' })
    // And a restore racing a purge: one of them; the other finds it gone from the bin (404) or changed (409).
    const entry = (await binned()).find((binnedItem) => binnedItem.id === second.id)!
    const outcomes = await Promise.all([as('POST', `/bin/${second.id}/restore`, { version: entry.version }), as('POST', `/bin/${second.id}/purge`, { version: entry.version })])
    const statuses = outcomes.map((outcome) => outcome.status)
    expect(statuses.filter((status) => status === 200 || status === 204)).toHaveLength(1)
    expect(statuses.filter((status) => status === 404 || status === 409)).toHaveLength(1)
    expect(Boolean(await raw(keys.itemSk(second.id))) && Boolean(await raw(keys.binSk(second.id)))).toBe(false)
  })

  it('gives a course’s outline and lessons the item’s TTL, and deletes them with it', async () => {
    const course = await env.services.content.create(testCourse('akershus', 'kurs-i-kurven'))
    expect((await as('PUT', `/items/${course.id}/lessons`, threeLessons())).status).toBe(200)
    const entry = (await (await as('POST', `/items/${course.id}/delete`, { version: course.version })).json()) as BinEntry
    const expiresAt = Math.floor(Date.parse(entry.binnedAt) / 1000) + 30 * DAY
    expect(await raw(courseKeys.outlineSk(course.id))).toMatchObject({ [TTL]: expiresAt })
    for (const n of [1, 2, 3]) expect(await raw(courseKeys.lessonSk(course.id, n))).toMatchObject({ [TTL]: expiresAt })
    expect((await as('POST', `/bin/${course.id}/purge`, { version: entry.version })).status).toBe(204)
    expect(await raw(courseKeys.outlineSk(course.id))).toBeUndefined()
    for (const n of [1, 2, 3]) expect(await raw(courseKeys.lessonSk(course.id, n))).toBeUndefined()
  })

  it('a lessons save racing the delete of its course never leaves a lesson without the bin’s TTL', async () => {
    for (let round = 0; round < 5; round++) {
      const course = await env.services.content.create(testCourse('akershus', `kappløp-kurs-${round}`.replace('ø', 'o')))
      expect((await as('PUT', `/items/${course.id}/lessons`, threeLessons())).status).toBe(200)
      const four = threeLessons(1)
      four.modules[1]!.lessons.push({ ...four.modules[1]!.lessons[0]!, title: 'Fjerde leksjon' })
      const [save, remove] = await Promise.all([as('PUT', `/items/${course.id}/lessons`, four), as('POST', `/items/${course.id}/delete`, { version: course.version })])
      expect(remove.status).toBe(200)
      // The save either came first (and the delete read its lessons again) or was refused.
      expect([200, 404, 409]).toContain(save.status)
      const lessons = await env.services.db.query<Record<string, unknown>>({ partitionKey: { name: 'PK', value: keys.tenantPk('akershus') }, sortKeyPrefix: { name: 'SK', value: courseKeys.lessonPrefix(course.id) }, limit: 10, consistent: true })
      expect(lessons.items.length).toBe(save.status === 200 ? 4 : 3)
      for (const lesson of lessons.items) expect([save.status, lesson.SK, lesson[TTL]]).toEqual([save.status, lesson.SK, expect.any(Number)])
      expect(await raw(courseKeys.outlineSk(course.id))).toHaveProperty(TTL)
    }
  })

  it('reaches every revision of a long-edited item, past what one transaction holds', async () => {
    let item = await draft('mange-versjoner')
    for (let n = 0; n < 110; n++) item = await env.services.content.save('akershus', item.id, item.version, { ...item, title: `Versjon ${n}` })
    const entry = (await (await as('POST', `/items/${item.id}/delete`, { version: item.version })).json()) as BinEntry
    const expiresAt = Math.floor(Date.parse(entry.binnedAt) / 1000) + 30 * DAY
    for (const revision of [1, 50, 111]) expect(await raw(keys.revisionSk(item.id, revision))).toMatchObject({ [TTL]: expiresAt })
    expect((await as('POST', `/bin/${item.id}/restore`, { version: entry.version })).status).toBe(200)
    for (const revision of [1, 111]) expect(await raw(keys.revisionSk(item.id, revision))).not.toHaveProperty(TTL)
  }, 60_000)

  it('lets another edition’s editor neither see nor change this edition’s bin', async () => {
    const item = await draft('andres-papirkurv')
    const entry = (await (await as('POST', `/items/${item.id}/delete`, { version: 1 })).json()) as BinEntry
    const innlandet = env.tokens.innlandet
    // Through this edition's path: refused by the tenant guard.
    expect((await as('GET', '/bin', undefined, innlandet)).status).toBe(403)
    expect((await as('POST', `/bin/${item.id}/restore`, { version: entry.version }, innlandet)).status).toBe(403)
    expect((await as('POST', `/bin/${item.id}/purge`, { version: entry.version }, innlandet)).status).toBe(403)
    expect((await as('POST', `/items/${item.id}/delete`, { version: 1 }, innlandet)).status).toBe(403)
    // Through their own: the id is not theirs.
    const own = (method: string, path: string, body?: unknown) => env.call(method, `/api/editor/tenants/innlandet${path}`, innlandet, body)
    expect((await own('POST', `/bin/${item.id}/restore`, { version: entry.version })).status).toBe(404)
    expect((await own('POST', `/bin/${item.id}/purge`, { version: entry.version })).status).toBe(404)
    const other = await env.services.content.create(testArticle('akershus', 'andres-utkast'))
    expect((await own('POST', `/items/${other.id}/delete`, { version: 1 })).status).toBe(404)
    expect(((await (await own('GET', '/bin')).json()) as { items: BinEntry[] }).items.map((binnedItem) => binnedItem.id)).not.toContain(item.id)
    expect(await raw(keys.binSk(item.id))).toBeDefined()
  })
})

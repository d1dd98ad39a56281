import { beforeAll, describe, expect, it } from 'vitest'
import * as keys from '../../../functions/content/keys.ts'
import type { StoredItem } from '../../../functions/content/store.ts'
import { createEditorEnvironment } from '../../support/editors.ts'
import { testCourse, threeLessons } from '../../support/courses.ts'
import { publishNew, testArticle } from '../../support/fixtures.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>

describe('copying an item ("Lag kopi")', () => {
  let env: Env
  const as = (method: string, path: string, body?: unknown, token = env.tokens.akershus) => env.call(method, `/api/editor/tenants/akershus${path}`, token, body)
  const raw = (sk: string) => env.services.db.get<Record<string, unknown>>({ PK: keys.tenantPk('akershus'), SK: sk }, { consistent: true })
  const copy = async (id: string) => {
    const response = await as('POST', `/items/${id}/duplicate`)
    expect(response.status).toBe(201)
    return (await response.json()) as StoredItem
  }
  beforeAll(async () => {
    env = await createEditorEnvironment('content-duplicate')
  })

  it('makes a new draft with the same fields, "Kopi av …" and a free address from the original’s', async () => {
    const original = await env.services.content.create(testArticle('akershus', 'rutiner', { title: 'Rutiner for legemidler', audiences: ['kommune', 'sykehus'] }))
    const first = await copy(original.id)
    expect(first).toMatchObject({ tenant: 'akershus', title: 'Kopi av Rutiner for legemidler', slug: 'kopi-av-rutiner', status: 'draft', version: 1, savedBy: 'akershus@example.no' })
    expect(first.id).not.toBe(original.id)
    expect(first.body).toEqual(original.body)
    expect(first.audiences).toEqual(['kommune', 'sykehus'])
    // The address is claimed for the copy, in the create's own transaction, with its first revision.
    expect(await raw(keys.slugSk('artikler', 'kopi-av-rutiner'))).toMatchObject({ itemId: first.id })
    expect(await raw(keys.revisionSk(first.id, 1))).toMatchObject({ title: 'Kopi av Rutiner for legemidler' })
    // A second copy takes the next free address; the original is untouched.
    expect((await copy(original.id)).slug).toBe('kopi-av-rutiner-2')
    expect(await env.services.content.getItem('akershus', original.id)).toMatchObject({ version: 1, slug: 'rutiner' })
  })

  it('carries nothing of the original’s life: publish state, schedule, featuring, followers', async () => {
    const published = await publishNew(env.services, testArticle('akershus', 'fremhevet', { sharedNationally: true }))
    const scheduled = await env.services.content.schedule('akershus', published.id, published.version, { unpublishAt: '2099-01-01T00:00:00.000Z' })
    const featured = await env.services.content.setFeatured('akershus', 'akershus', published.id, true, scheduled.version)
    await env.services.content.follow('innlandet', 'akershus', published.id)
    const made = await copy(featured.id)
    expect(made.status).toBe('draft')
    for (const field of ['publishedAt', 'publishedPath', 'publishedEntries', 'publishedFacets', 'featuredIn', 'scheduledUnpublishAt', 'scheduledPublishAt', 'followedBy'])
      expect(made).not.toHaveProperty(field)
    expect(await raw(keys.followersSk(made.id))).toBeUndefined()
    expect(await env.services.content.getPublished('akershus', 'artikler', made.slug)).toBeUndefined()
  })

  it('skips an address someone else claims, and never leaves a half-claimed one', async () => {
    const original = await env.services.content.create(testArticle('akershus', 'opptatt'))
    const squatter = await env.services.content.create(testArticle('akershus', 'kopi-av-opptatt'))
    const made = await copy(original.id)
    expect(made.slug).toBe('kopi-av-opptatt-2')
    expect(await raw(keys.slugSk('artikler', 'kopi-av-opptatt'))).toMatchObject({ itemId: squatter.id })
    // Two copies at once: two items, two addresses, each claimed by its own item.
    const [one, two] = await Promise.all([copy(original.id), copy(original.id)])
    expect(new Set([one.slug, two.slug]).size).toBe(2)
    for (const item of [one, two]) expect(await raw(keys.slugSk('artikler', item.slug))).toMatchObject({ itemId: item.id })
  })

  it('refuses a course with lessons (409 copy_unsupported) and copies one without', async () => {
    const built = await env.services.content.create(testCourse('akershus', 'kurs-med-leksjoner'))
    expect((await as('PUT', `/items/${built.id}/lessons`, threeLessons())).status).toBe(200)
    const refused = await as('POST', `/items/${built.id}/duplicate`)
    expect(refused.status).toBe(409)
    expect(await refused.json()).toMatchObject({ code: 'copy_unsupported' })
    const bare = await env.services.content.create(testCourse('akershus', 'kurs-uten-leksjoner'))
    expect((await copy(bare.id)).type).toBe('e-kurs')
  })

  it('answers 409 item_binned for an item in the bin', async () => {
    const item = await env.services.content.create(testArticle('akershus', 'i-papirkurven'))
    await as('POST', `/items/${item.id}/delete`, { version: 1 })
    const refused = await as('POST', `/items/${item.id}/duplicate`)
    expect(refused.status).toBe(409)
    expect(await refused.json()).toMatchObject({ code: 'item_binned' })
  })

  it('lets another edition’s editor copy nothing of this edition’s', async () => {
    const item = await env.services.content.create(testArticle('akershus', 'ikke-din'))
    expect((await as('POST', `/items/${item.id}/duplicate`, undefined, env.tokens.innlandet)).status).toBe(403)
    expect((await env.call('POST', `/api/editor/tenants/innlandet/items/${item.id}/duplicate`, env.tokens.innlandet)).status).toBe(404)
    const theirs = (await (await env.call('GET', '/api/editor/tenants/innlandet/items?limit=100', env.tokens.innlandet)).json()) as { items: StoredItem[] }
    expect(theirs.items.some((listed) => listed.slug.includes('ikke-din'))).toBe(false)
  })
})

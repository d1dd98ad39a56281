import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../functions/media/import.ts'
import { encodePng } from '../../../infra/local/seed/png.ts'
import type { StoredItem } from '../../../functions/content/store.ts'
import { createEditorEnvironment } from '../../support/editors.ts'
import { testArticle } from '../../support/fixtures.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>

const articleInput = (slug: string, overrides: Record<string, unknown> = {}) => {
  const { id, tenant, ...fields } = testArticle('x', slug)
  return { ...fields, ...overrides }
}

describe('editing content through the API', () => {
  let env: Env
  const as = (method: string, path: string, body?: unknown) => env.call(method, `/api/editor/tenants/vestfold${path}`, env.tokens.admin, body)
  const create = async (slug: string, overrides: Record<string, unknown> = {}) => {
    const response = await as('POST', '/items', articleInput(slug, overrides))
    expect(response.status).toBe(201)
    return (await response.json()) as StoredItem
  }
  beforeAll(async () => {
    env = await createEditorEnvironment('editor-content')
  })

  it('creates a draft that readers cannot see, then publishes it for them', async () => {
    const draft = await create('ny-artikkel', { title: 'Ny artikkel' })
    expect(draft).toMatchObject({ status: 'draft', version: 1, tenant: 'vestfold', savedBy: 'admin@example.no' })
    expect(await env.services.content.getPublished('vestfold', 'artikler', 'ny-artikkel')).toBeUndefined()
    const published = await (await as('POST', `/items/${draft.id}/publish`, { version: 1 })).json()
    expect(published).toMatchObject({ status: 'published', version: 2 })
    const snapshot = await env.services.content.getPublished('vestfold', 'artikler', 'ny-artikkel')
    expect(snapshot).toMatchObject({ title: 'Ny artikkel' })
    // Nothing about the editor reaches readers.
    expect(JSON.stringify(snapshot)).not.toMatch(/admin@example\.no|savedBy|titleSearch|version/)
  })

  it('answers a stale save with 409 and the current version, so nothing is lost', async () => {
    const item = await create('to-redaktorer')
    const first = await as('PUT', `/items/${item.id}`, { version: 1, fields: articleInput('to-redaktorer', { title: 'Første redaktør' }) })
    expect(first.status).toBe(200)
    const second = await as('PUT', `/items/${item.id}`, { version: 1, fields: articleInput('to-redaktorer', { title: 'Andre redaktør' }) })
    expect(second.status).toBe(409)
    const body = (await second.json()) as { error: string; current: StoredItem }
    expect(body.error).toMatch(/changed by someone else \(version 2, you had 1\)/)
    expect(body.current).toMatchObject({ title: 'Første redaktør', version: 2 })
    // The second editor keeps their text by saving on top of the version they were shown.
    const retry = await as('PUT', `/items/${item.id}`, { version: 2, fields: articleInput('to-redaktorer', { title: 'Andre redaktør' }) })
    expect(await retry.json()).toMatchObject({ title: 'Andre redaktør', version: 3 })
  })

  it('keeps a revision of every save and restores an old one as a new version', async () => {
    const item = await create('historikk', { title: 'Versjon 1' })
    await as('PUT', `/items/${item.id}`, { version: 1, fields: articleInput('historikk', { title: 'Versjon 2' }) })
    const revisions = (await (await as('GET', `/items/${item.id}/revisions`)).json()) as { items: Array<{ revision: number; title: string; savedBy: string }> }
    expect(revisions.items.map((revision) => [revision.revision, revision.title])).toEqual([
      [2, 'Versjon 2'],
      [1, 'Versjon 1'],
    ])
    const restored = await (await as('POST', `/items/${item.id}/revisions/1/restore`, { version: 2 })).json()
    expect(restored).toMatchObject({ title: 'Versjon 1', version: 3 })
    const after = (await (await as('GET', `/items/${item.id}/revisions`)).json()) as { items: unknown[] }
    expect(after.items).toHaveLength(3)
  })

  it('moves an item to a new slug atomically, and refuses a slug another item holds', async () => {
    await create('opptatt')
    const item = await create('gammel-adresse')
    const taken = await as('PUT', `/items/${item.id}`, { version: 1, fields: articleInput('opptatt') })
    expect(taken.status).toBe(409)
    expect(await taken.json()).toEqual({ error: 'The address /vestfold/artikler/opptatt is already taken. Choose another slug.', code: 'slug_taken' })
    expect(await env.services.content.getItem('vestfold', item.id)).toMatchObject({ slug: 'gammel-adresse', version: 1 })
    const moved = await as('PUT', `/items/${item.id}`, { version: 1, fields: articleInput('ny-adresse') })
    expect(await moved.json()).toMatchObject({ slug: 'ny-adresse', version: 2 })
    // The old address is free again.
    expect((await as('POST', '/items', articleInput('gammel-adresse'))).status).toBe(201)
  })

  it('suggests a free slug from a Norwegian title', async () => {
    await create('legemiddelhandtering-i-kommunen')
    const suggestion = await (await as('GET', '/slug?type=artikler&title=Legemiddelh%C3%A5ndtering%20i%20kommunen')).json()
    expect(suggestion).toEqual({ slug: 'legemiddelhandtering-i-kommunen-2', available: true })
  })

  it('lists working copies by status and finds them by title', async () => {
    await create('sok-etter-meg', { title: 'Smittevern på sykehjem' })
    const found = (await (await as('GET', '/items?q=SMITTEVERN')).json()) as { items: StoredItem[] }
    expect(found.items.map((item) => item.slug)).toEqual(['sok-etter-meg'])
    const drafts = (await (await as('GET', '/items?status=draft&limit=100')).json()) as { items: StoredItem[] }
    expect(drafts.items.every((item) => item.status === 'draft')).toBe(true)
  })

  it('renders a preview of the working copy with the reader page', async () => {
    const item = await create('forhandsvis', { title: 'Bare for redaktøren' })
    const response = await as('GET', `/items/${item.id}/preview`)
    expect(response.headers.get('content-type')).toMatch(/text\/html/)
    expect(response.headers.get('x-robots-tag')).toBe('noindex')
    expect(await response.text()).toContain('<h1>Bare for redaktøren</h1>')
  })

  it('refuses to publish what breaks the universal-design rules, and says what is missing', async () => {
    // A described file in the library; the item's own copy of the alt text is what is missing.
    const image = await importFile(
      { s3: env.services.clients.s3, bucket: env.services.config.mediaBucket, db: env.services.db },
      { tenant: 'vestfold', id: ulid(), filename: 'bilde.png', contentType: 'image/png', body: () => encodePng(2, 2, new Uint8Array(12)), alt: 'Et bilde.', createdBy: 'test' },
    )
    const item = await create('bilde-uten-alt', { image: { src: image.path, alt: ' ' } })
    const response = await as('POST', `/items/${item.id}/publish`, { version: 1 })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: 'Cannot publish yet: The main image needs alt text.',
      code: 'publish_blocked',
      problems: [{ field: 'image.alt', code: 'alt-missing', message: 'The main image needs alt text.' }],
    })
    expect(await env.services.content.getItem('vestfold', item.id)).toMatchObject({ status: 'draft', version: 1 })
  })
})

describe('bad input on the editor routes', () => {
  let env: Env
  let item: StoredItem
  const as = (method: string, path: string, body?: unknown) => env.call(method, `/api/editor/tenants/ostfold${path}`, env.tokens.admin, body)
  beforeAll(async () => {
    env = await createEditorEnvironment('editor-bad-input')
    item = (await (await as('POST', '/items', articleInput('finnes'))).json()) as StoredItem
  })

  it.each([
    ['missing fields', 'POST', '/items', { type: 'artikler' }, 400, /title/],
    ['an unknown type', 'POST', '/items', { ...articleInput('x'), type: 'blogg' }, 400, /type/],
    ['wrong types', 'POST', '/items', { ...articleInput('x'), topics: 'demens' }, 400, /topics/],
    ['a 1 MB title', 'POST', '/items', { ...articleInput('x'), title: 'a'.repeat(1_000_000) }, 413, /larger than 512 KB/],
    ['script in a title', 'POST', '/items', { ...articleInput('x'), title: '<script>alert(1)</script>' }, 400, /HTML tags are not allowed/],
    ['a javascript: link', 'POST', '/items', { ...articleInput('x'), body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'link', href: 'javascript:alert(1)', text: 'klikk' }] }] } }, 400, /Links must start with/],
    ['a style attribute smuggled into rich text', 'POST', '/items', { ...articleInput('x'), body: { type: 'doc', content: [{ type: 'html', html: '<img onerror=alert(1)>' }] } }, 400, /body/],
    ['malformed JSON', 'POST', '/items', '{"title": ', 400, /JSON/i],
    ['a bad slug', 'POST', '/items', { ...articleInput('x'), slug: 'Ikke Gyldig!' }, 400, /slug/],
    ['an unknown id', 'GET', '/items/01HZZZZZZZZZZZZZZZZZZZZZZZ', undefined, 404, /No item/],
    ['a malformed id', 'GET', '/items/abc', undefined, 400, /id/],
    ['a save without a version', 'PUT', '/items/{id}', { fields: articleInput('finnes') }, 400, /version/],
    ['a publish of an unknown id', 'POST', '/items/01HZZZZZZZZZZZZZZZZZZZZZZZ/publish', { version: 1 }, 404, /No item/],
    ['a stale publish', 'POST', '/items/{id}/publish', { version: 99 }, 409, /changed by someone else/],
    ['an unknown revision', 'GET', '/items/{id}/revisions/42', undefined, 404, /no revision 42/],
    ['an unknown status filter', 'GET', '/items?status=slettet', undefined, 400, /status/],
    ['a bad cursor', 'GET', '/items?cursor=abc', undefined, 400, /cursor/],
    ['a slug suggestion without a title', 'GET', '/slug?type=artikler', undefined, 400, /title/],
  ])('answers %s with %i and says what to fix', async (_name, method, path, body, status, message) => {
    const before = await env.services.content.list('ostfold', { limit: 100 })
    const response = await as(method, path.replace('{id}', item.id), body)
    expect(response.status).toBe(status)
    const { error } = (await response.json()) as { error: string }
    expect(error).toMatch(message)
    // Nothing half-written: the tenant's items are exactly as before.
    const after = await env.services.content.list('ostfold', { limit: 100 })
    expect(after.items).toEqual(before.items)
  })
})

import { beforeAll, describe, expect, it } from 'vitest'
import type { StoredItem } from '../../../functions/content/store.ts'
import { createEditorEnvironment } from '../../support/editors.ts'
import { testArticle } from '../../support/fixtures.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>

/** An article body as the workspace sends it (no id or tenant: the server owns those). */
const input = (slug: string) => {
  const { id, tenant, ...fields } = testArticle('x', slug)
  return fields
}

/** Every editor route, with what a successful call needs. `item` is a fresh published item of akershus. */
const routes: Array<{ name: string; method: string; path: (item: StoredItem) => string; body?: (item: StoredItem) => unknown }> = [
  { name: 'list items', method: 'GET', path: () => '/api/editor/tenants/akershus/items' },
  { name: 'create item', method: 'POST', path: () => '/api/editor/tenants/akershus/items', body: () => input(`ny-${Math.random().toString(36).slice(2, 8)}`) },
  { name: 'read item', method: 'GET', path: (item) => `/api/editor/tenants/akershus/items/${item.id}` },
  { name: 'save item', method: 'PUT', path: (item) => `/api/editor/tenants/akershus/items/${item.id}`, body: (item) => ({ version: item.version, fields: { ...input(item.slug), title: 'Endret tittel' } }) },
  { name: 'list revisions', method: 'GET', path: (item) => `/api/editor/tenants/akershus/items/${item.id}/revisions` },
  { name: 'read revision', method: 'GET', path: (item) => `/api/editor/tenants/akershus/items/${item.id}/revisions/1` },
  { name: 'restore revision', method: 'POST', path: (item) => `/api/editor/tenants/akershus/items/${item.id}/revisions/1/restore`, body: (item) => ({ version: item.version }) },
  { name: 'publish', method: 'POST', path: (item) => `/api/editor/tenants/akershus/items/${item.id}/publish`, body: (item) => ({ version: item.version }) },
  { name: 'unpublish', method: 'POST', path: (item) => `/api/editor/tenants/akershus/items/${item.id}/unpublish`, body: (item) => ({ version: item.version }) },
  { name: 'archive', method: 'POST', path: (item) => `/api/editor/tenants/akershus/items/${item.id}/archive`, body: (item) => ({ version: item.version }) },
  { name: 'feature', method: 'POST', path: (item) => `/api/editor/tenants/akershus/items/${item.id}/featured`, body: (item) => ({ version: item.version, featured: true }) },
  { name: 'preview', method: 'GET', path: (item) => `/api/editor/tenants/akershus/items/${item.id}/preview` },
  { name: 'suggest slug', method: 'GET', path: () => '/api/editor/tenants/akershus/slug?type=artikler&title=Ny%20sak' },
  { name: 'schedule', method: 'POST', path: (item) => `/api/editor/tenants/akershus/items/${item.id}/schedule`, body: (item) => ({ version: item.version, unpublishAt: '2099-01-01T09:00:00+01:00' }) },
  { name: 'list shared items', method: 'GET', path: () => '/api/editor/tenants/akershus/shared' },
  // Following: akershus follows a shared vestfold item (its id stands in the item's place, see below).
  { name: 'follow', method: 'POST', path: (item) => `/api/editor/tenants/akershus/follows/vestfold/${item.followedBy?.[0] ?? item.id}` },
  { name: 'unfollow', method: 'DELETE', path: (item) => `/api/editor/tenants/akershus/follows/vestfold/${item.followedBy?.[0] ?? item.id}` },
]

describe('tenant isolation: every editor route × every kind of caller', () => {
  let env: Env
  /** A published akershus item, carrying (in followedBy[0]) the id of a fresh shared vestfold item to follow. */
  const freshItem = async () => {
    const created = await env.services.content.create({ ...testArticle('akershus', `sak-${Math.random().toString(36).slice(2, 10)}`) })
    const published = await env.services.content.publish('akershus', created.id, created.version)
    const other = await env.services.content.create({ ...testArticle('vestfold', `delt-${Math.random().toString(36).slice(2, 10)}`, { sharedNationally: true }) })
    await env.services.content.publish('vestfold', other.id, other.version)
    return { ...published, followedBy: [other.id] }
  }
  beforeAll(async () => {
    env = await createEditorEnvironment('isolation')
  })

  for (const route of routes) {
    for (const caller of ['akershus', 'admin'] as const) {
      it(`${route.name}: the ${caller === 'admin' ? 'admin' : 'tenant’s own editor'} succeeds`, async () => {
        const item = await freshItem()
        const response = await env.call(route.method, route.path(item), env.tokens[caller], route.body?.(item))
        expect(response.status, await response.clone().text()).toBeLessThan(300)
      })
    }

    it(`${route.name}: another tenant's editor, no token, an expired token and a forged token are refused and nothing changes`, async () => {
      const item = await freshItem()
      const before = await env.services.content.list('akershus', { limit: 100 })
      const attempts = [
        ['innlandet', 403],
        [undefined, 401],
        ['expired', 401],
        ['forged', 401],
      ] as const
      for (const [caller, status] of attempts) {
        const response = await env.call(route.method, route.path(item), caller ? env.tokens[caller] : undefined, route.body?.(item))
        expect(response.status, `${caller ?? 'no token'}`).toBe(status)
        expect(((await response.json()) as { error: string }).error).toMatch(/\w/)
      }
      expect(await env.services.content.getItem('akershus', item.id)).toEqual({ ...item, followedBy: undefined })
      expect((await env.services.content.getItem('vestfold', item.followedBy![0]!))?.followedBy).toBeUndefined()
      const after = await env.services.content.list('akershus', { limit: 100 })
      expect(after.items.map((entry) => entry.id).sort()).toEqual(before.items.map((entry) => entry.id).sort())
    })
  }

  it('says why a token is refused', async () => {
    const expired = await env.call('GET', '/api/editor/me', env.tokens.expired)
    expect(await expired.json()).toEqual({ error: 'Your sign-in has expired. Sign in again.', code: 'unauthorized' })
    const missing = await env.call('GET', '/api/editor/me')
    expect(await missing.json()).toEqual({ error: 'Sign in first: send Authorization: Bearer <access token>.', code: 'unauthorized' })
    const other = await env.call('GET', '/api/editor/tenants/akershus/items', env.tokens.innlandet)
    expect(await other.json()).toEqual({ error: "You are not an editor of 'akershus'.", code: 'forbidden' })
  })

  it('tells an editor who they are and which editions they edit', async () => {
    const me = await (await env.call('GET', '/api/editor/me', env.tokens.innlandet)).json()
    expect(me).toMatchObject({ username: 'innlandet@example.no', isAdmin: false, tenants: [{ id: 'innlandet' }] })
    const admin = (await (await env.call('GET', '/api/editor/me', env.tokens.admin)).json()) as { tenants: unknown[]; isAdmin: boolean }
    expect(admin.isAdmin).toBe(true)
    expect(admin.tenants).toHaveLength(5)
  })
})

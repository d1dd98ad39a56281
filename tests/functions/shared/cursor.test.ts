import { beforeAll, describe, expect, it } from 'vitest'
import * as contentKeys from '../../../functions/content/keys.ts'
import * as mediaKeys from '../../../functions/media/keys.ts'
import { decodeCursor, encodeCursor, type CursorShape } from '../../../functions/shared/cursor.ts'
import { createSiteApp } from '../../../web/site/app.tsx'
import { createEditorEnvironment } from '../../support/editors.ts'
import { testArticle } from '../../support/fixtures.ts'

type Key = Record<string, unknown>
const cursorOf = (key: Key | string[]) => Buffer.from(JSON.stringify(key)).toString('base64url')

describe('decodeCursor', () => {
  const shape: CursorShape = { attributes: ['PK', 'SK'], partitionKey: { name: 'PK', value: 'TENANT#a' }, sortKey: { name: 'SK', prefix: 'ITEM#' } }

  it('gives back a cursor this listing handed out', () => {
    const key = { PK: 'TENANT#a', SK: 'ITEM#01' }
    expect(decodeCursor(encodeCursor(key), shape)).toEqual(key)
  })

  it.each([
    ['not base64 JSON', '%%%'],
    ['an array', cursorOf(['TENANT#a', 'ITEM#01'])],
    ['another partition', cursorOf({ PK: 'TENANT#b', SK: 'ITEM#01' })],
    ['a sort key outside the prefix', cursorOf({ PK: 'TENANT#a', SK: 'SLUG#artikler#x' })],
    ['an extra attribute', cursorOf({ PK: 'TENANT#a', SK: 'ITEM#01', GSI1PK: 'x' })],
    ['a missing sort key', cursorOf({ PK: 'TENANT#a' })],
    ['a number', cursorOf({ PK: 'TENANT#a', SK: 1 })],
    ['an empty string', cursorOf({ PK: 'TENANT#a', SK: '' })],
    ['a lone surrogate', cursorOf({ PK: 'TENANT#a', SK: 'ITEM#\ud800' })],
    ['a key over 1024 UTF-8 bytes', cursorOf({ PK: 'TENANT#a', SK: `ITEM#${'ø'.repeat(520)}` })],
    ['a prototype key', Buffer.from('{"PK":"TENANT#a","__proto__":"ITEM#01"}').toString('base64url')],
    ['something very long', 'A'.repeat(5000)],
  ])('refuses %s with 400 invalid_cursor', (_name, cursor) => {
    expect(() => decodeCursor(cursor, shape)).toThrow(expect.objectContaining({ status: 400, code: 'invalid_cursor' }))
  })

  it('keeps to a range bound, comparing as DynamoDB does (UTF-8 bytes)', () => {
    const from: CursorShape = { ...shape, sortKey: { name: 'SK', from: '2026-01-01' } }
    expect(() => decodeCursor(cursorOf({ PK: 'TENANT#a', SK: '2025-12-31' }), from)).toThrow(expect.objectContaining({ code: 'invalid_cursor' }))
    expect(decodeCursor(cursorOf({ PK: 'TENANT#a', SK: '2026-01-02' }), from)).toEqual({ PK: 'TENANT#a', SK: '2026-01-02' })
    const to: CursorShape = { ...shape, sortKey: { name: 'SK', to: '\uffff' } }
    // U+1F600 sorts after U+FFFF in UTF-8 but before it in JavaScript's UTF-16 comparison.
    expect(() => decodeCursor(cursorOf({ PK: 'TENANT#a', SK: '😀' }), to)).toThrow(expect.objectContaining({ code: 'invalid_cursor' }))
  })
})

/**
 * A forger keeps a listing's partition and changes the rest. Each listing gets a key of the exact shape it
 * hands out (which must work) and the forgeries that used to reach DynamoDB and come back as 500.
 */
describe('forged cursors on every cursor-taking route', () => {
  let env: Awaited<ReturnType<typeof createEditorEnvironment>>
  let site: ReturnType<typeof createSiteApp>
  beforeAll(async () => {
    env = await createEditorEnvironment('forged-cursors')
    for (const tenant of ['akershus', 'vestfold']) {
      for (let index = 0; index < 3; index++) {
        const created = await env.services.content.create(testArticle(tenant, `sak-${index}`, { topics: ['demens'], sharedNationally: true }))
        await env.services.content.publish(tenant, created.id, created.version)
      }
    }
    site = createSiteApp(env.services, { assets: () => ({}), pageSize: 2 })
  })

  const tenantPk = contentKeys.tenantPk('akershus')
  const gsi = (pk: string, sk: string, partition: string) => ({ PK: tenantPk, SK: contentKeys.entrySk('akershus', '01X'), [pk]: partition, [sk]: '2026-01-01T00:00:00.000Z#akershus#01X' })
  const routes: Array<{ name: string; reader?: boolean; path: string; key: Key; sortKey: string; outside?: string }> = [
    { name: 'editor item list', path: '/api/editor/tenants/akershus/items?limit=1', key: { PK: tenantPk, SK: contentKeys.itemSk('01X') }, sortKey: 'SK', outside: contentKeys.slugSk('artikler', 'sak-0') },
    { name: 'editor item list, filtered', path: '/api/editor/tenants/akershus/items?limit=1&status=published', key: { PK: tenantPk, SK: contentKeys.itemSk('01X') }, sortKey: 'SK', outside: 'STATS' },
    { name: 'media list', path: '/api/editor/tenants/akershus/media?limit=1', key: { PK: mediaKeys.tenantPk('akershus'), SK: mediaKeys.mediaSk('01X') }, sortKey: 'SK', outside: contentKeys.itemSk('01X') },
    { name: 'shared list', path: '/api/editor/tenants/akershus/shared?limit=1', key: gsi('GSI2PK', 'GSI2SK', contentKeys.editionPk('nasjonal')), sortKey: 'GSI2SK' },
    { name: 'shared list of a type', path: '/api/editor/tenants/akershus/shared?limit=1&type=artikler', key: gsi('GSI1PK', 'GSI1SK', contentKeys.editionTypePk('nasjonal', 'artikler')), sortKey: 'GSI1SK' },
    { name: '/api/v1 items', path: '/api/v1/editions/akershus/items?limit=1', key: gsi('GSI2PK', 'GSI2SK', contentKeys.editionPk('akershus')), sortKey: 'GSI2SK' },
    { name: '/api/v1 items of a type', path: '/api/v1/editions/akershus/items?limit=1&type=artikler', key: gsi('GSI1PK', 'GSI1SK', contentKeys.editionTypePk('akershus', 'artikler')), sortKey: 'GSI1SK' },
    { name: 'reader listing', reader: true, path: '/akershus/artikler?', key: gsi('GSI1PK', 'GSI1SK', contentKeys.editionTypePk('akershus', 'artikler')), sortKey: 'GSI1SK' },
    { name: 'reader listing by audience', reader: true, path: '/akershus/artikler?malgruppe=kommune', key: gsi('GSI1PK', 'GSI1SK', contentKeys.editionTypePk('akershus', 'artikler')), sortKey: 'GSI1SK' },
    {
      name: 'reader listing by topic',
      reader: true,
      path: '/akershus/artikler?tema=demens',
      key: { PK: tenantPk, SK: contentKeys.topicEntrySk('demens', 'artikler', '2026-01-01T00:00:00.000Z', 'akershus', '01X') },
      sortKey: 'SK',
      outside: contentKeys.topicEntrySk('palliasjon', 'artikler', '2026-01-01T00:00:00.000Z', 'akershus', '01X'),
    },
  ]

  const request = (route: (typeof routes)[number], cursor: string) => {
    const path = `${route.path}${route.path.endsWith('?') ? '' : '&'}${route.reader ? 'fra' : 'cursor'}=${encodeURIComponent(cursor)}`
    if (route.reader) return site.request(path)
    // The public API is its own function (and app); the editor's routes need the editor's token.
    return path.startsWith('/api/v1/') ? env.apis.request(path) : env.call('GET', path, env.tokens.akershus)
  }

  const forgeries = (route: (typeof routes)[number]): Array<[string, Key]> => {
    const { [route.sortKey]: _dropped, ...missing } = route.key
    return [
      ...(route.outside ? [['a sort key outside the listing', { ...route.key, [route.sortKey]: route.outside }] as [string, Key]] : []),
      ['an extra attribute', { ...route.key, extra: 'x' }],
      ['a missing sort key', missing],
      ['an empty sort key', { ...route.key, [route.sortKey]: '' }],
      ['a sort key over DynamoDB’s 1024 bytes', { ...route.key, [route.sortKey]: `${route.key[route.sortKey]}${'ø'.repeat(520)}` }],
    ]
  }

  for (const route of routes) {
    it(`${route.name}: a cursor of the exact shape it hands out is followed`, async () => {
      const response = await request(route, cursorOf(route.key))
      expect(response.status, await response.clone().text()).toBe(200)
    })

    it(`${route.name}: every forged cursor is 400 invalid_cursor, never 500`, async () => {
      for (const [forgery, key] of forgeries(route)) {
        const response = await request(route, cursorOf(key))
        expect(response.status, `${forgery}: ${await response.clone().text()}`).toBe(400)
        if (route.reader) {
          const html = await response.text()
          expect(html).toContain('lang="nb"')
          expect(html).toContain('Gå til første side og prøv igjen')
        } else {
          expect(await response.json()).toMatchObject({ code: 'invalid_cursor', error: expect.stringMatching(/cursor/) })
        }
      }
    })
  }

  it('follows the cursors the listings hand out, page by page', async () => {
    const first = (await (await env.call('GET', '/api/editor/tenants/akershus/items?limit=2', env.tokens.akershus)).json()) as { items: unknown[]; nextCursor: string }
    const second = await env.call('GET', `/api/editor/tenants/akershus/items?limit=2&cursor=${first.nextCursor}`, env.tokens.akershus)
    expect(((await second.json()) as { items: unknown[] }).items).toHaveLength(1)
    const reader = await site.request('/akershus/artikler?tema=demens')
    const next = (await reader.text()).match(/fra=([A-Za-z0-9_-]+)/)
    expect((await site.request(`/akershus/artikler?tema=demens&fra=${next![1]}`)).status).toBe(200)
  })
})

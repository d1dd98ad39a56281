import { beforeAll, describe, expect, it } from 'vitest'
import * as keys from '../../../functions/content/keys.ts'
import { ttlAttribute } from '../../../functions/content/keys.ts'
import { createPresence } from '../../../functions/content/presence.ts'
import { createEditorEnvironment } from '../../support/editors.ts'
import { testArticle } from '../../support/fixtures.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>
type Others = { others: Array<{ username: string; name: string | null; at: string }> }

describe('presence: who else has an item open', () => {
  let env: Env
  const base = '/api/editor/tenants/akershus'
  const as = (method: string, path: string, token: string) => env.call(method, `${base}${path}`, token)
  const beat = async (id: string, token: string) => {
    const response = await as('POST', `/items/${id}/presence`, token)
    expect(response.status).toBe(200)
    return ((await response.json()) as Others).others
  }
  const raw = (sk: string) => env.services.db.get<Record<string, unknown>>({ PK: keys.tenantPk('akershus'), SK: sk }, { consistent: true })
  beforeAll(async () => {
    env = await createEditorEnvironment('content-presence')
  })

  it('answers the other editors by name, never the caller, with a TTL minutes out', async () => {
    const item = await env.services.content.create(testArticle('akershus', 'apen-sak'))
    // Like Cognito's, the local access tokens carry no name: the workspace's /me notes it from the directory.
    expect((await env.call('GET', '/api/editor/me', env.tokens.akershus)).status).toBe(200)
    expect(await beat(item.id, env.tokens.akershus)).toEqual([])
    const others = await beat(item.id, env.tokens.admin)
    // The display name on record, not the e-mail.
    expect(others).toEqual([{ username: 'akershus@example.no', name: 'Kari Nordmann', at: expect.any(String) }])
    expect((await beat(item.id, env.tokens.akershus)).map((other) => other.username)).toEqual(['admin@example.no'])

    const record = await raw(keys.presenceSk(item.id, 'akershus@example.no'))
    const ttl = record?.[ttlAttribute] as number
    const now = Date.now() / 1000
    expect(ttl).toBeGreaterThan(now + 60)
    expect(ttl).toBeLessThan(now + 10 * 60)
  })

  it('forgets an editor who leaves (DELETE) and one whose last heartbeat is older than 90 s', async () => {
    const item = await env.services.content.create(testArticle('akershus', 'forlatt-sak'))
    await beat(item.id, env.tokens.admin)
    expect((await as('DELETE', `/items/${item.id}/presence`, env.tokens.admin)).status).toBe(204)
    expect(await beat(item.id, env.tokens.akershus)).toEqual([])

    // A heartbeat two minutes ago (the TTL has not removed it yet) no longer counts.
    const past = createPresence(env.services.db, { now: () => new Date(Date.now() - 120_000) })
    await past.heartbeat('akershus', item.id, { username: 'gammel@example.no', name: 'Gammel Redaktør' })
    expect(await beat(item.id, env.tokens.akershus)).toEqual([])
  })

  it('keeps other editions out (403) and answers 404 for an item the edition does not have', async () => {
    const item = await env.services.content.create(testArticle('akershus', 'lukket-sak'))
    expect((await as('POST', `/items/${item.id}/presence`, env.tokens.innlandet)).status).toBe(403)
    expect((await as('DELETE', `/items/${item.id}/presence`, env.tokens.innlandet)).status).toBe(403)
    const elsewhere = await env.services.content.create(testArticle('innlandet', 'annen-region'))
    expect((await as('POST', `/items/${elsewhere.id}/presence`, env.tokens.akershus)).status).toBe(404)
    expect(await raw(keys.presenceSk(elsewhere.id, 'akershus@example.no'))).toBeUndefined()
  })
})

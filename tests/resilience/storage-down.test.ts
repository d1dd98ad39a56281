import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { editableFields } from '../../functions/content/editing.ts'
import { createPublicApiApp } from '../../functions/public-api.ts'
import { createSiteApp } from '../../web/site/app.tsx'
import { createEditorEnvironment } from '../support/editors.ts'
import { publishNew, testArticle } from '../support/fixtures.ts'
import { stoppableProxy, type StoppableProxy } from '../support/stoppable-proxy.ts'

/** DynamoDB stopped under a running system: the proxy stands in front of the shared DynamoDB Local. */
describe('storage out of reach, and back', () => {
  const { dynamodbEndpoint, s3Endpoint } = inject('emulators')
  let proxy: StoppableProxy
  let env: Awaited<ReturnType<typeof createEditorEnvironment>>
  let site: ReturnType<typeof createSiteApp>
  let api: ReturnType<typeof createPublicApiApp>
  beforeAll(async () => {
    proxy = await stoppableProxy(dynamodbEndpoint)
    env = await createEditorEnvironment('storage-down', { config: { endpoints: { dynamodb: proxy.endpoint, s3: s3Endpoint } } })
    site = createSiteApp(env.services, { assets: () => ({}), renderCache: false })
    api = createPublicApiApp(env.services)
  })
  afterAll(() => proxy?.stop())

  it('answers readers 503 with Retry-After in bokmål, clients in English, refuses a save cleanly, and recovers with nothing half-written', async () => {
    const article = await publishNew(env.services, testArticle('akershus', 'nede-og-oppe'))
    const page = `/akershus/artikler/${article.slug}`
    expect((await site.request(page)).status).toBe(200)
    const item = (await env.services.content.getItem('akershus', article.id))!

    await proxy.stop()
    const down = await site.request(page)
    expect(down.status).toBe(503)
    expect(down.headers.get('retry-after')).toBe('30')
    expect(down.headers.get('cache-control')).toBe('no-store')
    const html = await down.text()
    expect(html).toContain('<html lang="nb">')
    expect(html).toContain('Kompetansebroen er utilgjengelig akkurat nå')

    const listing = await api.request('/api/v1/editions/akershus/items')
    expect(listing.status).toBe(503)
    expect(listing.headers.get('retry-after')).toBe('30')
    expect(await listing.json()).toEqual({ error: 'The service is briefly unavailable. Try again in 30 seconds.', code: 'unavailable' })

    const save = await env.call('PUT', `/api/editor/tenants/akershus/items/${article.id}`, env.tokens.akershus, {
      version: item.version,
      fields: { ...editableFields(item), title: 'Lagret mens lageret var borte' },
    })
    expect(save.status).toBe(503)
    expect(((await save.json()) as { code: string }).code).toBe('unavailable')

    await proxy.start()
    expect((await site.request(page)).status).toBe(200)
    // The refused save left nothing behind: same version, same title, and the next save goes through.
    const after = (await env.services.content.getItem('akershus', article.id))!
    expect(after).toMatchObject({ version: item.version, title: item.title })
    const retried = await env.call('PUT', `/api/editor/tenants/akershus/items/${article.id}`, env.tokens.akershus, { version: after.version, fields: { ...editableFields(after), title: 'Lagret etterpå' } })
    expect(retried.status).toBe(200)
    expect((await env.services.content.getItem('akershus', article.id))!.title).toBe('Lagret etterpå')
  })
})

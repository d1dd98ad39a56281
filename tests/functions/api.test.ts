import { beforeAll, describe, expect, it } from 'vitest'
import { createEditorApiApp } from '../../functions/editor-api.ts'
import { createPublicApiApp } from '../../functions/public-api.ts'
import { createPublicApiServices, createPublicReadingServices } from '../../functions/reader-services.ts'
import { createServices, type Services } from '../../functions/services.ts'
import { sharedCacheControl } from '../../functions/shared/edge-cache.ts'
import { freePort } from '../../infra/local/emulators.ts'
import { createTestEnvironment } from '../support/environment.ts'
import { publishNew, seedCatalog, testArticle } from '../support/fixtures.ts'

describe('public API', () => {
  let services: Services
  let app: ReturnType<typeof createPublicApiApp>
  beforeAll(async () => {
    ;({ services } = await createTestEnvironment('public-api'))
    await seedCatalog(services, ['nasjonal', 'innlandet'])
    for (let index = 0; index < 3; index++) await publishNew(services, testArticle('innlandet', `artikkel-${index}`))
    await services.content.create(testArticle('innlandet', 'hemmelig-utkast'))
    // The same catalog cache as the seeding above (tests/infra/bundled-handlers.test.ts runs the function's own).
    app = createPublicApiApp(services)
  })

  it('reports health 200 when DynamoDB answers, and is never cached', async () => {
    // What the public API function builds: reading services over DynamoDB clients, nothing else.
    const response = await createPublicApiApp(createPublicReadingServices(services.config, services.clients)).request('/api/health')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    // Media reach readers from S3 through CloudFront, never through this function: it does not probe S3.
    expect(await response.json()).toEqual({ status: 'ok', checks: { dynamodb: 'ok' } })
  })

  it('reports 503 naming DynamoDB when it cannot be reached', async () => {
    const closedPort = await freePort()
    const broken = createPublicApiServices({ ...services.config, endpoints: { ...services.config.endpoints, dynamodb: `http://127.0.0.1:${closedPort}` } })
    const response = await createPublicApiApp(broken).request('/api/health')
    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({ status: 'unavailable', error: 'DynamoDB unreachable', code: 'unavailable', checks: { dynamodb: 'down' } })
  })

  it('serves nothing of the editor API, whose own function answers /api/editor/*', async () => {
    const response = await app.request('/api/editor/config')
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: 'No API route GET /api/editor/config', code: 'not_found' })
  })

  it('lists published items only, newest first, with a cursor to the next page', async () => {
    const first = await app.request('/api/v1/editions/innlandet/items?type=artikler&limit=2')
    expect(first.status).toBe(200)
    const page1 = (await first.json()) as { items: Array<{ slug: string }>; nextCursor: string | null }
    expect(page1.items.map((item) => item.slug)).toEqual(['artikkel-2', 'artikkel-1'])
    expect(page1.nextCursor).toEqual(expect.any(String))
    const second = await app.request(`/api/v1/editions/innlandet/items?type=artikler&limit=2&cursor=${page1.nextCursor}`)
    const page2 = (await second.json()) as { items: Array<{ slug: string }>; nextCursor: string | null }
    expect(page2.items.map((item) => item.slug)).toEqual(['artikkel-0'])
    expect(page2.nextCursor).toBeNull()
  })

  it('lists the topic areas for integrators and the editor workspace', async () => {
    await seedCatalog(services, [], ['demens', 'palliasjon'])
    const topics = (await (await app.request('/api/v1/topics')).json()) as { items: Array<{ slug: string; name: string }> }
    expect(topics.items.map((topic) => topic.slug)).toEqual(expect.arrayContaining(['demens', 'palliasjon']))
  })

  it('serves a published item and 404s a draft at its would-be address', async () => {
    const published = await app.request('/api/v1/items/innlandet/artikler/artikkel-0')
    expect(published.status).toBe(200)
    expect(await published.json()).toMatchObject({ slug: 'artikkel-0', tenant: 'innlandet', type: 'artikler' })
    const draft = await app.request('/api/v1/items/innlandet/artikler/hemmelig-utkast')
    expect(draft.status).toBe(404)
    expect(await draft.json()).toEqual({ error: "No published artikler 'hemmelig-utkast' in innlandet.", code: 'not_found' })
  })

  it('lets CloudFront keep published answers for a minute, but never an error or the health check (issue 15)', async () => {
    const listing = await app.request('/api/v1/editions/innlandet/items?type=artikler&limit=2')
    expect(listing.headers.get('cache-control')).toBe(sharedCacheControl)
    expect(sharedCacheControl).toMatch(/s-maxage=60, stale-while-revalidate=600/)
    expect((await app.request('/api/v1/items/innlandet/artikler/hemmelig-utkast')).headers.get('cache-control')).toBeNull()
    expect((await app.request('/api/health')).headers.get('cache-control')).toBe('no-store')
  })

  it.each([
    ['/api/v1/editions/atlantis/items', 404, /Unknown edition 'atlantis'/],
    ['/api/v1/editions/innlandet/items?limit=500', 400, /limit/],
    ['/api/v1/editions/innlandet/items?limit=abc', 400, /limit/],
    ['/api/v1/editions/innlandet/items?type=blogg', 400, /type/],
    ['/api/v1/editions/innlandet/items?cursor=not-a-cursor', 400, /cursor/],
    ['/api/v1/editions/Ugyldig%20Navn/items', 400, /edition/],
    ['/api/v1/items/innlandet/blogg/x', 400, /type/],
    ['/api/v1/nothing-here', 404, /No API route/],
  ])('answers %s with %i and a JSON error', async (path, status, message) => {
    const response = await app.request(path)
    expect(response.status).toBe(status)
    expect(response.headers.get('content-type')).toMatch(/application\/json/)
    const body = (await response.json()) as { error: string }
    expect(body.error).toMatch(message)
  })

  it('rejects a well-formed cursor taken from another edition', async () => {
    await seedCatalog(services, ['vestfold'])
    const first = (await (await app.request('/api/v1/editions/innlandet/items?type=artikler&limit=1')).json()) as { nextCursor: string }
    const response = await app.request(`/api/v1/editions/vestfold/items?type=artikler&cursor=${first.nextCursor}`)
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ code: 'invalid_cursor' })
  })
})

describe('public API and withdrawn items', () => {
  it('answers 410 with a JSON error for an item that was published and then withdrawn', async () => {
    const { services } = await createTestEnvironment('api-gone')
    await seedCatalog(services, ['nasjonal', 'vestfold'])
    const item = await publishNew(services, testArticle('vestfold', 'borte'))
    await services.content.withdraw('vestfold', item.id, item.version)
    const response = await createPublicApiApp(services).request('/api/v1/items/vestfold/artikler/borte')
    expect(response.status).toBe(410)
    expect(await response.json()).toEqual({ error: "The artikler 'borte' in vestfold has been withdrawn.", code: 'gone' })
  })
})

describe('editor API health', () => {
  it('checks DynamoDB and the media bucket, which uploads need, without a token, and is never cached', async () => {
    const { services } = await createTestEnvironment('editor-health')
    const response = await createEditorApiApp(services).request('/api/editor/health')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({ status: 'ok', checks: { dynamodb: 'ok', s3: 'ok' } })

    const closedPort = await freePort()
    const broken = createServices({ ...services.config, endpoints: { ...services.config.endpoints, s3: `http://127.0.0.1:${closedPort}` } })
    const down = await createEditorApiApp(broken).request('/api/editor/health')
    expect(down.status).toBe(503)
    expect(await down.json()).toMatchObject({ error: 'S3 unreachable', code: 'unavailable', checks: { dynamodb: 'ok', s3: 'down' } })
  })
})

import { Validator } from '@seriousme/openapi-schema-validator'
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { documentModule, documentModulePath, openApiDocument, responseId } from '../../../functions/openapi/generate.ts'
import { operations } from '../../../functions/openapi/operations.ts'
import { createPublicApiApp } from '../../../functions/public-api.ts'
import { createSearchApp } from '../../../functions/search-app.ts'
import type { Services } from '../../../functions/services.ts'
import { createTestEnvironment } from '../../support/environment.ts'
import { seedCatalog } from '../../support/fixtures.ts'

/** `/api/v1/editions/:edition/items` as OpenAPI writes it, `/api/v1/editions/{edition}/items`. */
const openApiPathOf = (honoPath: string) => honoPath.replace(/:([A-Za-z]+)/g, '{$1}')
// The document and its page describe the API; they are not operations of it.
const aboutTheApi = ['/api/v1/openapi.json', '/api/docs']

describe('the OpenAPI document (issue 18)', () => {
  let services: Services
  let publicApi: ReturnType<typeof createPublicApiApp>
  beforeAll(async () => {
    ;({ services } = await createTestEnvironment('openapi-document'))
    await seedCatalog(services, ['nasjonal', 'innlandet'])
    publicApi = createPublicApiApp(services)
  })

  it('is what generate.ts writes from the routes\' schemas today (run `npx tsx functions/openapi/generate.ts` when this fails)', async () => {
    expect(readFileSync(documentModulePath, 'utf8')).toBe(await documentModule())
  })

  it('validates as OpenAPI 3.1 with an independent validator', async () => {
    const result = await new Validator().validate(structuredClone(openApiDocument()))
    expect(result.errors).toBeUndefined()
    expect(result.valid).toBe(true)
  })

  it('is served at /api/v1/openapi.json as JSON, cached at the edge like the rest of /api/v1', async () => {
    const response = await publicApi.request('/api/v1/openapi.json')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(response.headers.get('cache-control')).toMatch(/s-maxage=\d+/)
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument())))
  })

  it('documents every GET route the public API and the search function serve under /api/v1 and /api/oembed', () => {
    const search = createSearchApp(services, { assets: () => ({}), refreshMs: 0 })
    const served = [...publicApi.routes, ...search.routes]
      .filter((route) => route.method === 'GET' && /^\/api\/(v1\/|oembed$)/.test(route.path) && !aboutTheApi.includes(route.path))
      .map((route) => openApiPathOf(route.path))
    const documented = Object.keys(openApiDocument().paths)
    expect(served.length).toBeGreaterThanOrEqual(8)
    expect([...new Set(served)].sort()).toEqual([...documented].sort())
    // And each operation names a schema for its 200, from which its component was written.
    for (const operation of operations) expect(openApiDocument().components.schemas).toHaveProperty(responseId(operation))
  })

  it('describes the parameters the routes check: a limit outside the documented pattern is refused, the default applies', async () => {
    const list = openApiDocument().paths['/api/v1/editions/{edition}/items']!.get
    const limit = list.parameters.find((parameter) => parameter.name === 'limit')!
    expect(limit).toMatchObject({ in: 'query', required: false, schema: { type: 'string', default: '20' } })
    const pattern = new RegExp((limit.schema as { pattern: string }).pattern)
    for (const value of ['0', '1', '100', '101', '20', 'ti']) {
      const response = await publicApi.request(`/api/v1/editions/innlandet/items?limit=${value}`)
      expect(response.status, value).toBe(pattern.test(value) ? 200 : 400)
    }
    expect(list.parameters.find((parameter) => parameter.name === 'edition')).toMatchObject({ in: 'path', required: true })
  })

  it('is browsable at /api/docs as plain HTML within the /api CSP (no script, no external resource)', async () => {
    const response = await publicApi.request('/api/docs')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await response.text()
    expect(html).not.toMatch(/<script|<link|<style|https?:\/\/(?!oembed\.com)/)
    expect(html).toContain('<a href="/api/v1/openapi.json">')
    for (const path of Object.keys(openApiDocument().paths)) expect(html).toContain(`<code>GET ${path}</code>`)
  })
})

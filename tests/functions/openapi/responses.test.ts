import { beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { operations } from '../../../functions/openapi/operations.ts'
import { errorResponse } from '../../../functions/openapi/responses.ts'
import { createPublicApiApp } from '../../../functions/public-api.ts'
import { createSearchApp } from '../../../functions/search-app.ts'
import type { Services } from '../../../functions/services.ts'
import { createTestEnvironment } from '../../support/environment.ts'
import { publishNew, seedCatalog, testArticle } from '../../support/fixtures.ts'

const origin = 'https://kompetansebroen.example'

/**
 * Every documented operation, called with real published data on DynamoDB Local, answers what its documented schema
 * says: the very zod schema its component in the document was generated from (operations.ts), with no key left over.
 */
describe('real answers fit the documented responses (issue 18)', () => {
  let services: Services
  let publicApi: ReturnType<typeof createPublicApiApp>
  let search: ReturnType<typeof createSearchApp>
  beforeAll(async () => {
    ;({ services } = await createTestEnvironment('openapi-responses', { siteOrigin: origin }))
    await seedCatalog(services, ['nasjonal', 'innlandet'], ['demens'])
    await publishNew(services, testArticle('innlandet', 'demens-i-hjemmet', { title: 'Demens i hjemmet', topics: ['demens'] }))
    await publishNew(services, testArticle('innlandet', 'ernaering', { title: 'Ernæring ved demens', sharedNationally: true }))
    const withdrawn = await publishNew(services, testArticle('innlandet', 'gammel', { title: 'Gammel rutine' }))
    await services.content.withdraw('innlandet', withdrawn.id, withdrawn.version)
    publicApi = createPublicApiApp(services)
    search = createSearchApp(services, { assets: () => ({}), refreshMs: 0 })
  })

  // One or more real requests per documented operation; the test below insists each operation has one.
  const requests: Record<string, string[]> = {
    listEditions: ['/api/v1/editions'],
    listTopics: ['/api/v1/topics'],
    listEditionItems: ['/api/v1/editions/innlandet/items', '/api/v1/editions/innlandet/items?type=artikler&limit=1'],
    getItem: ['/api/v1/items/innlandet/artikler/demens-i-hjemmet'],
    getCards: ['/api/v1/cards?path=/innlandet/artikler/ernaering&path=/innlandet/artikler/gammel&path=/innlandet/film/finnes-ikke'],
    search: ['/api/v1/search?q=demens&edition=innlandet', '/api/v1/search?q=demens&limit=1'],
    searchSuggestions: ['/api/v1/search/suggestions?q=dem'],
    oembed: [`/api/oembed?url=${encodeURIComponent(`${origin}/innlandet/artikler/demens-i-hjemmet`)}&maxwidth=400`],
  }

  it('has a real request for every documented operation', () => {
    expect(Object.keys(requests).sort()).toEqual(operations.map((operation) => operation.operationId).sort())
  })

  for (const operation of operations) {
    it(`${operation.operationId}: GET ${operation.path}`, async () => {
      for (const path of requests[operation.operationId] ?? []) {
        const app = path.startsWith('/api/v1/search') ? search : publicApi
        const response = await app.request(path)
        expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200)
        expect(response.headers.get('content-type')).toMatch(/^application\/json/)
        const body: unknown = await response.json()
        const parsed = z.safeParse(operation.response as z.ZodType, body)
        expect(parsed.success ? [] : parsed.error.issues, path).toEqual([])
        // zod drops keys a schema does not name, where the document says additionalProperties: false: nothing was dropped.
        expect(parsed.data, path).toEqual(body)
        // Not an empty answer that fits any list: each request was chosen to find something.
        expect(JSON.stringify(body), path).not.toMatch(/^\{"items":\[\]/)
      }
    })
  }

  it('answers an error in the documented error shape', async () => {
    for (const path of ['/api/v1/editions/innlandet/items?limit=0', '/api/v1/items/innlandet/artikler/finnes-ikke', '/api/v1/items/innlandet/artikler/gammel']) {
      const response = await publicApi.request(path)
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(errorResponse.safeParse(await response.json()).success, path).toBe(true)
    }
  })
})

import { beforeAll, describe, expect, it } from 'vitest'
import { NATIONAL_TENANT } from '../../../functions/reader-services.ts'
import { createSearchApp } from '../../../functions/search-app.ts'
import * as keys from '../../../functions/search/keys.ts'
import { rebuildSearchDocuments } from '../../../functions/search/rebuild.ts'
import type { Services } from '../../../functions/services.ts'
import { createTestEnvironment } from '../../support/environment.ts'
import { publishNew, seedCatalog, testArticle } from '../../support/fixtures.ts'

/** `npm run search:rebuild`: lost documents come back from the published items, and documents of withdrawn items go. */
describe('rebuilding the search documents', () => {
  let services: Services
  beforeAll(async () => {
    ;({ services } = await createTestEnvironment('search-rebuild'))
    await seedCatalog(services, ['nasjonal', 'innlandet'])
  })
  const found = async (q: string, edition = 'innlandet') => {
    // A fresh search function each time: what a cold start would load.
    const response = await createSearchApp(services, { assets: () => ({}) }).request(`/api/v1/search?q=${encodeURIComponent(q)}&edition=${edition}`)
    return ((await response.json()) as { items: Array<{ card: { slug: string } }> }).items.map((hit) => hit.card.slug)
  }

  it('writes every published item’s document again, and removes one whose item is no longer published', async () => {
    await publishNew(services, testArticle('innlandet', 'ernaering', { title: 'Ernæring hos eldre' }))
    const lost = await publishNew(services, testArticle('innlandet', 'smittevern', { title: 'Smittevern i hjemmetjenesten' }))
    // A lost document (a restore from before search, a bug), and a stray one left behind by an item since withdrawn.
    await services.db.transact([{ Delete: { Key: { PK: keys.tenantPk('innlandet'), SK: keys.documentSk(lost.id) } } }])
    const withdrawn = await publishNew(services, testArticle('innlandet', 'utgatt', { title: 'Utgått rutine for smittevern' }))
    const stray = await services.db.get({ PK: keys.tenantPk('innlandet'), SK: keys.documentSk(withdrawn.id) })
    await services.content.withdraw('innlandet', withdrawn.id, withdrawn.version)
    await services.db.put(stray!)
    expect(await found('smittevern')).toEqual(['utgatt'])

    expect(await rebuildSearchDocuments(services, { nationalTenant: NATIONAL_TENANT, onlyMissing: true })).toEqual({ written: 1, removed: 1, skipped: 1 })
    expect(await found('smittevern')).toEqual(['smittevern'])
    expect(await rebuildSearchDocuments(services, { nationalTenant: NATIONAL_TENANT })).toEqual({ written: 2, removed: 0, skipped: 0 })
    expect(await found('ernæring')).toEqual(['ernaering'])
  })
})

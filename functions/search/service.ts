import type { PublicReadingServices } from '../reader-services.ts'
import { NATIONAL_TENANT } from '../reader-services.ts'
import { badRequest, notFound } from '../shared/errors.ts'
import type { SearchDocument } from './documents.ts'
import { createSearchLoader, type SearchLoaderOptions } from './loader.ts'
import { parseQuery } from './query.ts'
import { runSearch, type SearchAnswer, type SearchRequest } from './results.ts'

export interface SearchServiceOptions extends Pick<SearchLoaderOptions, 'refreshMs' | 'onLoad'> {
  now?: () => Date
}

/**
 * The search function's domain: the in-memory index (loader.ts) and the catalog that says which editions, topics
 * and publishers exist. Requests arrive validated (routes.ts, the pages); unknown names are answered here.
 */
export function createSearchService(services: Pick<PublicReadingServices, 'db' | 'catalog'>, options: SearchServiceOptions = {}) {
  const now = () => (options.now?.() ?? new Date()).getTime()
  const loader = createSearchLoader(services.db, {
    // Hidden editions' documents too, left out per search (engine.ts): going live then needs no reload.
    tenants: async () => (await services.catalog.get()).allTenants.map((tenant) => tenant.id),
    refreshMs: options.refreshMs,
    now,
    onLoad: options.onLoad,
  })

  /** The request's names checked against what readers see; answers the editions they may not see yet. */
  async function checked(request: Pick<SearchRequest, 'edition' | 'topic' | 'publisher'>) {
    const catalog = await services.catalog.get()
    if (!catalog.tenant(request.edition)) throw notFound(`Unknown edition '${request.edition}'. GET /api/v1/editions lists them.`)
    if (request.topic && !catalog.topic(request.topic)) throw badRequest(`Unknown topic '${request.topic}'. GET /api/v1/topics lists them.`, 'unknown_topic')
    if (request.publisher && !catalog.tenant(request.publisher)) throw badRequest(`Unknown publisher '${request.publisher}': use an edition id.`)
    return catalog.hiddenTenantIds
  }

  return {
    loader,
    async search(request: SearchRequest): Promise<SearchAnswer> {
      const hiddenOwners = await checked(request)
      return runSearch(await loader.ready(), request, { nationalTenant: NATIONAL_TENANT, hiddenOwners, now: now() })
    },
    /** The best few titles for what is typed so far (the header field's suggestions). */
    async suggest(request: { q: string; edition: string; limit: number }) {
      const hiddenOwners = await checked(request)
      const index = await loader.ready()
      return index.search(parseQuery(request.q), { edition: request.edition, nationalTenant: NATIONAL_TENANT, hiddenOwners, now: now() }).slice(0, request.limit).map((match) => match.doc.card)
    },
    /** The newest items in the edition's scope (the page that found nothing offers them). */
    async latest(edition: string, limit: number): Promise<SearchDocument[]> {
      const { hiddenTenantIds } = await services.catalog.get()
      return (await loader.ready()).latest({ edition, nationalTenant: NATIONAL_TENANT, hiddenOwners: hiddenTenantIds }, limit)
    },
  }
}
export type SearchService = ReturnType<typeof createSearchService>

import type { Db } from '../shared/db.ts'
import type { Tenant, Topic } from './schema.ts'

/**
 * Tenants and topic areas change a few times a year and are needed on every page, so they are read with one
 * Query and kept in memory for a short while; pages then spend their DynamoDB budget on content.
 */
export interface Catalog {
  /** The editions readers see; hidden ones (being prepared, issue 17) are left out, as if they did not exist. */
  tenants: Tenant[]
  /** Every edition, hidden ones too (the workspace and the admin area). */
  allTenants: Tenant[]
  /** Ids of the hidden editions: their items leave the national edition's and followers' listings too. */
  hiddenTenantIds: ReadonlySet<string>
  /** The topic areas in use; retired ones are left out, so no picker, list or page offers them. */
  topics: Topic[]
  /** Every topic area, retired ones too (the admin area). */
  allTopics: Topic[]
  /** An edition readers see; undefined for a hidden one, so its pages answer 404. */
  tenant(id: string): Tenant | undefined
  /** An edition, hidden or not: for editors, who prepare a hidden edition in the workspace. */
  anyTenant(id: string): Tenant | undefined
  /** A topic area in use; undefined for a retired one. */
  topic(slug: string): Topic | undefined
  /** A retired topic area, for its page's redirect. */
  retiredTopic(slug: string): Topic | undefined
  nationalTenant: Tenant | undefined
}

const CATALOG_PK = 'CATALOG'
export const tenantKey = (id: string) => ({ PK: CATALOG_PK, SK: `TENANT#${id}` })
export const topicKey = (slug: string) => ({ PK: CATALOG_PK, SK: `TOPIC#${slug}` })

export function createCatalogStore(db: Db, options: { ttlMs?: number; now?: () => number } = {}) {
  const ttlMs = options.ttlMs ?? 30_000
  const now = options.now ?? Date.now
  let cached: { catalog: Catalog; loadedAt: number } | undefined
  let loading: Promise<Catalog> | undefined

  async function readCatalog(): Promise<Catalog> {
    const tenants: Tenant[] = []
    const topics: Topic[] = []
    let cursor: string | undefined
    do {
      const page = await db.query<Record<string, unknown>>({
        partitionKey: { name: 'PK', value: CATALOG_PK },
        limit: 1000,
        cursor,
      })
      // Every record was validated when it was written (catalog-writes.ts), so reading needs no schema.
      for (const { PK, SK, ...record } of page.items) {
        if (String(SK).startsWith('TENANT#')) tenants.push(record as Tenant)
        else if (String(SK).startsWith('TOPIC#')) topics.push(record as Topic)
      }
      cursor = page.nextCursor
    } while (cursor)
    return buildCatalog(tenants, topics)
  }

  return {
    /** The catalog, from memory when fresh; concurrent callers share one read. */
    async get(): Promise<Catalog> {
      if (cached && now() - cached.loadedAt < ttlMs) return cached.catalog
      loading ??= readCatalog()
        .then((catalog) => {
          cached = { catalog, loadedAt: now() }
          return catalog
        })
        .finally(() => {
          loading = undefined
        })
      return loading
    },
    /** Forget the copy in memory: the next `get` reads again (after a write in this process). */
    invalidate() {
      cached = undefined
    },
  }
}
export type CatalogStore = ReturnType<typeof createCatalogStore>

export function buildCatalog(tenants: Tenant[], topics: Topic[]): Catalog {
  const allTenants = [...tenants].sort((a, b) => Number(b.national) - Number(a.national) || a.regionName.localeCompare(b.regionName, 'nb'))
  const liveTenants = allTenants.filter((tenant) => !tenant.hidden)
  const allTopics = [...topics].sort((a, b) => a.name.localeCompare(b.name, 'nb'))
  const sortedTopics = allTopics.filter((topic) => !topic.retired)
  const tenantById = new Map(allTenants.map((tenant) => [tenant.id, tenant]))
  const topicBySlug = new Map(allTopics.map((topic) => [topic.slug, topic]))
  return {
    tenants: liveTenants,
    allTenants,
    hiddenTenantIds: new Set(allTenants.filter((tenant) => tenant.hidden).map((tenant) => tenant.id)),
    topics: sortedTopics,
    allTopics,
    tenant: (id) => {
      const tenant = tenantById.get(id)
      return tenant?.hidden ? undefined : tenant
    },
    anyTenant: (id) => tenantById.get(id),
    topic: (slug) => {
      const topic = topicBySlug.get(slug)
      return topic?.retired ? undefined : topic
    },
    retiredTopic: (slug) => {
      const topic = topicBySlug.get(slug)
      return topic?.retired ? topic : undefined
    },
    nationalTenant: liveTenants.find((tenant) => tenant.national),
  }
}

import type { Db } from '../shared/db.ts'
import { tenantKey, topicKey, type CatalogStore } from './catalog.ts'
import { tenantSchema, topicSchema, type Tenant, type Topic } from './schema.ts'

/**
 * Writing tenants and topic areas (admin routes, the seed): validated here, so the catalog can read them
 * back without a schema. Kept apart from catalog.ts so the site function, which only reads, loads no zod.
 */
export function createCatalogWrites(db: Db, catalog: Pick<CatalogStore, 'invalidate'>) {
  return {
    async putTenant(tenant: Tenant) {
      await db.put({ ...tenantKey(tenant.id), ...tenantSchema.parse(tenant) })
      catalog.invalidate()
    },
    async putTopic(topic: Topic) {
      await db.put({ ...topicKey(topic.slug), ...topicSchema.parse(topic) })
      catalog.invalidate()
    },
  }
}

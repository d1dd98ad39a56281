import type { Db } from '../shared/db.ts'
import { conflict } from '../shared/errors.ts'
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
    /** A new edition only: two admins choosing the same id at once get one edition and a 409, never a merge of both. */
    async createTenant(tenant: Tenant) {
      try {
        await db.put({ ...tenantKey(tenant.id), ...tenantSchema.parse(tenant) }, { ifNotExists: 'SK' })
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') throw conflict(`An edition with the id '${tenant.id}' already exists.`, 'tenant_exists')
        throw error
      }
      catalog.invalidate()
    },
    async putTopic(topic: Topic) {
      await db.put({ ...topicKey(topic.slug), ...topicSchema.parse(topic) })
      catalog.invalidate()
    },
  }
}

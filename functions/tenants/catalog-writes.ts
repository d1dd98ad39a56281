import type { Db } from '../shared/db.ts'
import { conflict, notFound } from '../shared/errors.ts'
import { tenantKey, topicKey, type CatalogStore } from './catalog.ts'
import { tenantSchema, topicSchema, type Tenant, type Topic } from './schema.ts'

/**
 * Writing tenants and topic areas (admin routes, the seed): validated here, so the catalog can read them
 * back without a schema. Kept apart from catalog.ts so the site function, which only reads, loads no zod.
 */
export function createCatalogWrites(db: Db, catalog: Pick<CatalogStore, 'invalidate'>) {
  /** Writes a record that must not exist yet; `taken` is the answer when it does. */
  async function putNew(record: Record<string, unknown> & { SK: unknown }, taken: () => Error) {
    try {
      await db.put(record, { ifNotExists: 'SK' })
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') throw taken()
      throw error
    }
    catalog.invalidate()
  }
  return {
    async putTenant(tenant: Tenant) {
      await db.put({ ...tenantKey(tenant.id), ...tenantSchema.parse(tenant) })
      catalog.invalidate()
    },
    /** A new edition only: two admins choosing the same id at once get one edition and a 409, never a merge of both. */
    createTenant: (tenant: Tenant) =>
      putNew({ ...tenantKey(tenant.id), ...tenantSchema.parse(tenant) }, () => conflict(`An edition with the id '${tenant.id}' already exists.`, 'tenant_exists')),
    /** A new topic area only: a taken slug is 409 topic_exists, so creating never renames one. */
    createTopic: (topic: Topic) =>
      putNew({ ...topicKey(topic.slug), ...topicSchema.parse(topic) }, () => conflict(`A topic with the slug '${topic.slug}' already exists.`, 'topic_exists')),
    /**
     * Retires a topic area in one conditional write: it must exist and not be retired already (two admins retiring
     * it at once get one answer each, never two redirects). `redirectTo` is checked against the catalog by the caller.
     */
    async retireTopic(slug: string, retired: NonNullable<Topic['retired']>) {
      const done = await db.writeOne({
        Update: {
          Key: topicKey(slug),
          UpdateExpression: 'SET #retired = :retired',
          ConditionExpression: 'attribute_exists(SK) AND attribute_not_exists(#retired)',
          ExpressionAttributeNames: { '#retired': 'retired' },
          ExpressionAttributeValues: { ':retired': topicSchema.shape.retired.parse(retired) },
        },
      })
      catalog.invalidate()
      if (!done) throw (await db.get(topicKey(slug), { consistent: true })) ? conflict(`The topic '${slug}' is already retired.`, 'topic_retired') : notFound(`No topic '${slug}'.`)
    },
    async putTopic(topic: Topic) {
      await db.put({ ...topicKey(topic.slug), ...topicSchema.parse(topic) })
      catalog.invalidate()
    },
  }
}

import { invalidationWrite } from '../content/invalidation-outbox.ts'
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
  /**
   * One conditional update of an existing edition with the CDN's outbox record in the same transaction: every page's
   * header names the editions (the region picker), so the whole distribution is stale (`/*`, one path; a few times a
   * year). False when there is no such edition.
   */
  async function updateEdition(id: string, update: { UpdateExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues?: Record<string, unknown> }, reference: string, now: Date) {
    try {
      await db.transact([{ Update: { Key: tenantKey(id), ConditionExpression: 'attribute_exists(SK)', ...update } }, ...invalidationWrite(['/*'], reference, now)])
      return true
    } catch (error) {
      if ((error as Error).name === 'TransactionCanceledException') return false
      throw error
    } finally {
      catalog.invalidate()
    }
  }
  const writes = {
    /** Writes a whole edition (the seed, tests); the admin area saves through saveTenant, which keeps its visibility. */
    async putTenant(tenant: Tenant) {
      await db.put({ ...tenantKey(tenant.id), ...tenantSchema.parse(tenant) })
      catalog.invalidate()
    },
    /**
     * The admin area's save of an edition's fields: one conditional update that leaves its visibility alone, so a save
     * racing «Gjør synlig for lesere» cannot undo it. An edition that does not exist yet is created hidden, like «Ny utgave».
     */
    async saveTenant(tenant: Omit<Tenant, 'hidden'>, now: Date) {
      const { id, hidden: _kept, ...fields } = tenantSchema.parse(tenant)
      const names = Object.keys(fields)
      const done = await updateEdition(
        id,
        {
          UpdateExpression: `SET ${names.map((_, index) => `#f${index} = :f${index}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(names.map((name, index) => [`#f${index}`, name])),
          ExpressionAttributeValues: Object.fromEntries(names.map((name, index) => [`:f${index}`, fields[name as keyof typeof fields]])),
        },
        `save edition ${id}`,
        now,
      )
      if (!done) await writes.createTenant({ ...tenant, hidden: true })
    },
    /**
     * Shows a hidden edition to readers or hides it again (issue 17). Live is stored as no `hidden` at all, the same as
     * an edition from before visibility existed.
     */
    async setTenantHidden(id: string, hidden: boolean, now: Date) {
      const update = hidden
        ? { UpdateExpression: 'SET #hidden = :hidden', ExpressionAttributeNames: { '#hidden': 'hidden' }, ExpressionAttributeValues: { ':hidden': true } }
        : { UpdateExpression: 'REMOVE #hidden', ExpressionAttributeNames: { '#hidden': 'hidden' } }
      if (!(await updateEdition(id, update, `${hidden ? 'hide' : 'show'} edition ${id}`, now))) throw notFound(`No edition '${id}'.`)
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
  return writes
}

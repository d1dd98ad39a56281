import { Hono } from 'hono'
import * as z from 'zod'
import { assertAdmin, type EditorEnv } from '../auth/middleware.ts'
import { slugSchema, tenantIdSchema } from '../content/schema.ts'
import type { Services } from '../services.ts'
import { badRequest, conflict, notFound } from '../shared/errors.ts'
import { parseOrBadRequest, validate } from '../shared/validation.ts'
import { tenantSchema, topicSchema } from './schema.ts'
import { createSignIns } from './sign-ins.ts'
import { mergeTopicStep } from './topic-merge.ts'

/** Nobody locks themselves out: another admin must take an admin's right or account. */
function refuseOwnAccount(username: string, email: string) {
  if (username.toLowerCase() === email.toLowerCase()) throw badRequest('You cannot deactivate your own account or take your own admin right; ask another admin.', 'own_account')
}

const accessInput = z.object({ tenants: z.array(tenantIdSchema).max(20), admin: z.boolean() })
const editorInput = accessInput.extend({
  email: z.email().max(200),
  name: z.string().trim().min(1).max(120),
})
const tenantParam = z.object({ id: tenantIdSchema })
const emailParam = z.object({ email: z.email().max(200) })

/**
 * `/api/editor/admin/*`: the central secretariat manages editions, topic areas and editor accounts. Written as
 * one chain, so the workspace's admin area (web/editor/api/admin.ts) is typed from it through EditorApiType.
 */
export function adminRoutes(services: Services) {
  const catalog = () => services.catalog.get()
  const assertKnownTenants = async (tenants: string[]) => {
    const known = await catalog()
    // A hidden edition's editors are added before it goes live.
    const unknown = tenants.filter((tenant) => !known.anyTenant(tenant))
    if (unknown.length) throw notFound(`Unknown tenant(s): ${unknown.join(', ')}.`)
  }
  const editionOrNotFound = async (id: string) => {
    const tenant = (await catalog()).anyTenant(id)
    if (!tenant) throw notFound(`No tenant '${id}'.`)
    return tenant
  }
  return (
    new Hono<EditorEnv>()
      .use('*', async (c, next) => {
        assertAdmin(c)
        await next()
      })
      /** Every edition, hidden ones too. */
      .get('/tenants', async (c) => c.json({ items: (await catalog()).allTenants }))
      .get('/tenants/:id', validate('param', tenantParam), async (c) => c.json(await editionOrNotFound(c.req.valid('param').id)))
      /**
       * A new edition (the workspace's «Ny utgave»): refused with 409 tenant_exists if the id is taken, so nothing is
       * overwritten. It is hidden from readers unless `hidden: false` is sent: a region is prepared before it goes live.
       */
      .post('/tenants', validate('json', tenantSchema), async (c) => {
        const { hidden, ...input } = c.req.valid('json')
        const tenant = { ...input, ...(hidden === false ? {} : { hidden: true }) }
        await services.directory?.ensureTenantGroup(tenant.id, `Redaktører i ${tenant.name}`)
        await services.catalog.createTenant(tenant)
        return c.json(tenant, 201)
      })
      /**
       * Creates or updates an edition; a new one gets its `editor:{id}` group so editors can be added to it, and is
       * hidden. Visibility is not part of a save: it changes only through `/visibility`. Both empty the CDN (catalog-writes.ts).
       */
      .put('/tenants/:id', validate('param', tenantParam), validate('json', tenantSchema.omit({ id: true, hidden: true })), async (c) => {
        const { id } = c.req.valid('param')
        const tenant = parseOrBadRequest(tenantSchema.omit({ hidden: true }), { ...c.req.valid('json'), id })
        await services.directory?.ensureTenantGroup(tenant.id, `Redaktører i ${tenant.name}`)
        await services.catalog.saveTenant(tenant, new Date())
        return c.json(await editionOrNotFound(id))
      })
      /** «Gjør synlig for lesere» and back (issue 17). The national edition holds every other one up, so it stays live. */
      .put('/tenants/:id/visibility', validate('param', tenantParam), validate('json', z.object({ visible: z.boolean() })), async (c) => {
        const { id } = c.req.valid('param')
        const { visible } = c.req.valid('json')
        const tenant = await editionOrNotFound(id)
        if (tenant.national && !visible) throw badRequest('The national edition cannot be hidden from readers.', 'national_edition')
        if (!tenant.hidden === visible) return c.json(tenant)
        await services.catalog.setTenantHidden(id, !visible, new Date())
        return c.json(await editionOrNotFound(id))
      })
      /** Every topic area, retired ones too (with where their pages redirect). */
      .get('/topics', async (c) => c.json({ items: (await catalog()).allTopics }))
      .post('/topics', validate('json', topicSchema.omit({ retired: true })), async (c) => {
        const topic = c.req.valid('json')
        await services.catalog.createTopic(topic)
        return c.json(topic, 201)
      })
      /** Creates or updates (renames: the slug, and so every page address, stays); a retired topic stays retired. */
      .put('/topics/:slug', validate('param', z.object({ slug: slugSchema })), validate('json', topicSchema.omit({ slug: true, retired: true })), async (c) => {
        const { slug } = c.req.valid('param')
        const retired = (await catalog()).retiredTopic(slug)?.retired
        const topic = parseOrBadRequest(topicSchema, { ...c.req.valid('json'), slug, ...(retired ? { retired } : {}) })
        await services.catalog.putTopic(topic)
        return c.json(topic)
      })
      /**
       * Retires a topic area: gone from pickers and lists, its pages answer 301 to `redirectTo` (a topic in use) or
       * to the topic index. Items keep the slug until edited; the editor then picks from the topics in use.
       */
      .post('/topics/:slug/retire', validate('param', z.object({ slug: slugSchema })), validate('json', z.object({ redirectTo: slugSchema.optional() })), async (c) => {
        const { slug } = c.req.valid('param')
        const { redirectTo } = c.req.valid('json')
        const known = await catalog()
        if (redirectTo && (redirectTo === slug || !known.topic(redirectTo)))
          throw badRequest(`The replacement topic '${redirectTo}' must be another topic in use.`, 'unknown_topic')
        await services.catalog.retireTopic(slug, { at: new Date().toISOString(), ...(redirectTo ? { redirectTo } : {}) })
        return c.json({ slug, redirectTo: redirectTo ?? null })
      })
      /** Every account with its last sign-in (null when never seen since sign-ins were recorded). */
      /**
       * Merges topic `:slug` into `into`, one bounded step per request (topic-merge.ts): the workspace calls again with
       * the answered `cursor` until it is null; then `:slug` is retired with its pages redirecting to `into`.
       */
      .post(
        '/topics/:slug/merge',
        validate('param', z.object({ slug: slugSchema })),
        validate('json', z.object({ into: slugSchema, cursor: z.string().max(3000).optional() })),
        async (c) => {
          const { slug } = c.req.valid('param')
          const { into, cursor } = c.req.valid('json')
          const known = await catalog()
          if (!known.topic(slug)) throw known.retiredTopic(slug) ? conflict(`The topic '${slug}' is already retired.`, 'topic_retired') : notFound(`No topic '${slug}'.`)
          if (into === slug || !known.topic(into)) throw badRequest(`The topic to merge into, '${into}', must be another topic in use.`, 'unknown_topic')
          const step = await mergeTopicStep(services, slug, into, { cursor, by: c.get('principal').username })
          if (!step.cursor) await services.catalog.retireTopic(slug, { at: new Date().toISOString(), redirectTo: into })
          return c.json({ ...step, done: !step.cursor })
        },
      )
      .get('/editors', async (c) => {
        const [accounts, signIns] = await Promise.all([services.requireDirectory().list(), createSignIns(services.db).all()])
        const items = accounts.sort((a, b) => a.email.localeCompare(b.email)).map((account) => ({ ...account, lastSignInAt: signIns.get(account.email.toLowerCase()) ?? null }))
        return c.json({ items })
      })
      .post('/editors', validate('json', editorInput), async (c) => {
        const input = c.req.valid('json')
        await assertKnownTenants(input.tenants)
        return c.json(await services.requireDirectory().create(input), 201)
      })
      /** An account's editions and admin right, set to exactly these. An admin cannot take their own admin right. */
      .put('/editors/:email/access', validate('param', emailParam), validate('json', accessInput), async (c) => {
        const { email } = c.req.valid('param')
        const access = c.req.valid('json')
        if (!access.admin) refuseOwnAccount(c.get('principal').username, email)
        await assertKnownTenants(access.tenants)
        return c.json(await services.requireDirectory().updateAccess(email, access))
      })
      /**
       * Deactivates or reactivates an account; nothing is deleted, so reactivating gives back what it had. Deactivating
       * also ends its sessions at once (refresh tokens revoked, access tokens refused by the editor API).
       */
      .put('/editors/:email/active', validate('param', emailParam), validate('json', z.object({ active: z.boolean() })), async (c) => {
        const { email } = c.req.valid('param')
        const { active } = c.req.valid('json')
        if (!active) refuseOwnAccount(c.get('principal').username, email)
        const account = await services.requireDirectory().setActive(email, active)
        // The directory ends the sessions; this record makes the editor API refuse the access tokens already out.
        await createSignIns(services.db).setDeactivated(account.email, !active)
        return c.json(account)
      })
  )
}

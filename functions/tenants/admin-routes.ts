import { Hono } from 'hono'
import * as z from 'zod'
import { assertAdmin, type EditorEnv } from '../auth/middleware.ts'
import { slugSchema, tenantIdSchema } from '../content/schema.ts'
import type { Services } from '../services.ts'
import { notFound } from '../shared/errors.ts'
import { parseOrBadRequest, validate } from '../shared/validation.ts'
import { tenantSchema, topicSchema } from './schema.ts'

const editorInput = z.object({
  email: z.email().max(200),
  name: z.string().trim().min(1).max(120),
  tenants: z.array(tenantIdSchema).max(20),
  admin: z.boolean(),
})

/** `/api/editor/admin/*`: the central secretariat manages editions, topic areas and editor accounts. */
export function adminRoutes(services: Services) {
  const app = new Hono<EditorEnv>()
  app.use('*', async (c, next) => {
    assertAdmin(c)
    await next()
  })

  app.get('/tenants', async (c) => c.json({ items: (await services.catalog.get()).tenants }))

  app.get('/tenants/:id', validate('param', z.object({ id: tenantIdSchema })), async (c) => {
    const tenant = (await services.catalog.get()).tenant(c.req.valid('param').id)
    if (!tenant) throw notFound(`No tenant '${c.req.valid('param').id}'.`)
    return c.json(tenant)
  })

  /** Creates or updates an edition; a new one gets its `editor:{id}` group so editors can be added to it. */
  app.put('/tenants/:id', validate('param', z.object({ id: tenantIdSchema })), validate('json', tenantSchema.omit({ id: true })), async (c) => {
    const tenant = parseOrBadRequest(tenantSchema, { ...c.req.valid('json'), id: c.req.valid('param').id })
    await services.directory?.ensureTenantGroup(tenant.id, `Redaktører i ${tenant.name}`)
    await services.catalog.putTenant(tenant)
    return c.json(tenant)
  })

  app.get('/topics', async (c) => c.json({ items: (await services.catalog.get()).topics }))

  app.put('/topics/:slug', validate('param', z.object({ slug: slugSchema })), validate('json', topicSchema.omit({ slug: true })), async (c) => {
    const topic = parseOrBadRequest(topicSchema, { ...c.req.valid('json'), slug: c.req.valid('param').slug })
    await services.catalog.putTopic(topic)
    return c.json(topic)
  })

  app.get('/editors', async (c) => c.json({ items: (await services.requireDirectory().list()).sort((a, b) => a.email.localeCompare(b.email)) }))

  app.post('/editors', validate('json', editorInput), async (c) => {
    const input = c.req.valid('json')
    const catalog = await services.catalog.get()
    const unknown = input.tenants.filter((tenant) => !catalog.tenant(tenant))
    if (unknown.length) throw notFound(`Unknown tenant(s): ${unknown.join(', ')}.`)
    return c.json(await services.requireDirectory().create(input), 201)
  })

  return app
}

import { Hono } from 'hono'
import * as z from 'zod'
import type { EditorEnv } from '../auth/middleware.ts'
import type { Services } from '../services.ts'
import { notFound } from '../shared/errors.ts'
import { createSignIns } from '../tenants/sign-ins.ts'
import { validate } from '../shared/validation.ts'
import { createAutosaves } from './autosave.ts'
import { createPresence } from './presence.ts'
import { itemIdSchema, tenantIdSchema } from './schema.ts'

const itemParams = z.object({ tenant: tenantIdSchema, id: itemIdSchema })
/** The form's fields are not checked against the content schema here: the normal save validates them. */
const autosaveBody = z.object({ baseVersion: z.int().min(1), fields: z.record(z.string(), z.unknown()) })

/**
 * "No lost work" (issue 17): presence heartbeats and the editor's own autosave, per item, behind the tenant guard like
 * every `/tenants/:tenant` route, so an editor of another edition never reaches them (403). Both are keyed by the
 * signed-in editor's username, so nobody reads or removes someone else's autosave (they
 * see none: 204).
 */
export function contentPresenceRoutes(services: Services) {
  const presence = createPresence(services.db)
  const autosaves = createAutosaves(services.db)
  /** No records for items that are not the tenant's. */
  const requireItem = async (tenant: string, id: string) => {
    const item = await services.content.getItem(tenant, id)
    if (!item) throw notFound(`No item ${id} in ${tenant}.`)
    return item
  }

  return new Hono<EditorEnv>()
    // Every 30 s while the item is open and visible: answers who else has it open.
    .post('/items/:id/presence', validate('param', itemParams), async (c) => {
      const { tenant, id } = c.req.valid('param')
      await requireItem(tenant, id)
      const principal = c.get('principal')
      // Names from the editors' records (Cognito's access tokens carry none), so colleagues are not «en redaktør».
      const [others, nameOf] = await Promise.all([presence.heartbeat(tenant, id, principal), createSignIns(services.db).namer()])
      return c.json({ others: others.map((other) => ({ ...other, name: nameOf(other.username) ?? other.name })) })
    })

    .delete('/items/:id/presence', validate('param', itemParams), async (c) => {
      const { tenant, id } = c.req.valid('param')
      await presence.leave(tenant, id, c.get('principal').username)
      return c.body(null, 204)
    })

    // None is an ordinary answer, not an error: 204, so opening an item does not log a failed request in the browser.
    .get('/items/:id/autosave', validate('param', itemParams), async (c) => {
      const { tenant, id } = c.req.valid('param')
      const found = await autosaves.get(tenant, id, c.get('principal').username)
      if (!found) return c.body(null, 204)
      return c.json(found, 200)
    })

    .put('/items/:id/autosave', validate('param', itemParams), validate('json', autosaveBody), async (c) => {
      const { tenant, id } = c.req.valid('param')
      await requireItem(tenant, id)
      return c.json(await autosaves.put(tenant, id, c.get('principal').username, c.req.valid('json')))
    })

    .delete('/items/:id/autosave', validate('param', itemParams), async (c) => {
      const { tenant, id } = c.req.valid('param')
      await autosaves.discard(tenant, id, c.get('principal').username)
      return c.body(null, 204)
    })
}

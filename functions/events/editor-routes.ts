import { Hono } from 'hono'
import * as z from 'zod'
import type { EditorEnv } from '../auth/middleware.ts'
import { itemIdSchema } from '../content/schema.ts'
import type { Db } from '../shared/db.ts'
import { notFound } from '../shared/errors.ts'
import { validate } from '../shared/validation.ts'
import { participantsCsv } from './csv.ts'
import { createOrganiserSignups } from './organiser.ts'
import { signupExpiresAt, type EventItem } from './registration.ts'

const eventParams = z.object({ id: itemIdSchema })
const osloTime = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'short' })

/**
 * `/api/editor/tenants/:tenant/events/:id/signups[.csv]` and `…/signups/closed`: the organisers' view of an event's
 * sign-ups, behind the editor API's one tenant guard. The event is looked up in the guarded tenant, and its
 * participants are read from that tenant's partition only, so another edition's editor gets 403 from the guard, and
 * an id from another edition is 404 here.
 */
export function eventEditorRoutes(services: { db: Db; content: { getItem(tenant: string, id: string): Promise<{ type: string } | undefined> } }) {
  const organiser = createOrganiserSignups(services.db)

  async function eventOf(tenant: string, id: string): Promise<EventItem> {
    const item = await services.content.getItem(tenant, id)
    if (!item || item.type !== 'arrangementer') throw notFound(`No event ${id} in ${tenant}.`)
    return item as unknown as EventItem
  }

  return new Hono<EditorEnv>()
    .get('/events/:id/signups', validate('param', eventParams), async (c) => {
      const event = await eventOf(c.get('tenant'), c.req.valid('param').id)
      return c.json(await organiser.list(event.tenant, event.id))
    })

    .get('/events/:id/signups.csv', validate('param', eventParams), async (c) => {
      const event = await eventOf(c.get('tenant'), c.req.valid('param').id)
      const csv = participantsCsv(await organiser.list(event.tenant, event.id), (iso) => osloTime.format(new Date(iso)))
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="pameldte-${event.slug}.csv"`,
      })
    })

    .put('/events/:id/signups/closed', validate('param', eventParams), validate('json', z.object({ closed: z.boolean() })), async (c) => {
      const event = await eventOf(c.get('tenant'), c.req.valid('param').id)
      await organiser.setClosed(event.tenant, event.id, c.req.valid('json').closed, signupExpiresAt(event))
      return c.json(await organiser.list(event.tenant, event.id))
    })
}

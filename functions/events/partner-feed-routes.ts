import { Hono } from 'hono'
import * as z from 'zod'
import type { EditorEnv } from '../auth/middleware.ts'
import { itemIdSchema } from '../content/schema.ts'
import { badRequest, conflict, notFound } from '../shared/errors.ts'
import { validate } from '../shared/validation.ts'
import { maxFeedsPerTenant, partnerFeedInputSchema, type ImportedEvent } from './partner-feed-model.ts'
import type { PartnerFeedStore } from './partner-feeds.ts'

const feedParams = z.object({ id: itemIdSchema })
/** The newest imported events the workspace lists, across the edition's feeds. */
export const importedListLimit = 100

const isLoopbackHttp = (url: URL) => url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)

export interface PartnerFeedRouteServices {
  feeds: PartnerFeedStore
  content: { getItem(tenant: string, id: string): Promise<{ status: string } | undefined> }
  /** The local runner's fixture feeds are http on loopback (RuntimeConfig.partnerFeeds); elsewhere https only. */
  allowLoopback?: boolean
}

/**
 * `/api/editor/tenants/:tenant/partner-feeds[/:id[/fetch]]` (issue 13), behind the editor API's one tenant guard: the
 * edition's subscriptions to partners' calendars, the events they brought in and how each draft stands, subscribing,
 * unsubscribing and "hent nå". Every read and write names the guarded tenant's partition, so another edition's
 * editor gets 403 from the guard and another edition's feed id is 404 here. Feeds are fetched by the scheduler only
 * (partner-feed-schedule.ts): "hent nå" makes one due at once, so the editor API never reaches out to the internet and
 * carries no iCalendar parser.
 */
export function partnerFeedEditorRoutes(services: PartnerFeedRouteServices) {
  const { feeds } = services

  async function feedOf(tenant: string, id: string) {
    const feed = await feeds.get(tenant, id)
    if (!feed) throw notFound(`No partner feed ${id} in ${tenant}.`)
    return feed
  }

  return new Hono<EditorEnv>()
    .get('/partner-feeds', async (c) => {
      const tenant = c.get('tenant')
      const list = await feeds.list(tenant)
      const sources = (await Promise.all(list.map(async (feed) => (await feeds.sources(tenant, feed.id)).map((source) => ({ ...source, partner: feed.partner })))))
        .flat()
        .sort((a, b) => b.importedAt.localeCompare(a.importedAt))
        .slice(0, importedListLimit)
      const imported: ImportedEvent[] = await Promise.all(sources.map(async (source) => ({ ...source, status: (await services.content.getItem(tenant, source.itemId))?.status })))
      return c.json({ feeds: list, imported })
    })

    .post('/partner-feeds', validate('json', partnerFeedInputSchema), async (c) => {
      const tenant = c.get('tenant')
      const input = c.req.valid('json')
      const url = new URL(input.url)
      // The fetcher refuses it too; saying so now spares the editor waiting for the first run's problem.
      if (url.protocol !== 'https:' && !(services.allowLoopback && isLoopbackHttp(url)))
        throw badRequest('Only https calendar addresses can be subscribed to.', 'feed_not_https')
      if ((await feeds.list(tenant)).length >= maxFeedsPerTenant)
        throw conflict(`An edition subscribes to at most ${maxFeedsPerTenant} partner calendars. Remove one first.`, 'too_many_feeds')
      return c.json(await feeds.add(tenant, input, c.get('principal').username), 201)
    })

    .delete('/partner-feeds/:id', validate('param', feedParams), async (c) => {
      const feed = await feedOf(c.get('tenant'), c.req.valid('param').id)
      await feeds.remove(feed.tenant, feed.id)
      return c.body(null, 204)
    })

    .post('/partner-feeds/:id/fetch', validate('param', feedParams), async (c) => {
      const feed = await feedOf(c.get('tenant'), c.req.valid('param').id)
      if (!(await feeds.markDue(feed.tenant, feed.id))) throw notFound(`No partner feed ${feed.id} in ${feed.tenant}.`)
      return c.json(await feedOf(feed.tenant, feed.id), 202)
    })
}

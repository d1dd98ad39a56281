import type { Context } from 'hono'
import { Hono } from 'hono'
import { isSlug } from '../content/vocabulary.ts'
import { NATIONAL_TENANT, type ReaderServices } from '../reader-services.ts'
import { sendWithValidator } from '../../web/site/conditional.ts'
import { publicOrigin } from '../../web/site/origin.ts'
import { calendarFileText as calendarText } from '../../web/site/pages/calendar-file-text.ts'
import { gone, notFound, pageCacheControl } from '../../web/site/pages-kit.tsx'
import { calendarOf, type PublishedEvent } from './calendar.ts'
import { upcomingEventsOf } from './calendar-feed.ts'
import { calendarTopicParam } from './calendar-paths.ts'

/**
 * The calendars (issue 13), in the events function behind `eventCalendarPathPatterns` (infra/definitions.ts) so the
 * `ics` writer stays out of the site's bundle: one event as a file (`/{tenant}/arrangementer/{slug}.ics`), and an
 * edition's upcoming events as a calendar to subscribe to (`/arrangementer.ics` national, `/{edition}/arrangementer.ics`,
 * either narrowed by `?tema={topic}`). Cached like pages, with a validator so a calendar app polling an unchanged
 * feed gets a 304.
 */
export function calendarRoutes(services: ReaderServices, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date())
  const app = new Hono()

  const send = (c: Context, body: string, filename: string) =>
    sendWithValidator(c, body, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'cache-control': pageCacheControl,
      'content-disposition': `inline; filename="${filename}"`,
    })

  async function editionFeed(c: Context, editionId: string) {
    const catalog = await services.catalog.get()
    const edition = catalog.tenant(editionId)
    if (!edition) throw notFound()
    const topicSlug = c.req.query(calendarTopicParam) || undefined
    const topic = topicSlug ? catalog.topic(topicSlug) : undefined
    if (topicSlug && !topic) throw notFound()
    const events = await upcomingEventsOf(services, edition.id, now(), topic?.slug)
    const name = topic ? calendarText.calendarNameTopic(edition.name, topic.name) : calendarText.calendarName(edition.name)
    const body = calendarOf(events, { origin: publicOrigin(c, services.config), name })
    return send(c, body, `arrangementer${topic ? `-${topic.slug}` : ''}.ics`)
  }

  app.get('/arrangementer.ics', (c) => editionFeed(c, NATIONAL_TENANT))
  app.get('/:edition/arrangementer.ics', (c) => editionFeed(c, c.req.param('edition')))

  app.get('/:tenant/arrangementer/:file{[a-z0-9-]+\\.ics}', async (c) => {
    const tenant = c.req.param('tenant')
    const slug = c.req.param('file').slice(0, -'.ics'.length)
    if (!isSlug(tenant) || !isSlug(slug)) throw notFound()
    const catalog = await services.catalog.get()
    const owner = catalog.tenant(tenant)
    if (!owner) throw notFound()
    const view = await services.content.readerView(owner.id, 'arrangementer', slug)
    if (view === 'gone') throw gone()
    if (!view || view.type !== 'arrangementer') throw notFound()
    const body = calendarOf([view as PublishedEvent], { origin: publicOrigin(c, services.config), name: view.title })
    return send(c, body, `${slug}.ics`)
  })

  return app
}

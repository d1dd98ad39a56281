import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { NATIONAL_TENANT } from '../../../functions/reader-services.ts'
import { TopicIndexPage, TopicPage } from '../pages/topics.tsx'
import { notFound, type Pages } from '../pages-kit.tsx'
import { paths, topicSegment } from '../paths.ts'

/** `/fagtema[/{slug}]` and `/{edition}/fagtema[/{slug}]`: the topic areas and what each edition has on one. */
export function topicRoutes(pages: Pages) {
  const { services } = pages
  const app = new Hono()

  const editionOf = async (c: Context) => {
    const catalog = await services.catalog.get()
    const edition = catalog.tenant(c.req.param('edition') ?? NATIONAL_TENANT)
    if (!edition) throw notFound()
    return { catalog, editionId: edition.id }
  }

  const index = async (c: Context) => {
    const { catalog, editionId } = await editionOf(c)
    return pages.render(c, <TopicIndexPage ctx={pages.pageContext(c, catalog, editionId)} />)
  }

  const topic = async (c: Context) => {
    const { catalog, editionId } = await editionOf(c)
    const slug = c.req.param('slug') ?? ''
    const found = catalog.topic(slug)
    if (!found) {
      // A retired topic area (issue 17): its readers' links and search engines' copies move on, never to a 404.
      const retired = catalog.retiredTopic(slug)?.retired
      if (!retired) throw notFound()
      return pages.moved(c, retired.redirectTo ? paths.topic(editionId, retired.redirectTo) : paths.topics(editionId))
    }
    const cards = await services.content.topicCards(editionId, found.slug, { limit: 200 })
    return pages.render(c, <TopicPage ctx={pages.pageContext(c, catalog, editionId)} topic={found} cards={cards.items} />)
  }

  app.get(`/${topicSegment}`, index)
  app.get(`/${topicSegment}/:slug`, topic)
  app.get(`/:edition/${topicSegment}`, index)
  app.get(`/:edition/${topicSegment}/:slug`, topic)
  return app
}

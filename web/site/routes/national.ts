import { Hono } from 'hono/tiny'
import { isContentType } from '../../../functions/content/vocabulary.ts'
import { NATIONAL_TENANT } from '../../../functions/reader-services.ts'
import { notFound, type Pages } from '../pages-kit.tsx'
import { paths, topicSegment } from '../paths.ts'
import { typeParam } from './params.ts'

/**
 * The national edition lives at the root, so its pages under `/nasjonal` move there for good. Only paths the
 * site knows move, and the Location is built by `paths`, never copied from the request: anything else under
 * `/nasjonal/` is a 404 (a copied `//evil.example` would make this an open redirect). National items keep
 * their canonical `/nasjonal/{type}/{slug}` address; the item routes serve them.
 */
export function nationalRedirects(pages: Pages) {
  const app = new Hono()
  const national = `/${NATIONAL_TENANT}`
  app.get(national, (c) => pages.moved(c, paths.home(NATIONAL_TENANT)))
  app.get(`${national}/${typeParam}`, (c) => {
    const type = c.req.param('type') ?? ''
    if (!isContentType(type)) throw notFound()
    return pages.moved(c, paths.listing(NATIONAL_TENANT, type))
  })
  app.get(`${national}/${topicSegment}`, (c) => pages.moved(c, paths.topics(NATIONAL_TENANT)))
  app.get(`${national}/${topicSegment}/:slug`, async (c) => {
    const topic = (await pages.services.catalog.get()).topic(c.req.param('slug'))
    if (!topic) throw notFound()
    return pages.moved(c, paths.topic(NATIONAL_TENANT, topic.slug))
  })
  return app
}

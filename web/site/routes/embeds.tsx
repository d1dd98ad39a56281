import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { Hono } from 'hono/tiny'
import * as z from 'zod/mini'
import { toCard } from '../../../functions/content/card.ts'
import { latestSegment } from '../../../functions/embeds/paths.ts'
import { firstProblem, latestQuerySchema } from '../../../functions/embeds/schema.ts'
import { NATIONAL_TENANT } from '../../../functions/reader-services.ts'
import { requestLog } from '../../../functions/shared/request-log.ts'
import { embedPathPrefix } from '../../../infra/definitions.ts'
import { embedText } from '../pages/embed-text.ts'
import { newestCards } from '../newest-cards.ts'
import { EmbedCardPage, EmbedErrorPage, EmbedLatestPage } from '../pages/embed.tsx'
import { notFound, ReaderError, type Pages } from '../pages-kit.tsx'
import { findPublished } from './items.tsx'
import { typeParam } from './params.ts'

/**
 * The embeddable pages (issue 18), under `/innebygd/`: CloudFront gives them a headers policy of their own, the one
 * that lets any origin frame a page (infra/definitions.ts embedContentSecurityPolicy). Nothing here reads or sets a
 * cookie: a frame's page is the same for every host that shows it. Errors render as embeds too, so a broken link
 * fills its frame with a short notice rather than the site's whole error page.
 */
export function embedRoutes(pages: Pages) {
  const { services } = pages
  const app = new Hono()
  const base = embedPathPrefix.slice(0, -1)

  app.get(`${base}/:tenant/${typeParam}/:slug`, async (c) => {
    const { catalog, owner, item } = await findPublished(services, c.req.param('tenant') ?? '', c.req.param('type') ?? '', c.req.param('slug') ?? '')
    return pages.render(c, <EmbedCardPage ctx={pages.pageContext(c, catalog, owner.id)} item={item} owner={owner} card={toCard(item)} />)
  })

  app.get(`${base}/:edition/${latestSegment}`, async (c) => {
    const catalog = await services.catalog.get()
    const edition = catalog.tenant(c.req.param('edition') ?? '')
    if (!edition) throw notFound()
    const parsed = z.safeParse(latestQuerySchema, c.req.query())
    if (!parsed.success) throw new ReaderError(firstProblem(parsed.error))
    const { tema, type, antall } = parsed.data
    const topic = tema === undefined ? undefined : catalog.topic(tema)
    if (tema !== undefined && !topic) throw new ReaderError(embedText.unknownTopic(tema))
    return pages.render(c, <EmbedLatestPage ctx={pages.pageContext(c, catalog, edition.id)} topic={topic} cards={await newestCards(services, edition.id, { topic: topic?.slug, type }, antall)} />)
  })

  // Any other path under the prefix is this module's 404, so it answers as an embed too.
  app.get(`${base}/*`, () => {
    throw notFound()
  })

  app.onError(async (error, c: Context) => {
    const status = error instanceof HTTPException && [400, 404, 410].includes(error.status) ? (error.status as 400 | 404 | 410) : 500
    if (status === 500) requestLog(c).error('Unhandled error', { error })
    const detail = error instanceof ReaderError ? error.message : undefined
    const ctx = pages.pageContext(c, await services.catalog.get(), NATIONAL_TENANT)
    return pages.render(c, <EmbedErrorPage ctx={ctx} status={status} detail={detail} />, status)
  })
  return app
}

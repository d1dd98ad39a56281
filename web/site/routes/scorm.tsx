import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { createAttempts } from '../../../functions/courses/exam-attempts.ts'
import { ATTEMPT_ID_LENGTH } from '../../../functions/courses/exam-draw.ts'
import { resultPath, scormAttemptPath } from '../../../functions/courses/exam-paths.ts'
import { isCode } from '../../../functions/courses/exam-random.ts'
import type { Attempt } from '../../../functions/courses/exam-types.ts'
import { scormPrefix } from '../../../functions/media/keys.ts'
import { notFound, type Pages } from '../pages-kit.tsx'
import { privatePage } from './exams.tsx'
import { preferredRegion } from '../region.ts'
import { playerUrl, ScormPlayerPage, ScormResultPage } from '../pages/scorm-pages.tsx'

/**
 * A SCORM course's reader pages: the player for one attempt, and its result with the kursbevis form. They read the
 * attempt only (one GetItem, and the catalog for the layout): the attempt carries what the page needs, so a course
 * republished meanwhile does not change an attempt in progress. The forms post to the exams function
 * (functions/courses/scorm-routes.ts).
 */
export function scormRoutes(pages: Pages) {
  const { services } = pages
  const attempts = createAttempts(services.db, { now: pages.now })
  const app = new Hono()

  const attemptOf = async (c: Context): Promise<Attempt> => {
    const id = c.req.param('attempt') ?? ''
    if (!isCode(id, ATTEMPT_ID_LENGTH)) throw notFound()
    const attempt = await attempts.get(id)
    if (!attempt || attempt.kind !== 'scorm' || attempt.tenant !== c.req.param('tenant') || attempt.slug !== c.req.param('slug')) throw notFound()
    return attempt
  }
  const contextFor = async (c: Context, owner: string) => {
    const catalog = await services.catalog.get()
    return pages.pageContext(c, catalog, preferredRegion(c, catalog) ?? owner)
  }

  app.get('/:tenant/e-kurs/:slug/scorm/:attempt', async (c) => {
    const attempt = await attemptOf(c)
    if (attempt.scoredAt) return privatePage(c.redirect(resultPath(attempt), 303))
    const ctx = await contextFor(c, attempt.tenant)
    const version = attempt.scormVersion === '2004' ? '2004' : '12'
    const page = ctx.assets[`scorm-player-${version}.html`]
    const scormOrigin = services.config.scormOrigin
    const player =
      page && scormOrigin && attempt.packageId && attempt.launch
        ? playerUrl({ scormOrigin, playerPage: page, packagePath: `/${scormPrefix(attempt.tenant, attempt.packageId)}`, launch: attempt.launch, siteOrigin: ctx.origin, packageId: attempt.packageId, title: attempt.courseTitle })
        : undefined
    const code = c.req.query('feil')
    const error = code ? { code: code.slice(0, 20), wait: Number(c.req.query('vent')) || undefined } : undefined
    return privatePage(await pages.render(c, <ScormPlayerPage ctx={ctx} attempt={attempt} player={player} error={error} />))
  })

  app.get('/:tenant/e-kurs/:slug/scorm/:attempt/resultat', async (c) => {
    const attempt = await attemptOf(c)
    if (!attempt.scoredAt) return privatePage(c.redirect(scormAttemptPath(attempt), 303))
    const ctx = await contextFor(c, attempt.tenant)
    const error = c.req.query('feil')
    return privatePage(await pages.render(c, <ScormResultPage ctx={ctx} attempt={attempt} nameError={error === undefined ? undefined : error.slice(0, 20)} />))
  })

  return app
}

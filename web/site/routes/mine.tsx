import { Hono } from 'hono/tiny'
import { NATIONAL_TENANT } from '../../../functions/reader-services.ts'
import { MyCoursesPage } from '../pages/course-mine.tsx'
import type { Pages } from '../pages-kit.tsx'
import { preferredRegion } from '../region.ts'

/** `/mine-kurs`: the same shell for every reader (their progress never leaves the browser); no storage read. */
export function myCoursesRoutes(pages: Pages) {
  const app = new Hono()
  app.get('/mine-kurs', async (c) => {
    const catalog = await pages.services.catalog.get()
    const ctx = pages.pageContext(c, catalog, preferredRegion(c, catalog) ?? NATIONAL_TENANT)
    return pages.renderCached(c, pages.pageKey(ctx, 'mine-kurs'), () => <MyCoursesPage ctx={ctx} />)
  })
  return app
}

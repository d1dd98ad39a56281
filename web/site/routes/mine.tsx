import { Hono } from 'hono/tiny'
import type { VNode } from 'preact'
import { NATIONAL_TENANT } from '../../../functions/reader-services.ts'
import type { PageContext } from '../layout.tsx'
import { MyCoursesPage } from '../pages/course-mine.tsx'
import { MinePage } from '../pages/mine.tsx'
import type { Pages } from '../pages-kit.tsx'
import { paths } from '../paths.ts'
import { preferredRegion } from '../region.ts'

/**
 * `/mine-kurs` (course progress) and `/mine` (favourites and saved content, issue 14): the same shell for every reader,
 * since what they show never leaves the browser; no storage read. Islands fill them in.
 */
export function myCoursesRoutes(pages: Pages) {
  const app = new Hono()
  const shell = (path: string, Page: (props: { ctx: PageContext }) => VNode) =>
    app.get(path, async (c) => {
      const catalog = await pages.services.catalog.get()
      const ctx = pages.pageContext(c, catalog, preferredRegion(c, catalog) ?? NATIONAL_TENANT)
      return pages.renderCached(c, pages.pageKey(ctx, path), () => <Page ctx={ctx} />)
    })
  shell(paths.myCourses, MyCoursesPage)
  shell(paths.mine, MinePage)
  return app
}

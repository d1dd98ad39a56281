import { Hono } from 'hono/tiny'
import { NATIONAL_TENANT } from '../../../functions/reader-services.ts'
import { DevelopersPage } from '../pages/developers.tsx'
import type { Pages } from '../pages-kit.tsx'
import { paths } from '../paths.ts'

/** `/for-utviklere`: one page for every edition (the API and feeds are the same), in the national edition's dress. */
export function developerRoutes(pages: Pages) {
  const app = new Hono()
  app.get(paths.developers, async (c) => pages.render(c, <DevelopersPage ctx={pages.pageContext(c, await pages.services.catalog.get(), NATIONAL_TENANT)} />))
  return app
}

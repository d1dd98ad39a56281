import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { HOME_FEATURED } from '../../../functions/content/featured.ts'
import { NATIONAL_TENANT } from '../../../functions/reader-services.ts'
import { AccessibilityPage } from '../pages/accessibility.tsx'
import { HomePage } from '../pages/home.tsx'
import { notFound, pageCacheControl, type Pages } from '../pages-kit.tsx'
import { publicOrigin } from '../origin.ts'
import { paths } from '../paths.ts'
import { REGION_PARAM, rememberRegion, rememberedRegion } from '../region.ts'

const HOME_NEWEST = 12
/** Editors may feature at most this many items per edition: the editor API enforces the same constant. */
export { HOME_FEATURED }

/**
 * `/` and `/{edition}`: an edition's home page; the region picker and the accessibility statement beside
 * them. Mounted after every other page, because `/:edition` would otherwise take their first segments.
 */
export function homeRoutes(pages: Pages) {
  const { services } = pages
  const app = new Hono()

  async function home(c: Context, editionId: string) {
    const catalog = await services.catalog.get()
    // Featured entries sort first in the edition's feed, so one query brings both rows of the home page.
    const [feed, events] = await Promise.all([
      services.content.listEdition(editionId, { limit: HOME_NEWEST + HOME_FEATURED }),
      services.content.upcomingEvents(editionId, { from: pages.now(), limit: 4 }),
    ])
    const featured = feed.items.filter((card) => card.featured).slice(0, HOME_FEATURED)
    const newest = feed.items.filter((card) => !card.featured).slice(0, HOME_NEWEST)
    const ctx = pages.pageContext(c, catalog, editionId)
    const key = pages.pageKey(ctx, 'home', pages.dataKey([featured, newest, events.items]))
    return pages.renderCached(c, key, () => <HomePage ctx={ctx} featured={featured} newest={newest} events={events.items} />)
  }

  app.get('/', async (c) => {
    // A reader who chose a region lands on its edition; "Hele landet" is a choice too.
    const remembered = rememberedRegion(c, await services.catalog.get())
    if (remembered && remembered !== NATIONAL_TENANT) {
      c.header('cache-control', pageCacheControl)
      return c.redirect(paths.home(remembered), 302)
    }
    return home(c, NATIONAL_TENANT)
  })

  app.get(paths.chooseRegion, async (c) => {
    const choice = (await services.catalog.get()).tenant(c.req.query(REGION_PARAM) ?? '')
    c.header('cache-control', 'no-store')
    if (!choice) return c.redirect('/', 303)
    rememberRegion(c, choice.id, publicOrigin(c, services.config).startsWith('https:'))
    return c.redirect(paths.home(choice.id), 303)
  })

  app.get(paths.accessibility, async (c) => pages.render(c, <AccessibilityPage ctx={pages.pageContext(c, await services.catalog.get(), NATIONAL_TENANT)} />))

  app.get('/:edition', async (c) => {
    const edition = (await services.catalog.get()).tenant(c.req.param('edition'))
    if (!edition) throw notFound()
    return home(c, edition.id)
  })

  return app
}

import { Hono } from 'hono/tiny'
import type { ReaderServices as Services } from '../../functions/reader-services.ts'
import { discoveryRoutes } from './discovery.ts'
import { atomRoutes } from './routes/atom.ts'
import { developerRoutes } from './routes/developers.tsx'
import { editorShellRoutes } from './editor-shell.tsx'
import { embedRoutes } from './routes/embeds.tsx'
import { readerErrorHandler, readerNotFound } from './errors.tsx'
import { createPages, type SiteOptions } from './pages-kit.tsx'
import { examRoutes } from './routes/exams.tsx'
import { scormRoutes } from './routes/scorm.tsx'
import { homeRoutes } from './routes/home.tsx'
import { itemRoutes } from './routes/items.tsx'
import { listingRoutes } from './routes/listings.tsx'
import { nationalRedirects } from './routes/national.ts'
import { topicRoutes } from './routes/topics.tsx'
import { courseRoutes } from './routes/courses.tsx'
import { myCoursesRoutes } from './routes/mine.tsx'
import { appManifestRoutes } from './routes/app-manifest.ts'
import { requestLogging } from '../../functions/shared/request-log.ts'

export type { SiteOptions } from './pages-kit.tsx'
export { HOME_FEATURED } from './routes/home.tsx'

/**
 * The reader site: server-rendered Preact, readable without JavaScript. Each page is a route module whose
 * patterns match only the segments it knows (see routes/params.ts); a path none of them knows is the 404 page.
 * Every module builds its app from `hono/tiny` (one PatternRouter): a few dozen routes need neither the
 * RegExpRouter nor the TrieRouter that `hono` bundles, 6 KB this function parses at every cold start.
 */
export function createSiteApp(services: Services, options: SiteOptions) {
  const pages = createPages(services, options)
  const app = new Hono()
  app.use('*', requestLogging())

  // Order matters where patterns overlap: fixed first segments before `/:edition`, `/nasjonal/…` before `/:edition/…`.
  app.route('/', discoveryRoutes(services))
  // Atom feeds (issue 18): `/:edition/atom.xml` before any `/:edition/…` page pattern.
  app.route('/', atomRoutes(services))
  app.route('/', developerRoutes(pages))
  app.route('/', appManifestRoutes(services, options.assets))
  app.route('/', editorShellRoutes(options.assets))
  // Embeds (issue 18) before every `/:edition/…` pattern: `/innebygd/…` is theirs alone, errors included.
  app.route('/', embedRoutes(pages))
  app.route('/', nationalRedirects(pages))
  app.route('/', topicRoutes(pages))
  app.route('/', listingRoutes(pages))
  // Courses and their lessons before the item routes, which would show a course as a plain item.
  app.route('/', courseRoutes(pages))
  app.route('/', myCoursesRoutes(pages))
  app.route('/', examRoutes(pages))
  app.route('/', scormRoutes(pages))
  app.route('/', itemRoutes(pages))
  app.route('/', homeRoutes(pages))

  app.notFound(readerNotFound(pages))
  app.onError(readerErrorHandler(pages))

  return app
}

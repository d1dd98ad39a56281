import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ZodError } from 'zod'
import { requireEditor, type EditorEnv } from './auth/middleware.ts'
import { meRoutes, sessionRoutes } from './auth/routes.ts'
import { contentEditorRoutes } from './content/editor-routes.ts'
import { followRoutes } from './content/follow-routes.ts'
import { mediaRoutes, type MediaRoutesOptions } from './media/routes.ts'
import { publicContentRoutes } from './content/routes.ts'
import type { AssetManifest } from '../web/assets.ts'
import { healthRoutes } from './health/routes.ts'
import type { Services } from './services.ts'
import { adminRoutes } from './tenants/admin-routes.ts'
import { DetailedError } from './shared/errors.ts'
import { describeIssues } from './shared/validation.ts'

/** The `/api/*` app: the same object runs in the api Lambda and behind the local router. */
export interface ApiOptions {
  /** Hashed asset names, for the editor's preview (which renders the reader page). */
  assets?: () => AssetManifest
  /** Upload thresholds (tests use small multipart parts). */
  media?: MediaRoutesOptions
}

export function createApiApp(services: Services, options: ApiOptions = {}) {
  const assets = options.assets ?? (() => ({}))
  const app = new Hono().basePath('/api')
  app.route('/health', healthRoutes(services))
  app.route('/v1', publicContentRoutes(services))

  // Everything under /api/editor needs a valid editor token, except the sign-in configuration itself.
  const editor = new Hono<EditorEnv>()
  editor.route('/', sessionRoutes(services))
  editor.use('*', requireEditor(services.tokenVerifier))
  editor.use('*', async (c, next) => {
    await next()
    c.header('cache-control', 'no-store')
  })
  editor.route('/', meRoutes(services))
  editor.route('/tenants/:tenant', contentEditorRoutes(services, { assets }))
  editor.route('/tenants/:tenant', followRoutes(services))
  editor.route('/tenants/:tenant', mediaRoutes(services, options.media))
  editor.route('/admin', adminRoutes(services))
  app.route('/editor', editor)

  app.notFound((c) => c.json({ error: `No API route ${c.req.method} ${c.req.path}` }, 404))
  app.onError((error, c) => {
    if (error instanceof DetailedError) return c.json({ error: error.message, ...error.details }, error.status)
    if (error instanceof HTTPException) return c.json({ error: error.message }, error.status)
    // Stored data failing its schema is our fault, not the client's: 500, but say so plainly.
    if (error instanceof ZodError) console.error('Schema violation', describeIssues(error.issues))
    else console.error(error)
    return c.json({ error: 'Internal error. It has been logged; try again shortly.' }, 500)
  })
  return app
}

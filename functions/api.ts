import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { ZodError } from 'zod'
import { requireEditor, tenantGuard, type EditorEnv } from './auth/middleware.ts'
import { meRoutes, sessionRoutes } from './auth/routes.ts'
import { contentEditorRoutes } from './content/editor-routes.ts'
import { followRoutes } from './content/follow-routes.ts'
import { mediaRoutes, type MediaRoutesOptions } from './media/routes.ts'
import { publicContentRoutes } from './content/routes.ts'
import type { AssetManifest } from '../web/assets.ts'
import { healthRoutes } from './health/routes.ts'
import type { Services } from './services.ts'
import { adminRoutes } from './tenants/admin-routes.ts'
import { errorBody, payloadTooLarge } from './shared/errors.ts'
import { describeIssues } from './shared/validation.ts'

/** The `/api/*` app: the same object runs in the api Lambda and behind the local router. */
export interface ApiOptions {
  /** Hashed asset names, for the editor's preview (which renders the reader page). */
  assets?: () => AssetManifest
  /** Upload thresholds (tests use small multipart parts). */
  media?: MediaRoutesOptions
}

/** Every editor request body, at most; items themselves are checked against DynamoDB's 400 KB before writing. */
export const maxEditorBodyBytes = 512 * 1024

export function createApiApp(services: Services, options: ApiOptions = {}) {
  const assets = options.assets ?? (() => ({}))
  const app = new Hono().basePath('/api')
  app.route('/health', healthRoutes(services))
  app.route('/v1', publicContentRoutes(services))

  // Everything under /api/editor needs a valid editor token, except the sign-in configuration itself.
  const editor = new Hono<EditorEnv>()
  editor.route('/', sessionRoutes(services))
  editor.use('*', requireEditor(services.tokenVerifier))
  // Nothing an editor sends is bigger than a DynamoDB item (400 KB) plus its JSON punctuation; refuse more before
  // reading it, so a huge body costs no CPU.
  editor.use(
    '*',
    bodyLimit({
      maxSize: maxEditorBodyBytes,
      onError: () => {
        throw payloadTooLarge(`The request body is larger than ${maxEditorBodyBytes / 1024} KB. Shorten the text or split it into several items.`)
      },
    }),
  )
  editor.use('*', async (c, next) => {
    await next()
    c.header('cache-control', 'no-store')
  })
  editor.route('/', meRoutes(services))
  editor.use('/tenants/:tenant/*', tenantGuard(async (tenant) => Boolean((await services.catalog.get()).tenant(tenant))))
  editor.route('/tenants/:tenant', contentEditorRoutes(services, { assets }))
  editor.route('/tenants/:tenant', followRoutes(services))
  editor.route('/tenants/:tenant', mediaRoutes(services, options.media))
  editor.route('/admin', adminRoutes(services))
  app.route('/editor', editor)

  app.notFound((c) => c.json({ error: `No API route ${c.req.method} ${c.req.path}`, code: 'not_found' }, 404))
  app.onError((error, c) => {
    if (error instanceof HTTPException) return c.json(errorBody(error), error.status)
    // Stored data failing its schema is our fault, not the client's: 500, but say so plainly.
    if (error instanceof ZodError) console.error('Schema violation', describeIssues(error.issues))
    else console.error(error)
    return c.json({ error: 'Internal error. It has been logged; try again shortly.', code: 'internal' }, 500)
  })
  return app
}

import { HeadBucketCommand } from '@aws-sdk/client-s3'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AssetManifest } from '../web/assets.ts'
import { analyticsEditorRoutes } from './analytics/editor-routes.ts'
import { requireEditor, tenantGuard, type EditorEnv } from './auth/middleware.ts'
import { meRoutes, sessionRoutes } from './auth/routes.ts'
import { contentEditorRoutes } from './content/editor-routes.ts'
import { contentBinRoutes } from './content/bin-routes.ts'
import { contentPresenceRoutes } from './content/presence-routes.ts'
import { courseEditorRoutes } from './courses/routes.ts'
import { followRoutes } from './content/follow-routes.ts'
import { examEditorRoutes } from './courses/exam-editor-routes.ts'
import { eventEditorRoutes } from './events/editor-routes.ts'
import { sesMailer, type Mailer } from './events/mail.ts'
import { partnerFeedEditorRoutes } from './events/partner-feed-routes.ts'
import { createPartnerFeeds } from './events/partner-feeds.ts'
import { createIssues } from './newsletter/issues.ts'
import { newsletterEditorRoutes } from './newsletter/editor-routes.ts'
import { dynamoProbe, healthRoutes } from './health/routes.ts'
import { mediaRoutes, type MediaRoutesOptions } from './media/routes.ts'
import type { Services } from './services.ts'
import { onApiError, onApiNotFound } from './shared/api-errors.ts'
import { payloadTooLarge } from './shared/errors.ts'
import { adminRoutes } from './tenants/admin-routes.ts'
import { createSignIns } from './tenants/sign-ins.ts'
import { requestLogging } from './shared/request-log.ts'

/** The editor API (`/api/editor/*`): the workspace's sign-in, editing, uploads and administration. */
export interface EditorApiOptions {
  /** Hashed asset names, for the editor's preview (which renders the reader page). */
  assets?: () => AssetManifest
  /** Upload thresholds (tests use small multipart parts). */
  media?: MediaRoutesOptions
  /** The newsletter's test send (SES v2 by default; tests pass the emulator's). */
  mailer?: Mailer
}

/** Every editor request body, at most; items themselves are checked against DynamoDB's 400 KB before writing. */
export const maxEditorBodyBytes = 512 * 1024

export function createEditorApiApp(services: Services, options: EditorApiOptions = {}) {
  const assets = options.assets ?? (() => ({}))
  // Page views and downloads (issue 15): an edition's statistics behind the guard, every edition's for admins.
  const analytics = analyticsEditorRoutes(services)
  // One chain, in the order requests meet it: its type is EditorApiType, the routes and answers the workspace's
  // client (web/editor/api/endpoints.ts) is typed from. Route modules written as chains show in it; the others
  // mount as before and the workspace calls them through the ApiClient's untyped get/send.
  return new Hono<EditorEnv>()
    .basePath('/api/editor')
    .use('*', requestLogging())
    // Before sign-in: what the workspace needs to start it, and whether this function reaches what it depends on
    // (uploads go to S3, so the editor's health checks the media bucket as well as DynamoDB).
    .route('/', sessionRoutes(services))
    .route(
      '/health',
      healthRoutes({
        dynamodb: { label: 'DynamoDB', check: dynamoProbe(services.db) },
        s3: { label: 'S3', check: () => services.clients.s3.send(new HeadBucketCommand({ Bucket: services.config.mediaBucket })) },
      }),
    )
    .use('*', requireEditor(services.tokenVerifier, (username) => createSignIns(services.db).isDeactivated(username)))
    // Nothing an editor sends is bigger than a DynamoDB item (400 KB) plus its JSON punctuation; refuse more before
    // reading it, so a huge body costs no CPU.
    .use(
      '*',
      bodyLimit({
        maxSize: maxEditorBodyBytes,
        onError: () => {
          throw payloadTooLarge(`The request body is larger than ${maxEditorBodyBytes / 1024} KB. Shorten the text or split it into several items.`)
        },
      }),
    )
    .use('*', async (c, next) => {
      await next()
      c.header('cache-control', 'no-store')
    })
    .route('/', meRoutes(services))
    .use('/tenants/:tenant/*', tenantGuard(async (tenant) => Boolean((await services.catalog.get()).anyTenant(tenant))))
    .route('/tenants/:tenant', contentEditorRoutes(services, { assets }))
    // Copying and the bin (issue 17): "Lag kopi", delete, restore, delete for good.
    .route('/tenants/:tenant', contentBinRoutes(services))
    // Who else has an item open, and the editor's own autosave (issue 17, "no lost work").
    .route('/tenants/:tenant', contentPresenceRoutes(services))
    .route('/tenants/:tenant', followRoutes(services))
    .route('/tenants/:tenant', examEditorRoutes(services))
    .route('/tenants/:tenant', courseEditorRoutes(services.courses, services.courseStats))
    .route('/tenants/:tenant', mediaRoutes(services, options.media))
    // Event sign-ups' organisers: participants, the waiting list, CSV, closing sign-up (issue 13).
    .route('/tenants/:tenant', eventEditorRoutes(services))
    // Partners' calendars in (issue 13): subscriptions, their imported drafts, "hent nå"; the scheduler fetches and imports.
    .route(
      '/tenants/:tenant',
      partnerFeedEditorRoutes({ feeds: createPartnerFeeds(services.db), content: services.content, allowLoopback: services.config.partnerFeeds?.allowLoopback }),
    )
    // The edition's newsletter: compose, preview, test send, schedule (issue 14); the scheduler sends.
    .route(
      '/tenants/:tenant',
      newsletterEditorRoutes({
        ...services,
        issues: createIssues(services.db),
        mailer: options.mailer ?? sesMailer(services.config),
        emailOf: async (username) => services.directory?.emailOf(username),
      }),
    )
    .route('/tenants/:tenant', analytics.tenant)
    .route('/statistics', analytics.national)
    .route('/admin', adminRoutes(services))
    .notFound(onApiNotFound)
    .onError(onApiError)
}

/**
 * The editor API's routes with their validated inputs and JSON answers, for `hc` in the workspace. Import it
 * with `import type`: a type only, so none of the server reaches the browser's bundle.
 */
export type EditorApiType = ReturnType<typeof createEditorApiApp>

import { Hono } from 'hono'
import { cardRoutes } from './content/card-routes.ts'
import { publicContentRoutes } from './content/public-routes.ts'
import { oembedRoutes } from './embeds/oembed-routes.ts'
import { dynamoProbe, healthRoutes } from './health/routes.ts'
import { openApiRoutes } from './openapi/routes.ts'
import type { PublicReadingServices } from './reader-services.ts'
import { onApiError, onApiNotFound } from './shared/api-errors.ts'
import { cacheAtTheEdge } from './shared/edge-cache.ts'
import { methodNotAllowed } from './shared/method-not-allowed.ts'
import { requestLogging } from './shared/request-log.ts'

/**
 * The public API (`/api/*` but `/api/editor/*`): anonymous JSON for integrators and the reader pages' own
 * calls, read-only (readers' exam form posts go to the exams function, functions/exams-api.ts). Built from the
 * reader's reading services only, so its function carries no Cognito, S3, CloudFront or SSM code
 * and a reader never waits for the editor's cold start. The same object runs in the Lambda and behind the
 * local router.
 */
export function createPublicApiApp(services: PublicReadingServices) {
  const app = new Hono().basePath('/api')
  app.use('*', requestLogging())
  app.route(
    '/health',
    // DynamoDB only: media reach readers from S3 through CloudFront, never through this function.
    healthRoutes({ dynamodb: { label: 'DynamoDB', check: dynamoProbe(services.db) } }),
  )
  // Integrators' reads are cached at the edge like pages (a minute, then refreshed in the background).
  app.use('/v1/*', cacheAtTheEdge())
  app.route('/v1', publicContentRoutes(services))
  // Readers' favourites, as the cards listings show (issue 14).
  app.route('/v1', cardRoutes(services))
  // oEmbed for item pages (issue 18): consumers ask once per link they unfurl, so it is cached as the reads are.
  app.use('/oembed', cacheAtTheEdge())
  app.route('/', oembedRoutes(services))
  // The OpenAPI document generated from these routes' schemas, and its page (issue 18); they change only with a deploy.
  app.use('/docs', cacheAtTheEdge())
  app.route('/', openApiRoutes())
  // CloudFront passes every method to this app (infra/stacks/cdn.ts): 405 for a path's other methods, 404 for the rest.
  app.notFound(methodNotAllowed(app, onApiNotFound))
  app.onError(onApiError)
  return app
}

import { Hono } from 'hono'
import { publicContentRoutes } from './content/routes.ts'
import { dynamoProbe, healthRoutes } from './health/routes.ts'
import type { ReaderServices } from './reader-services.ts'
import { onApiError, onApiNotFound } from './shared/api-errors.ts'

/**
 * The public API (`/api/*` but `/api/editor/*`): anonymous JSON for integrators and the reader pages' own
 * calls. Built from reader services only, so its function carries no Cognito, S3, CloudFront or SSM code
 * and a reader never waits for the editor's cold start. The same object runs in the Lambda and behind the
 * local router.
 */
export function createPublicApiApp(services: ReaderServices) {
  const app = new Hono().basePath('/api')
  app.route(
    '/health',
    // DynamoDB only: media reach readers from S3 through CloudFront, never through this function.
    healthRoutes({ dynamodb: { label: 'DynamoDB', check: dynamoProbe(services.clients, services.config.tables.content) } }),
  )
  app.route('/v1', publicContentRoutes(services))
  app.notFound(onApiNotFound)
  app.onError(onApiError)
  return app
}

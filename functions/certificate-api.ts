import { Hono } from 'hono'
import { certificateRoutes } from './courses/certificate-routes.ts'
import type { CertificateServices } from './reader-services.ts'
import { onApiError, onApiNotFound } from './shared/api-errors.ts'
import { methodNotAllowed } from './shared/method-not-allowed.ts'

/**
 * The certificates function: `POST /api/v1/attempts/{id}/certificate` alone, behind a CloudFront behaviour of its
 * own placed before the public API's `/api/*` (`certificatePathPattern` in infra/definitions.ts). Issue 16 splits
 * functions by who waits: the reader who just passed is the only one who needs pdf-lib, so no one else's cold
 * start carries it. The same object runs in the Lambda and behind the local router.
 */
export function createCertificateApiApp(services: CertificateServices) {
  const app = new Hono().basePath('/api')
  app.route('/v1', certificateRoutes(services))
  // The behaviour passes every method (POST comes only with all of them): 405 for the others, JSON 404 for the rest.
  app.notFound(methodNotAllowed(app, onApiNotFound))
  app.onError(onApiError)
  return app
}

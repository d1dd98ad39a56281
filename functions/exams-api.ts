import { Hono } from 'hono'
import { pageViewRoutes } from './analytics/page-view-routes.ts'
import { certificateRoutes } from './courses/certificate-routes.ts'
import { examPublicRoutes } from './courses/exam-public-routes.ts'
import { practiceRoutes } from './courses/practice-routes.ts'
import { progressRoutes } from './courses/progress-routes.ts'
import { scormRoutes } from './courses/scorm-routes.ts'
import type { ExamsServices } from './reader-services.ts'
import { onApiError, onApiNotFound } from './shared/api-errors.ts'
import { methodNotAllowed } from './shared/method-not-allowed.ts'
import { readableForms } from './shared/form-body.ts'
import { requestLogging } from './shared/request-log.ts'

/**
 * The exams function: every reader form post about exams (`POST /api/v1/exams/{tenant}/{slug}/attempts`,
 * `POST /api/v1/attempts/{id}/answers`, `POST /api/v1/attempts/{id}/certificate`) and courses' practice answers
 * (`POST /api/v1/exams/{tenant}/{slug}/lessons/{n}/practice`) and progress beacons (`…/{slug}/progress`), behind CloudFront behaviours of
 * its own placed before the public API's `/api/*` (`examsPathPatterns` in infra/definitions.ts). Issue 16 splits
 * functions by who waits: only a reader taking an exam needs its writes and pdf-lib, so the public API stays
 * read-only and no one else's cold start carries them. The same object runs in the Lambda and behind the local router.
 */
export function createExamsApiApp(services: ExamsServices) {
  const app = new Hono().basePath('/api')
  app.use('*', requestLogging())
  // A form body that cannot be parsed is the sender's mistake (400), never a 500 (found by tests/resilience).
  app.use('*', readableForms())
  app.route('/v1', examPublicRoutes(services))
  app.route('/v1', certificateRoutes(services))
  app.route('/v1', practiceRoutes(services))
  app.route('/v1', progressRoutes(services))
  // A SCORM course's start and pass (POST /api/v1/exams/{tenant}/{slug}/scorm, /api/v1/attempts/{id}/scorm-result).
  app.route('/v1', scormRoutes(services))
  // The page-view beacon (POST /api/v1/views, issue 15): the one other reader write that only counts.
  app.route('/v1', pageViewRoutes(services))
  // The behaviours pass every method (POST comes only with all of them): 405 for the others, JSON 404 for the rest.
  app.notFound(methodNotAllowed(app, onApiNotFound))
  app.onError(onApiError)
  return app
}

import type { Context, MiddlewareHandler } from 'hono'
import { createLogger, type Logger } from './logger.ts'

/**
 * The request's id: Lambda's own (its START/REPORT lines and X-Ray carry the same), else CloudFront's for the
 * request, else a new one (the local runner). Support can then find every line of one reader's failed request.
 */
function requestIdOf(c: Context): string {
  const lambda = (c.env as { lambdaContext?: { awsRequestId?: string } } | undefined)?.lambdaContext?.awsRequestId
  return lambda ?? c.req.header('x-amz-cf-id') ?? crypto.randomUUID()
}

/**
 * The edition a request is about, where its address names one: the editor API's `/api/editor/tenants/{tenant}` and the
 * public API's `/api/v1/editions/{tenant}`. Reader pages' first segment may be an edition or a content type, so it
 * is not guessed at.
 */
export function tenantOfPath(path: string): string | undefined {
  return /^\/api\/editor\/tenants\/([a-z0-9-]+)/.exec(path)?.[1] ?? /^\/api\/v1\/editions\/([a-z0-9-]+)/.exec(path)?.[1]
}

/**
 * Structured logs per request (issue 15): a logger with the request id, method, path and edition for the app's own
 * lines (`requestLog(c)`), one line for every answer that is the server's fault, and the id in `x-request-id` so a
 * person reporting an error can quote it. Nothing about the reader (no IP, no user agent) is logged.
 */
export function requestLogging(logger: Logger = createLogger()): MiddlewareHandler {
  return async (c, next) => {
    const requestId = requestIdOf(c)
    const tenant = tenantOfPath(c.req.path)
    const log = logger.with({ requestId, method: c.req.method, path: c.req.path, ...(tenant ? { tenant } : {}) })
    c.set('requestLog', log)
    c.set('requestId', requestId)
    const started = performance.now()
    await next()
    c.header('x-request-id', requestId)
    if (c.res.status >= 500) log.error('Request failed', { status: c.res.status, ms: Math.round(performance.now() - started) })
  }
}

/** The request's logger, or a plain one where the app has no requestLogging (a test's bare routes). */
export const requestLog = (c: Context): Logger => (c.get('requestLog') as Logger | undefined) ?? createLogger()

/** The request's id, if requestLogging gave it one. */
export const requestIdFor = (c: Context): string | undefined => c.get('requestId') as string | undefined

import type { ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { errorBody } from './errors.ts'
import { requestIdFor, requestLog } from './request-log.ts'
import { isStorageUnavailable, unavailableRetryAfterSeconds } from './unavailable.ts'

/**
 * The one error handler of every JSON app (public API, editor API), so each answers `{ error, code }` the same
 * way. Zod-free on purpose: the public API's bundle must not carry zod just to recognise its errors.
 */
export const onApiError: ErrorHandler = (error, c) => {
  if (error instanceof HTTPException) return c.json(errorBody(error), error.status)
  if (isStorageUnavailable(error)) {
    requestLog(c).warn('Storage unavailable', { error })
    c.header('retry-after', String(unavailableRetryAfterSeconds))
    c.header('cache-control', 'no-store')
    return c.json({ error: `The service is briefly unavailable. Try again in ${unavailableRetryAfterSeconds} seconds.`, code: 'unavailable' }, 503)
  }
  // Stored data failing its schema is our fault, not the client's: 500, but say so plainly in the log.
  const issues = (error as { issues?: unknown }).issues
  if (error.name === 'ZodError' && Array.isArray(issues)) requestLog(c).error('Stored data failed its schema', { issues: issues.slice(0, 5) })
  else requestLog(c).error('Unhandled error', { error })
  const requestId = requestIdFor(c)
  return c.json(
    { error: `Internal error. It has been logged${requestId ? ` as ${requestId}` : ''}; try again shortly.`, code: 'internal', ...(requestId ? { requestId } : {}) },
    500,
  )
}

export const onApiNotFound: NotFoundHandler = (c) => c.json({ error: `No API route ${c.req.method} ${c.req.path}`, code: 'not_found' }, 404)

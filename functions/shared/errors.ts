import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ErrorCode } from './error-codes.ts'

export { errorCodes, type ErrorCode } from './error-codes.ts'

const defaultCodes: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  503: 'unavailable',
}
/** The code for an HTTPException that was not thrown as an ApiError (Hono's own, or a middleware's). */
export const defaultCode = (status: number): ErrorCode => defaultCodes[status] ?? (status >= 500 ? 'internal' : 'bad_request')

/**
 * Client mistakes are thrown as ApiError and shaped into one response by each app's onError, in the style
 * of Hono itself. Messages are English sentences a person can act on; `details` travel beside them (the
 * current item on a conflict, the problems on a refused publish).
 */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    message: string,
    readonly code: ErrorCode = defaultCode(status),
    readonly details: Record<string, unknown> = {},
  ) {
    super(status, { message })
  }
}

export const badRequest = (message: string, code?: ErrorCode) => new ApiError(400, message, code)
export const forbidden = (message: string) => new ApiError(403, message)
export const notFound = (message: string) => new ApiError(404, message)
export const conflict = (message: string, code?: ErrorCode) => new ApiError(409, message, code)
export const gone = (message: string) => new ApiError(410, message)
export const payloadTooLarge = (message: string) => new ApiError(413, message)

/** The JSON body every API error answers with: `{ error, code, ...details }`. */
export function errorBody(error: HTTPException): { error: string; code: ErrorCode } & Record<string, unknown> {
  if (error instanceof ApiError) return { error: error.message, code: error.code, ...error.details }
  return { error: error.message, code: defaultCode(error.status) }
}

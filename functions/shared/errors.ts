import { HTTPException } from 'hono/http-exception'

/**
 * Client mistakes are thrown as HTTPException and shaped into one response by each app's onError,
 * in the style of Hono itself. Messages are English sentences a person can act on.
 */
export const badRequest = (message: string) => new HTTPException(400, { message })
export const notFound = (message: string) => new HTTPException(404, { message })
export const conflict = (message: string) => new HTTPException(409, { message })
export const gone = (message: string) => new HTTPException(410, { message })

/** An error whose JSON carries more than the sentence: the current item on a conflict, the problems on a refused publish. */
export class DetailedError extends HTTPException {
  constructor(
    status: 400 | 409,
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(status, { message })
  }
}

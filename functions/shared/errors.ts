import { HTTPException } from 'hono/http-exception'

/**
 * Client mistakes are thrown as HTTPException and shaped into one response by each app's onError,
 * in the style of Hono itself. Messages are English sentences a person can act on.
 */
export const badRequest = (message: string) => new HTTPException(400, { message })
export const notFound = (message: string) => new HTTPException(404, { message })
export const conflict = (message: string) => new HTTPException(409, { message })
export const gone = (message: string) => new HTTPException(410, { message })

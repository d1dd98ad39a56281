import * as z from 'zod/mini'
import { badRequest } from '../shared/errors.ts'
import { contentTypes, maxSlugLength, slugPattern } from './vocabulary.ts'

/**
 * The public API's parameters (public-routes.ts, card-routes.ts) as zod's mini build: the routes validate with these
 * and the OpenAPI document (functions/openapi) is generated from these, so the two cannot drift. The mini build is in
 * this bundle already for oEmbed (embeds/schema.ts), so this costs the schemas only, not zod. It has no messages of
 * its own: each check says what it wants.
 */

export const MAX_PAGE_SIZE = 100
export const DEFAULT_PAGE_SIZE = 20
/** As many pages as a reader's favourites list asks for at once (the island pages through longer lists). */
export const MAX_CARD_PATHS = 50
export const MAX_PAGE_PATH_LENGTH = 200
const MAX_TENANT_ID_LENGTH = 40
const MAX_CURSOR_LENGTH = 2048

const editionId = (field: string) => {
  const problem = `${field}: not an edition id (lower-case a–z, digits and single hyphens, at most ${MAX_TENANT_ID_LENGTH}).`
  return z.string().check(z.regex(slugPattern, problem), z.maxLength(MAX_TENANT_ID_LENGTH, problem))
}
const contentType = z.enum(contentTypes, `type: expected one of ${contentTypes.join(', ')}.`)
const slugProblem = `slug: not a slug (lower-case a–z, digits and single hyphens, at most ${maxSlugLength}).`

export const editionParamsSchema = z.object({ edition: editionId('edition') })

export const itemParamsSchema = z.object({
  tenant: editionId('tenant'),
  type: contentType,
  slug: z.string().check(z.regex(slugPattern, slugProblem), z.maxLength(maxSlugLength, slugProblem)),
})

const limitProblem = `limit: expected a whole number from 1 to ${MAX_PAGE_SIZE}.`
export const listQuerySchema = z.object({
  type: z.optional(contentType),
  // A query string carries text: the number is read from its digits, 1–100 by the pattern (documented as it is).
  limit: z._default(z.pipe(z.string().check(z.regex(/^(?:[1-9]\d?|100)$/, limitProblem)), z.transform(Number)), DEFAULT_PAGE_SIZE),
  cursor: z.optional(
    z.string().check(
      z.minLength(1, `cursor: expected the nextCursor of an earlier page, 1–${MAX_CURSOR_LENGTH} characters.`),
      z.maxLength(MAX_CURSOR_LENGTH, `cursor: expected the nextCursor of an earlier page, 1–${MAX_CURSOR_LENGTH} characters.`),
    ),
  ),
})

const pathsProblem = `path: give 1–${MAX_CARD_PATHS} pages.`
/** `?path=…&path=…`: each an item's page; card-routes.ts checks each path's parts against the vocabulary. */
export const cardsQuerySchema = z.object({
  path: z.array(z.string().check(z.regex(/^\//, 'path: an item page starts with /.'), z.maxLength(MAX_PAGE_PATH_LENGTH, `path: at most ${MAX_PAGE_PATH_LENGTH} characters.`))).check(
    z.minLength(1, pathsProblem),
    z.maxLength(MAX_CARD_PATHS, pathsProblem),
  ),
})

/** The one parse of a route's parameters: its data, or a 400 that names the first problem. */
export function parseOr400<T extends z.ZodMiniType>(part: 'param' | 'query', schema: T, input: unknown): z.output<T> {
  const parsed = z.safeParse(schema, input)
  if (!parsed.success) throw badRequest(`Invalid ${part}: ${parsed.error.issues[0]?.message ?? 'malformed.'}`)
  return parsed.data
}

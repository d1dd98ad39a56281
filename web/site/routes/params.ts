import { contentTypes } from '../../../functions/content/vocabulary.ts'

/**
 * Route patterns that match only the segments the site knows, so the router (not an if-chain) decides which
 * page a path is. The group matters: without `(?:…)` Hono lets an alternative match part of a segment.
 */
const oneOf = (values: readonly string[]) => `(?:${values.map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`

/** `:type`, one of the content types. */
export const typeParam = `:type{${oneOf(contentTypes)}}`

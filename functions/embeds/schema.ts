import * as z from 'zod/mini'
import { contentTypes, slugPattern } from '../content/vocabulary.ts'
import { latestCount } from './paths.ts'

/**
 * The embeds' query parameters. zod's mini build (~19 KB) rather than the classic one (~96 KB in a bundle): the site
 * and the public API are the functions readers wait on, and their bundles are budgeted (tests/infra/bundle-budgets).
 * The mini build has no messages of its own, so every check says what it wants in words a person can act on.
 */
const wholeNumber = (problem: string) =>
  z.pipe(z.string().check(z.regex(/^\d{1,5}$/, problem)), z.transform(Number))
const between = (min: number, max: number, problem: string) => wholeNumber(problem).check(z.refine((value) => value >= min && value <= max, problem))
const dimension = (name: string) => between(1, 10_000, `${name}: expected a whole number of pixels from 1 to 10000.`)

/** `GET /api/oembed` (https://oembed.com §2.2): the page to embed and the most room the consumer has. */
export const oembedQuerySchema = z.object({
  url: z.string('url: required: the address of an item page on this site.').check(z.minLength(1, 'url: required: the address of an item page on this site.'), z.maxLength(2000, 'url: at most 2000 characters.')),
  maxwidth: z.optional(dimension('maxwidth')),
  maxheight: z.optional(dimension('maxheight')),
  // Anything but json is refused: xml with 501 as the spec asks, the rest with 400.
  format: z.optional(z.string().check(z.maxLength(20, 'format: expected json.'))),
})

/**
 * `/innebygd/{edition}/siste?tema=&type=&antall=`: which items, and how many. Its problems show on the embed page
 * itself, so they are worded in bokmål for whoever pasted the address.
 */
export const latestQuerySchema = z.object({
  tema: z.optional(z.string().check(z.regex(slugPattern, 'tema: oppgi et fagtema slik det står i adressen, for eksempel demens.'), z.maxLength(80, 'tema: høyst 80 tegn.'))),
  type: z.optional(z.enum(contentTypes, `type: bruk én av ${contentTypes.join(', ')}.`)),
  antall: z._default(between(latestCount.min, latestCount.max, `antall: bruk et helt tall fra ${latestCount.min} til ${latestCount.max}.`), latestCount.default),
})

/** The first problem of a failed parse, as the message of a 400. */
export function firstProblem(error: z.core.$ZodError): string {
  return error.issues[0]?.message ?? 'Invalid query.'
}

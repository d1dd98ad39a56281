import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { ContentOf, PublishedItem } from '../content/schema.ts'
import { isSlug } from '../content/vocabulary.ts'
import type { PublicReadingServices } from '../reader-services.ts'
import { badRequest, notFound, payloadTooLarge } from '../shared/errors.ts'
import type { createAttempts } from './exam-attempts.ts'
import { ATTEMPT_ID_LENGTH } from './exam-draw.ts'
import { isCode } from './exam-random.ts'
import type { Attempt } from './exam-types.ts'

/** A form with at most 200 questions of 8 options each is a few KB; anything near this is not a reader's form. */
export const MAX_FORM_BYTES = 64 * 1024

/**
 * What every reader form post goes through in the exams function (exam attempts, answers and certificates): a body
 * limit, and `no-store`, since what these routes answer belongs to one reader.
 */
export function readerFormGuards(): MiddlewareHandler[] {
  return [
    bodyLimit({
      maxSize: MAX_FORM_BYTES,
      onError: () => {
        throw payloadTooLarge(`A form is at most ${MAX_FORM_BYTES / 1024} KB.`)
      },
    }),
    async (c, next) => {
      await next()
      c.header('cache-control', 'no-store')
    },
  ]
}

/** The attempt a route's `:id` names: 400 for what cannot be an attempt id, 404 for one that is gone. */
export async function attemptOf(attempts: ReturnType<typeof createAttempts>, c: Context): Promise<Attempt> {
  const id = c.req.param('id') ?? ''
  if (!isCode(id, ATTEMPT_ID_LENGTH)) throw badRequest(`'${id.slice(0, 40)}' is not an attempt id.`)
  const attempt = await attempts.get(id)
  if (!attempt) throw notFound('No such attempt; attempts are kept for a day. Start the exam again.')
  return attempt
}

/**
 * The published course a reader form's `:tenant/:slug` names (exam attempts, practice answers, progress beacons):
 * 400 for what cannot be an address, 404 for an unknown edition or a course that is not published.
 */
export async function publishedCourseOf(services: Pick<PublicReadingServices, 'catalog' | 'content'>, c: Context): Promise<ContentOf<'e-kurs'> & PublishedItem> {
  const tenant = c.req.param('tenant') ?? ''
  const slug = c.req.param('slug') ?? ''
  if (!isSlug(tenant) || tenant.length > 40 || !isSlug(slug)) throw badRequest('Invalid edition or course address.')
  const owner = (await services.catalog.get()).tenant(tenant)
  if (!owner) throw notFound(`Unknown edition '${tenant}'.`)
  const course = await services.content.getPublished(owner.id, 'e-kurs', slug)
  if (!course || course.type !== 'e-kurs') throw notFound(`No published course '${slug}' in ${tenant}.`)
  return course as ContentOf<'e-kurs'> & PublishedItem
}

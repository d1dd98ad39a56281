import { Hono } from 'hono'
import { isbot } from 'isbot'
import type { ExamsServices } from '../reader-services.ts'
import { badRequest, notFound } from '../shared/errors.ts'
import { isBuilt } from './publish.ts'
import { publishedCourseOf, readerFormGuards } from './reader-forms.ts'

/** What a browser may report about a course, once each (web/islands/course-progress.ts remembers it sent it). */
const progressEvents = ['started', 'finished'] as const

/**
 * `POST /api/v1/exams/{tenant}/{slug}/progress` with `event=started|finished`: the progress island's one-off
 * `navigator.sendBeacon` when a browser opens a built course's first lesson, and when it has finished every lesson.
 * No cookie and no id travel with it, and nothing but a count is kept (course-stats.ts). Crawlers and scripts
 * that say what they are (isbot, on the user agent) get the same 204 and are not counted.
 */
export function progressRoutes(services: Pick<ExamsServices, 'catalog' | 'content' | 'courseStats'>) {
  const app = new Hono()
  app.use('*', ...readerFormGuards())

  app.post('/exams/:tenant/:slug/progress', async (c) => {
    const event = (await c.req.parseBody()).event
    if (!progressEvents.includes(event as (typeof progressEvents)[number])) throw badRequest(`'event' must be one of ${progressEvents.join(', ')}.`)
    const agent = c.req.header('user-agent') ?? ''
    if (!agent || isbot(agent)) return c.body(null, 204)
    const course = await publishedCourseOf(services, c)
    if (!isBuilt(course)) throw notFound(`The course '${course.slug}' is not built here; its progress is not counted.`)
    await services.courseStats.count(course.tenant, course.id, { [event as string]: 1 })
    return c.body(null, 204)
  })

  return app
}

import { Hono } from 'hono/tiny'
import type { PublishedItem } from '../../../functions/content/schema.ts'
import { isSlug } from '../../../functions/content/vocabulary.ts'
import { isBuilt } from '../../../functions/courses/publish.ts'
import { answersFromQuery, practiceParam } from '../../../functions/courses/practice.ts'
import { createLessonReading } from '../../../functions/courses/reading.ts'
import { CourseLessonPage } from '../pages/course-lesson-page.tsx'
import { CoursePage, type PublishedCourse } from '../pages/course-page.tsx'
import { gone, notFound, type Pages } from '../pages-kit.tsx'
import { preferredRegion } from '../region.ts'

/** The snapshot as published: each publish writes a new `updatedAt` (and new lesson snapshots with it). */
const snapshotId = (item: PublishedItem) => [item.tenant, item.slug, item.id, item.updatedAt].join(' ')

/**
 * `/{tenant}/e-kurs/{slug}` and its lessons `/{tenant}/e-kurs/{slug}/leksjon/{n}`. Mounted before the item
 * routes, which would otherwise show a course as a plain item. A course page reads the course's snapshot and,
 * when built here and not in the render cache, its first lesson (which carries the outline); a lesson page
 * reads the course's snapshot (410 once withdrawn) and that one lesson: never more than two requests.
 */
export function courseRoutes(pages: Pages) {
  const { services } = pages
  const lessons = createLessonReading(services.db)
  const app = new Hono()

  async function published(tenantId: string, slug: string) {
    if (!isSlug(slug)) throw notFound()
    const catalog = await services.catalog.get()
    const owner = catalog.tenant(tenantId)
    if (!owner) throw notFound()
    const item = await services.content.readerView(owner.id, 'e-kurs', slug)
    if (item === 'gone') throw gone()
    if (!item || item.type !== 'e-kurs') throw notFound()
    return { catalog, owner, course: item as PublishedCourse }
  }

  app.get('/:tenant/e-kurs/:slug', async (c) => {
    const { catalog, owner, course } = await published(c.req.param('tenant'), c.req.param('slug'))
    const ctx = pages.pageContext(c, catalog, preferredRegion(c, catalog) ?? owner.id)
    return pages.renderCached(c, pages.pageKey(ctx, 'course', snapshotId(course)), async () => {
      const first = isBuilt(course) ? await lessons.lesson(owner.id, course.id, 1) : undefined
      return <CoursePage ctx={ctx} item={course} owner={owner} outline={first?.outline} />
    })
  })

  app.get('/:tenant/e-kurs/:slug/leksjon/:n{[1-9][0-9]{0,2}}', async (c) => {
    const { catalog, owner, course } = await published(c.req.param('tenant'), c.req.param('slug'))
    if (!isBuilt(course)) throw notFound()
    const lesson = await lessons.lesson(owner.id, course.id, Number(c.req.param('n')))
    if (!lesson) throw notFound()
    const ctx = pages.pageContext(c, catalog, preferredRegion(c, catalog) ?? owner.id)
    // After answering its practice questions (practice-routes.ts redirects here with the answers): rendered each
    // time rather than kept, so answer combinations cannot cycle the render cache.
    const answers = lesson.practice?.length ? answersFromQuery(lesson.practice, c.req.queries(practiceParam)) : undefined
    if (answers) return pages.render(c, <CourseLessonPage ctx={ctx} course={course} lesson={lesson} answers={answers} />)
    return pages.renderCached(c, pages.pageKey(ctx, 'lesson', snapshotId(course), String(lesson.n), lesson.updatedAt), () => (
      <CourseLessonPage ctx={ctx} course={course} lesson={lesson} />
    ))
  })

  return app
}

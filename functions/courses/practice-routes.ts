import { Hono } from 'hono'
import { itemPath } from '../content/paths.ts'
import type { PublicReadingServices } from '../reader-services.ts'
import { badRequest, notFound } from '../shared/errors.ts'
import { lessonPath } from './exam-paths.ts'
import { checkPracticeForm, practiceQuery, practiceResultId } from './practice.ts'
import { isBuilt } from './publish.ts'
import { createLessonReading } from './reading.ts'
import { publishedCourseOf, readerFormGuards } from './reader-forms.ts'

/**
 * `POST /api/v1/exams/{tenant}/{slug}/lessons/{n}/practice` (practiceAction): a lesson's practice answers as a plain
 * form. Checked against the published lesson (a question or option not in it is 400), never stored, and answered
 * 303 to the lesson with the answers in the query (practice.ts), where the page shows the feedback. Reads the
 * course's snapshot and the lesson: two GetItems, the catalog from memory.
 */
export function practiceRoutes(services: Pick<PublicReadingServices, 'db' | 'catalog' | 'content'>) {
  const lessons = createLessonReading(services.db)
  const app = new Hono()
  app.use('*', ...readerFormGuards())

  app.post('/exams/:tenant/:slug/lessons/:n/practice', async (c) => {
    const n = c.req.param('n')
    if (!/^[1-9][0-9]{0,2}$/.test(n)) throw badRequest(`'${n.slice(0, 10)}' is not a lesson number.`)
    const course = await publishedCourseOf(services, c)
    const lesson = isBuilt(course) ? await lessons.lesson(course.tenant, course.id, Number(n)) : undefined
    if (!lesson?.practice?.length) throw notFound(`Lesson ${n} of '${course.slug}' has no practice questions.`)
    const answers = checkPracticeForm(lesson.practice, await c.req.parseBody({ all: true }))
    return c.redirect(`${lessonPath(itemPath(course), lesson.n)}?${practiceQuery(lesson.practice, answers)}#${practiceResultId}`, 303)
  })

  return app
}

import { Hono, type Context } from 'hono'
import * as z from 'zod'
import type { EditorEnv } from '../auth/middleware.ts'
import { itemIdSchema, tenantIdSchema } from '../content/schema.ts'
import type { Services } from '../services.ts'
import { badRequest, notFound } from '../shared/errors.ts'
import { validate } from '../shared/validation.ts'
import { questionCount } from './exam-draw.ts'
import { examInputSchema } from './exam-schema.ts'
import { createExamStore, examProblems, type CourseItem } from './exam-store.ts'

const courseParams = z.object({ tenant: tenantIdSchema, id: itemIdSchema })
const version = z.int().min(0)

/**
 * `/api/editor/tenants/:tenant/courses/:id/exam`: a course's question bank, behind the tenant guard mounted in
 * editor-api.ts. Saves are versioned like items (a stale one is 409 with the current bank); publishing the exam
 * is its own action and needs the course to be published.
 */
export function examEditorRoutes(services: Services) {
  const exams = createExamStore(services.db)

  const courseOf = async (c: Context<EditorEnv>, id: string): Promise<CourseItem> => {
    const tenant = c.get('tenant')
    const item = await services.content.getItem(tenant, id)
    if (!item) throw notFound(`No item ${id} in ${tenant}.`)
    if (item.type !== 'e-kurs') throw badRequest(`Item ${id} is not an e-course; only e-courses have exams.`)
    return item
  }
  const answer = (course: CourseItem, exam: Awaited<ReturnType<typeof exams.draftOrEmpty>>) => ({
    exam,
    course: { id: course.id, slug: course.slug, status: course.status, learningGoals: course.learningGoals ?? [] },
    questionsPerAttempt: questionCount(exam),
    problems: examProblems(exam, course),
  })

  return new Hono<EditorEnv>()
    .get('/courses/:id/exam', validate('param', courseParams), async (c) => {
      const course = await courseOf(c, c.req.valid('param').id)
      return c.json(answer(course, await exams.draftOrEmpty(course.tenant, course.id)))
    })

    .put('/courses/:id/exam', validate('param', courseParams), validate('json', examInputSchema.extend({ version })), async (c) => {
      const course = await courseOf(c, c.req.valid('param').id)
      const { version: seen, ...input } = c.req.valid('json')
      return c.json(answer(course, await exams.save(course, seen, input, c.get('principal').username)))
    })

    .post('/courses/:id/exam/publish', validate('param', courseParams), validate('json', z.object({ version: version.min(1) })), async (c) => {
      const course = await courseOf(c, c.req.valid('param').id)
      return c.json(answer(course, await exams.publish(course, c.req.valid('json').version)))
    })
}

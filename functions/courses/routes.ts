import { Hono } from 'hono'
import * as z from 'zod'
import type { EditorEnv } from '../auth/middleware.ts'
import { itemIdSchema, tenantIdSchema } from '../content/schema.ts'
import { validate } from '../shared/validation.ts'
import type { CourseStatsStore } from './course-stats.ts'
import { courseLessonsInputSchema } from './schema.ts'
import type { CourseStore } from './store.ts'

const itemParams = z.object({ tenant: tenantIdSchema, id: itemIdSchema })

/**
 * `/api/editor/tenants/:tenant/items/:id/lessons`: a built course's modules and lessons, and `…/stats` its anonymous
 * statistics, behind the tenant guard. Readers see them only after the course is published again (the publish hook snapshots them).
 */
export function courseEditorRoutes(courses: CourseStore, stats: CourseStatsStore) {
  return new Hono<EditorEnv>()
    /** The course's anonymous counts per month and in total (course-stats.ts); only the owner edition's editors see them. */
    .get('/items/:id/stats', validate('param', itemParams), async (c) => {
      const course = await courses.course(c.get('tenant'), c.req.valid('param').id)
      return c.json(await stats.read(course.tenant, course.id))
    })

    .get('/items/:id/lessons', validate('param', itemParams), async (c) => c.json(await courses.lessons(c.get('tenant'), c.req.valid('param').id)))

    .put('/items/:id/lessons', validate('param', itemParams), validate('json', courseLessonsInputSchema), async (c) => {
      const saved = await courses.saveLessons(c.get('tenant'), c.req.valid('param').id, c.req.valid('json'), c.get('principal').username)
      return c.json(saved)
    })
}

import type { Db } from '../shared/db.ts'
import * as keys from './keys.ts'
import type { PublishedLesson } from './model.ts'

/**
 * What reader pages read of a built course: one published lesson, one GetItem (it carries the outline, so the
 * table of contents and previous/next need nothing more). Zod-free: the site bundle imports it.
 */
export function createLessonReading(db: Db) {
  return {
    async lesson(tenant: string, courseId: string, n: number): Promise<PublishedLesson | undefined> {
      const record = await db.get<Record<string, unknown>>({ PK: keys.tenantPk(tenant), SK: keys.publishedLessonSk(courseId, n) })
      if (!record) return undefined
      const { PK, SK, ...lesson } = record
      return lesson as unknown as PublishedLesson
    },
  }
}
export type LessonReading = ReturnType<typeof createLessonReading>

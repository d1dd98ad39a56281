import { isItemCheck, itemStillThere } from '../content/item-check.ts'
import type { StoredItem } from '../content/store.ts'
import { measuredFacts, measurePicture } from '../media/facts.ts'
import { explainUsageFailure, mediaPathsIn, usageWrites } from '../media/usage.ts'
import type { Db, TransactItem } from '../shared/db.ts'
import { badRequest, conflict, notFound } from '../shared/errors.ts'
import { StaleVersionError } from '../shared/versioned.ts'
import * as keys from './keys.ts'
import { lessonsOf, type CourseLessons, type Lesson, type LessonFields, type StoredOutline } from './model.ts'
import { allUnder, coursePublishHook, strip } from './publish.ts'
import type { CourseLessonsInput } from './schema.ts'

/**
 * A built course's modules and lessons: the outline (`COURSE#{id}`, versioned) and one working record per
 * lesson (`LESSON#{id}#{n}`), written together in one optimistic write; published as one `PUBLESSON#{id}#{n}`
 * snapshot per lesson in the course's own publish transaction (the content store calls `publishHook`).
 */
export function createCourseStore(
  db: Db,
  options: { now?: () => Date; getItem: (tenant: string, id: string) => Promise<StoredItem | undefined> },
) {
  const now = () => (options.now?.() ?? new Date()).toISOString()
  const pk = keys.tenantPk

  const outline = async (tenant: string, courseId: string) => {
    const record = await db.get<Record<string, unknown>>({ PK: pk(tenant), SK: keys.outlineSk(courseId) }, { consistent: true })
    return record ? strip<StoredOutline & { mediaPaths?: string[] }>(record) : undefined
  }

  const all = <T>(tenant: string, prefix: string) => allUnder<T>(db, tenant, prefix)

  async function lessons(tenant: string, courseId: string): Promise<CourseLessons> {
    const [stored, records] = await Promise.all([outline(tenant, courseId), all<Lesson>(tenant, keys.lessonPrefix(courseId))])
    if (!stored) return { version: 0, modules: [] }
    const byNumber = new Map(records.map((lesson) => [lesson.n, lesson]))
    return {
      version: stored.version,
      updatedAt: stored.updatedAt,
      modules: stored.modules.map((module) => ({
        title: module.title,
        lessons: module.lessons.map(({ n, title }) => byNumber.get(n) ?? { n, title, body: { type: 'doc', content: [] } }),
      })),
    }
  }

  /** The lessons with what their files' media records say: a picture's size and variants, a PDF's bytes (one BatchGetItem). */
  async function measuredLessons(tenant: string, input: CourseLessonsInput): Promise<Array<{ title: string; lessons: LessonFields[] }>> {
    const lessons = input.modules.flatMap((module) => module.lessons)
    const facts = await measuredFacts(db, tenant, lessons.flatMap((lesson) => [lesson.image?.src, lesson.pdf?.src].filter((src): src is string => Boolean(src))))
    return input.modules.map((module) => ({
      title: module.title,
      lessons: module.lessons.map((sent) => {
        const lesson: LessonFields = structuredClone(sent)
        measurePicture(lesson.image, facts)
        const bytes = facts(lesson.pdf?.src)?.bytes
        if (lesson.pdf && bytes) lesson.pdf.bytes = bytes
        return lesson
      }),
    }))
  }

  async function requireCourse(tenant: string, courseId: string) {
    const item = await options.getItem(tenant, courseId)
    if (!item) throw notFound(`No item ${courseId} in ${tenant}.`)
    if (item.type !== 'e-kurs') throw badRequest('Only e-courses (type e-kurs) have lessons.')
    return item
  }

  return {
    /** The e-course an editor route names: 404 when the tenant has no such item, 400 when it is not an e-course. */
    course: requireCourse,

    /** The lessons as the workspace edits them; version 0 and no modules before the first save. */
    async lessons(tenant: string, courseId: string): Promise<CourseLessons> {
      await requireCourse(tenant, courseId)
      return lessons(tenant, courseId)
    },

    /**
     * Saves the whole structure over the version the editor saw: the outline, every lesson (numbered 1..N in
     * order), deletes of lessons past the new end, and the lessons' media-use records, in one transaction. A
     * stale version is a 409 carrying the lessons as they are now.
     */
    async saveLessons(tenant: string, courseId: string, input: CourseLessonsInput, by?: string): Promise<CourseLessons> {
      await requireCourse(tenant, courseId)
      const measured = await measuredLessons(tenant, input)
      return db.writeVersioned({
        missing: `Course ${courseId} has no saved lessons yet; save from version 0.`,
        current: async () => ((await outline(tenant, courseId)) ? lessons(tenant, courseId) : undefined) as Promise<(Record<string, unknown> & CourseLessons) | undefined>,
        explain: (failed, cancelled) =>
          failed.some((condition) => isItemCheck(condition.write))
            ? conflict(`Course ${courseId} was deleted (it is in the bin). Restore it before changing its lessons.`, 'item_binned')
            : explainUsageFailure(cancelled.error, cancelled.transaction),
        build: async () => {
          const current = await outline(tenant, courseId)
          if ((current?.version ?? 0) !== input.version) {
            if (!current) throw notFound(`Course ${courseId} has no saved lessons yet; save from version 0.`)
            throw new StaleVersionError((await lessons(tenant, courseId)) as Record<string, unknown> & CourseLessons, input.version)
          }
          let n = 0
          const modules = measured.map((module) => ({ title: module.title, lessons: module.lessons.map((lesson) => ({ ...lesson, n: ++n })) }))
          const all = modules.flatMap((module) => module.lessons)
          const mediaPaths = mediaPathsIn(all)
          const next: StoredOutline & { mediaPaths: string[] } = {
            courseId,
            tenant,
            version: input.version + 1,
            updatedAt: now(),
            savedBy: by,
            modules: modules.map((module) => ({ title: module.title, lessons: module.lessons.map(({ n, title }) => ({ n, title })) })),
            mediaPaths,
          }
          const before = current ? lessonsOf(current).length : 0
          const writes: TransactItem[] = [
            ...all.map((lesson) => ({ Put: { Item: { PK: pk(tenant), SK: keys.lessonSk(courseId, lesson.n), ...lesson } } })),
            ...Array.from({ length: Math.max(0, before - all.length) }, (_, index) => ({ Delete: { Key: { PK: pk(tenant), SK: keys.lessonSk(courseId, all.length + index + 1) } } })),
            ...usageWrites(tenant, keys.lessonsUser(courseId), current?.mediaPaths ?? [], mediaPaths),
            // Never beside a course someone moved to the bin meanwhile: its lessons would miss the bin's TTL.
            itemStillThere(tenant, courseId),
          ]
          return {
            write: { Put: { Item: { PK: pk(tenant), SK: keys.outlineSk(courseId), ...next } } },
            expectedVersion: current ? input.version : undefined,
            writes,
            result: { version: next.version, updatedAt: next.updatedAt, modules } satisfies CourseLessons,
          }
        },
      })
    },

    /** Adds a course's lesson snapshots to its publish, and removes them at withdraw (publish.ts). */
    publishHook: coursePublishHook(db),
  }
}
export type CourseStore = ReturnType<typeof createCourseStore>

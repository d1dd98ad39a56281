import type { PublishHook } from '../content/publishing.ts'
import type { PublishedItem } from '../content/schema.ts'
import type { StoredItem } from '../content/store.ts'
import type { Db, TransactItem } from '../shared/db.ts'
import { ApiError } from '../shared/errors.ts'
import * as keys from './keys.ts'
import { lessonsOf, type Lesson, type Outline, type PublishedLesson, type StoredOutline } from './model.ts'

/** A stored record without its keys. */
export const strip = <T>({ PK, SK, ...rest }: Record<string, unknown>) => rest as T

/** Whether a course is built here; an item saved before delivery existed links elsewhere. */
export const isBuilt = (item: { type: string; delivery?: string }) => item.type === 'e-kurs' && item.delivery === 'built'

/** Every record under a prefix of a course (at most a few dozen lessons): an editor's or a publish's read. */
export async function allUnder<T>(db: Db, tenant: string, prefix: string): Promise<T[]> {
  const found: T[] = []
  let cursor: string | undefined
  do {
    const page = await db.query<Record<string, unknown>>({ partitionKey: { name: 'PK', value: keys.tenantPk(tenant) }, sortKeyPrefix: { name: 'SK', value: prefix }, limit: 100, cursor })
    found.push(...page.items.map((record) => strip<T>(record)))
    cursor = page.nextCursor
  } while (cursor)
  return found
}

const blocked = (field: string, code: string, message: string) =>
  new ApiError(400, `Cannot publish yet: ${message}`, 'publish_blocked', { problems: [{ field, code, message }] })

/**
 * A course's part of its own publish transaction (content/publishing.ts calls it with the item): one
 * `PUBLESSON#{id}#{n}` snapshot per lesson, each carrying the outline, and deletes of lessons a previous
 * publish wrote past the new end. An external course keeps none. Withdraw deletes them all (the course's
 * pages answer 410 from its own `gone` snapshot before any lesson is read). Zod-free: the scheduler publishes too.
 */
export function coursePublishHook(db: Db): PublishHook {
  const pk = keys.tenantPk
  const publishedNumbers = (item: StoredItem) => allUnder<{ n: number }>(db, item.tenant, keys.publishedLessonPrefix(item.id))
  const deletes = (item: StoredItem, lessons: Array<{ n: number }>) =>
    lessons.map((lesson) => ({ Delete: { Key: { PK: pk(item.tenant), SK: keys.publishedLessonSk(item.id, lesson.n) } } }))

  return {
    async publish(item: StoredItem, snapshot: PublishedItem): Promise<TransactItem[]> {
      if (item.type !== 'e-kurs') return []
      const published = await publishedNumbers(item)
      if (item.delivery === 'scorm') {
        if (!item.scorm?.launch) throw blocked('scorm', 'scorm-missing', 'A SCORM course needs a SCORM package from the media library that was checked and unpacked.')
        return deletes(item, published)
      }
      if (!isBuilt(item)) {
        if (!item.courseUrl) throw blocked('courseUrl', 'course-url-missing', 'An external course needs the address where it is taken.')
        return deletes(item, published)
      }
      const [stored, records] = await Promise.all([
        db.get<Record<string, unknown>>({ PK: pk(item.tenant), SK: keys.outlineSk(item.id) }, { consistent: true }),
        allUnder<Lesson>(db, item.tenant, keys.lessonPrefix(item.id)),
      ])
      const modules = stored ? strip<StoredOutline>(stored).modules : []
      const outline: Outline = { modules: modules.map(({ title, lessons }) => ({ title, lessons: lessons.map(({ n, title }) => ({ n, title })) })) }
      const count = lessonsOf(outline).length
      if (count === 0) throw blocked('lessons', 'lessons-missing', 'A course built here needs at least one lesson.')
      const byNumber = new Map(records.map((lesson) => [lesson.n, lesson]))
      const puts = outline.modules.flatMap((module) =>
        module.lessons.map(({ n, title }) => {
          const lesson: PublishedLesson = { body: { type: 'doc', content: [] }, title, ...byNumber.get(n), n, courseId: item.id, moduleTitle: module.title, outline, updatedAt: snapshot.updatedAt }
          return { Put: { Item: { PK: pk(item.tenant), SK: keys.publishedLessonSk(item.id, n), ...lesson } } }
        }),
      )
      return [...puts, ...deletes(item, published.filter((lesson) => lesson.n > count))]
    },

    async withdraw(item: StoredItem): Promise<TransactItem[]> {
      return item.type === 'e-kurs' ? deletes(item, await publishedNumbers(item)) : []
    },
  }
}

import type { StoredItem } from '../content/store.ts'
import { richTextToPlain } from '../content/richtext-plain.ts'
import type { Db } from '../shared/db.ts'
import * as keys from './keys.ts'
import type { Lesson } from './model.ts'
import { allUnder, isBuilt } from './publish.ts'

/**
 * A built course's lessons as plain text (title and body each), in order: what search finds a course by beside its
 * description (functions/search/). Read from the lessons the course's publish snapshots in the same transaction,
 * so search and the lesson pages show the same text. An external course has none.
 */
export async function courseLessonTexts(db: Db, item: StoredItem): Promise<string[]> {
  if (!isBuilt(item)) return []
  const lessons = await allUnder<Lesson>(db, item.tenant, keys.lessonPrefix(item.id))
  return lessons.sort((a, b) => a.n - b.n).map((lesson) => `${lesson.title}\n${richTextToPlain(lesson.body)}`)
}

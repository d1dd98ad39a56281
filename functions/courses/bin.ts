import { deletedKeys, type BinHook } from '../content/bin.ts'
import type { StoredItem } from '../content/store.ts'
import { usageWrites } from '../media/usage.ts'
import type { Db, Key } from '../shared/db.ts'
import { ApiError } from '../shared/errors.ts'
import { examSk, publishedExamSk } from './exam-keys.ts'
import * as keys from './keys.ts'
import { allUnder } from './publish.ts'

/**
 * A course's records go to the content bin with it and share its TTL (content/bin.ts): the outline, every
 * lesson, the lessons' media-use records, and the exam's working and published copies. Published lessons are
 * gone already (a binned item is never published). Attempts and certificates stay: they are the readers'.
 */
export function courseBinHook(db: Db): BinHook {
  const pk = keys.tenantPk
  const outline = (item: StoredItem) => db.get<{ mediaPaths?: string[] }>({ PK: pk(item.tenant), SK: keys.outlineSk(item.id) }, { consistent: true })
  const exam = (item: StoredItem) => db.get({ PK: pk(item.tenant), SK: examSk(item.id) }, { consistent: true })

  return {
    async records(item: StoredItem): Promise<Key[]> {
      if (item.type !== keys.courseType) return []
      const [stored, lessons] = await Promise.all([outline(item), allUnder<{ n: number }>(db, item.tenant, keys.lessonPrefix(item.id))])
      // The lessons' media uses, as the lessons' save would drop them all (media's own key builder, via usage.ts).
      const uses = deletedKeys(usageWrites(item.tenant, keys.lessonsUser(item.id), stored?.mediaPaths ?? [], []))
      return [
        { PK: pk(item.tenant), SK: keys.outlineSk(item.id) },
        ...lessons.map((lesson) => ({ PK: pk(item.tenant), SK: keys.lessonSk(item.id, lesson.n) })),
        ...uses,
        { PK: pk(item.tenant), SK: examSk(item.id) },
        { PK: pk(item.tenant), SK: publishedExamSk(item.id) },
      ]
    },

    /** Copying lessons and a question bank would need a bounded multi-record copy of its own: refused for now. */
    async refuseCopy(item: StoredItem) {
      if (item.type !== keys.courseType) return
      const [stored, bank] = await Promise.all([outline(item), exam(item)])
      if (stored || bank)
        throw new ApiError(409, 'A course with lessons or an exam cannot be copied yet. Create a new course instead.', 'copy_unsupported')
    },
  }
}

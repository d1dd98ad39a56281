import type { CourseLessons, LessonFields } from '../../../functions/courses/model.ts'
import { blocksToDoc, docToBlocks, emptyBlock, newBlockKey, type EditorBlock } from '../richtext/blocks.ts'

/**
 * The course builder's working state: modules and lessons with stable keys (for focus and Preact), each
 * lesson's body as editable blocks, and what the builder does not edit (image, film, PDF) carried through.
 */
export interface LessonDraft {
  key: string
  title: string
  blocks: EditorBlock[]
  rest: Omit<LessonFields, 'title' | 'body'>
}
export interface ModuleDraft {
  key: string
  title: string
  lessons: LessonDraft[]
}

export const newLesson = (title: string): LessonDraft => ({ key: newBlockKey(), title, blocks: [emptyBlock()], rest: {} })
export const newModule = (title: string, lessonTitle: string): ModuleDraft => ({ key: newBlockKey(), title, lessons: [newLesson(lessonTitle)] })

export function draftsOf(saved: CourseLessons): ModuleDraft[] {
  return saved.modules.map((module) => ({
    key: newBlockKey(),
    title: module.title,
    lessons: module.lessons.map(({ n, title, body, ...rest }) => {
      const blocks = docToBlocks(body)
      return { key: newBlockKey(), title, blocks: blocks.length ? blocks : [emptyBlock()], rest }
    }),
  }))
}

/** What PUT …/lessons takes; the server numbers the lessons and validates everything. */
export const inputOf = (modules: ModuleDraft[], version: number) => ({
  version,
  modules: modules.map((module) => ({
    title: module.title.trim(),
    lessons: module.lessons.map((lesson) => ({ ...lesson.rest, title: lesson.title.trim(), body: blocksToDoc(lesson.blocks).doc })),
  })),
})

/** A copy of a list with the entry at `index` moved by `offset` (no-op at either end). */
export function moved<T>(list: T[], index: number, offset: -1 | 1): T[] {
  const target = index + offset
  if (target < 0 || target >= list.length) return list
  const copy = [...list]
  ;[copy[index], copy[target]] = [copy[target]!, copy[index]!]
  return copy
}

/** The lesson numbers (1..N across the course) the reader will see, by lesson key. */
export function numbersOf(modules: ModuleDraft[]): Map<string, number> {
  let n = 0
  return new Map(modules.flatMap((module) => module.lessons.map((lesson) => [lesson.key, ++n] as const)))
}

import type { CourseLessons, LessonFields } from '../../../functions/courses/model.ts'
export { maxPracticeQuestions } from '../../../functions/courses/exam-types.ts'
import { emptyDoc, type RichText } from '../../../functions/content/richtext.ts'
import { newDraftKey } from '../form/keys.ts'
import { examLimits, newQuestion, questionInput, questionPath, questionProblems, type Problem, type QuestionDraft } from './exam-model.ts'

/**
 * The course builder's working state: modules and lessons with stable keys (for focus and Preact), each
 * lesson's body as the stored document (edited visually, richtext/editor.tsx) and its practice questions as the question-bank editor's drafts (exam-model.ts),
 * and its files (image, film or podcast, PDF) as the lesson stores them.
 */
export type PracticeDraft = QuestionDraft & { explanation: string }
export interface LessonDraft {
  key: string
  title: string
  body: RichText
  practice: PracticeDraft[]
  rest: Omit<LessonFields, 'title' | 'body' | 'practice'>
}
export interface ModuleDraft {
  key: string
  title: string
  lessons: LessonDraft[]
}

export const newLesson = (title: string): LessonDraft => ({ key: newDraftKey(), title, body: emptyDoc(), practice: [], rest: {} })
export const newModule = (title: string, lessonTitle: string): ModuleDraft => ({ key: newDraftKey(), title, lessons: [newLesson(lessonTitle)] })
/** A new single-choice practice question with two empty options (the bank's ids, a goal it never uses). */
export const newPractice = (practice: PracticeDraft[]): PracticeDraft => ({ ...newQuestion(practice, 0), explanation: '' })

export function draftsOf(saved: CourseLessons): ModuleDraft[] {
  return saved.modules.map((module) => ({
    key: newDraftKey(),
    title: module.title,
    lessons: module.lessons.map(({ n, title, body, practice = [], ...rest }) => {
      return {
        key: newDraftKey(),
        title,
        body,
        practice: practice.map((question) => ({ ...question, goal: 0, key: newDraftKey(), options: question.options.map((option) => ({ ...option, key: newDraftKey() })) })),
        rest,
      }
    }),
  }))
}

/** A lesson's files as the API takes them: a file the editor removed (an empty path) leaves nothing behind. */
function filesOf(rest: LessonDraft['rest']): LessonDraft['rest'] {
  const { image, media, pdf } = rest
  return {
    ...(image?.src ? { image } : {}),
    ...(media?.src ? { media: { kind: media.kind, src: media.src, title: media.title.trim(), ...(media.kind === 'film' && media.captions ? { captions: media.captions } : {}) } } : {}),
    ...(pdf?.src ? { pdf: { src: pdf.src, title: pdf.title.trim() } } : {}),
  }
}

/** What PUT …/lessons takes; the server numbers the lessons and validates everything. */
export const inputOf = (modules: ModuleDraft[], version: number) => ({
  version,
  modules: modules.map((module) => ({
    title: module.title.trim(),
    lessons: module.lessons.map((lesson) => ({
      ...filesOf(lesson.rest),
      title: lesson.title.trim(),
      body: lesson.body,
      ...(lesson.practice.length ? { practice: lesson.practice.map((question) => ({ ...questionInput(question), explanation: question.explanation.trim() })) } : {}),
    })),
  })),
})

/** What must be fixed in a lesson's practice questions before saving, by field path (exam-model.ts words them). */
export function practiceProblems(lesson: LessonDraft): Problem[] {
  return lesson.practice.flatMap((question) => [
    ...questionProblems(question),
    ...(question.explanation.trim().length > examLimits.feedback ? [{ path: questionPath(question, 'explanation'), kind: 'tooLong' as const }] : []),
  ])
}

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

import { isItemCheck, itemStillThere } from '../content/item-check.ts'
import type { Db } from '../shared/db.ts'
import { ApiError, conflict, notFound } from '../shared/errors.ts'
import { invalidationWrite } from '../content/invalidation-outbox.ts'
import { questionCount } from './exam-draw.ts'
import { examIntroPath } from './exam-paths.ts'
import type { ExamInput } from './exam-schema.ts'
import { examSk, publishedExamSk, tenantPk } from './exam-keys.ts'
import { defaultExamSettings, type ExamDraft, type ExamQuestion, type PublishedExam } from './exam-types.ts'

/** The course an exam belongs to, as the content store keeps it (functions/content/store.ts getItem). */
export interface CourseItem {
  id: string
  tenant: string
  type: string
  slug: string
  status: string
  learningGoals?: string[]
}

const strip = <T>(record: Record<string, unknown> | undefined): T | undefined => {
  if (!record) return undefined
  const { PK, SK, ...rest } = record
  return rest as T
}

/** Why a bank cannot be examined on as it is; empty when it can. Messages are English; the workspace maps by text. */
export function examProblems(exam: Pick<ExamDraft, 'settings' | 'questions'>, course: CourseItem): string[] {
  const goals = course.learningGoals ?? []
  const problems: string[] = []
  if (exam.questions.length === 0) problems.push('Add at least one question.')
  for (const question of exam.questions)
    if (question.goal >= goals.length) problems.push(`Question '${question.id}' names learning goal ${question.goal + 1}, but the course has ${goals.length}.`)
  const perGoal = new Map<number, number>()
  for (const question of exam.questions) perGoal.set(question.goal, (perGoal.get(question.goal) ?? 0) + 1)
  for (const [goal, count] of perGoal)
    if (count < exam.settings.perGoal && goal < goals.length)
      problems.push(`Learning goal ${goal + 1} has ${count} question${count === 1 ? '' : 's'}; ${exam.settings.perGoal} are drawn for each goal.`)
  return problems
}

/**
 * Question banks: the editors' versioned working copy (`EXAM#{courseId}`) and the copy readers are examined on
 * (`EXAMPUB#{courseId}`), written together by the exam's own publish. Neither is ever part of the course's
 * published snapshot, which /api/v1/items serves.
 */
export function createExamStore(db: Db, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date())
  const key = (tenant: string, courseId: string) => ({ PK: tenantPk(tenant), SK: examSk(courseId) })

  const store = {
    async draft(tenant: string, courseId: string): Promise<ExamDraft | undefined> {
      return strip<ExamDraft>(await db.get(key(tenant, courseId), { consistent: true }))
    },

    /** The draft, or an empty bank with the default settings (version 0: not stored yet). */
    async draftOrEmpty(tenant: string, courseId: string): Promise<ExamDraft> {
      return (
        (await store.draft(tenant, courseId)) ?? {
          tenant,
          courseId,
          settings: { ...defaultExamSettings },
          questions: [],
          version: 0,
          updatedAt: now().toISOString(),
        }
      )
    },

    /** A save conditioned on the version the editor saw (0 for the first save); goals must be the course's. */
    async save(course: CourseItem, version: number, input: ExamInput, username?: string): Promise<ExamDraft> {
      const tooFar = input.questions.find((question) => question.goal >= (course.learningGoals ?? []).length)
      if (tooFar) throw new ApiError(400, `Question '${tooFar.id}' names learning goal ${tooFar.goal + 1}, but the course has ${(course.learningGoals ?? []).length}.`)
      const previous = version > 0 ? await store.draft(course.tenant, course.id) : undefined
      const saved: ExamDraft = {
        ...(previous?.publishedVersion ? { publishedVersion: previous.publishedVersion, publishedAt: previous.publishedAt } : {}),
        tenant: course.tenant,
        courseId: course.id,
        settings: input.settings,
        questions: input.questions as ExamQuestion[],
        version: version + 1,
        updatedAt: now().toISOString(),
        ...(username ? { updatedBy: username } : {}),
      }
      return db.writeVersioned({
        build: () => ({
          write: { Put: { Item: { ...key(course.tenant, course.id), ...saved } } },
          expectedVersion: version > 0 ? version : undefined,
          // Never beside a course someone moved to the bin meanwhile: the bank would miss the bin's TTL (content/bin.ts).
          writes: [itemStillThere(course.tenant, course.id)],
          result: saved,
        }),
        current: () => store.draft(course.tenant, course.id) as Promise<Record<string, unknown> | undefined>,
        missing: `Course ${course.id} has no question bank yet; save it with version 0.`,
        explain: (failed) => (failed.some((condition) => isItemCheck(condition.write)) ? conflict(`Course ${course.id} was deleted (it is in the bin). Restore it before changing its exam.`, 'item_binned') : undefined),
      })
    },

    /**
     * Copies the draft to where readers are examined: only while the course is published, only a bank every
     * goal of which has enough questions; the draft's version condition makes it the version the editor saw.
     */
    async publish(course: CourseItem, version: number): Promise<ExamDraft> {
      if (course.status !== 'published') throw conflict('Publish the course before its exam: readers reach the exam from the course page.')
      const draft = await store.draft(course.tenant, course.id)
      if (!draft) throw notFound(`Course ${course.id} has no question bank yet.`)
      const problems = examProblems(draft, course)
      if (problems.length) throw new ApiError(400, `Cannot publish the exam yet: ${problems.join(' ')}`, 'publish_blocked', { problems: problems.map((message) => ({ message })) })
      const at = now().toISOString()
      const published: PublishedExam = { tenant: course.tenant, courseId: course.id, settings: draft.settings, questions: draft.questions, version: draft.version, publishedAt: at }
      const result: ExamDraft = { ...draft, version: version + 1, publishedVersion: version + 1, publishedAt: at }
      return db.writeVersioned({
        build: () => ({
          write: { Put: { Item: { ...key(course.tenant, course.id), ...result } } },
          expectedVersion: version,
          writes: [
            { Put: { Item: { PK: tenantPk(course.tenant), SK: publishedExamSk(course.id), ...published } } },
            // The intro page says how many questions and what pass mark: the CDN must not keep the old one.
            ...invalidationWrite([examIntroPath(course)], `publish exam ${course.tenant}/${course.id} v${result.version}`, new Date(at)),
          ],
          result,
        }),
        current: () => store.draft(course.tenant, course.id) as Promise<Record<string, unknown> | undefined>,
        missing: `Course ${course.id} has no question bank yet.`,
      })
    },
  }
  return store
}

/** The reader side: the published bank (never sent to a browser as it is) and how many questions an attempt has. */
export function createExamReading(db: Db) {
  return {
    async published(tenant: string, courseId: string): Promise<PublishedExam | undefined> {
      return strip<PublishedExam>(await db.get({ PK: tenantPk(tenant), SK: publishedExamSk(courseId) }))
    },
    questionCount,
  }
}

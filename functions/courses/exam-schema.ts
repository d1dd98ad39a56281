import * as z from 'zod'
import { lineText, paragraphText } from '../content/text.ts'
import { maxPracticeQuestions, type ExamQuestion, type ExamSettings, type PracticeQuestion } from './exam-types.ts'

/*
 * What an editor sends for a course's question bank. The editor API validates with zod; readers' routes never
 * import this file (the public API stays zod-free), they work on the stored shapes in exam-types.ts.
 */

/** Question and option ids within one bank: chosen by the workspace, stable so statistics can follow a question. */
const bankId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,23}$/, 'Use 1–24 lower-case letters, digits or hyphens')

export const examOptionSchema = z.object({
  id: bankId,
  text: lineText(500, { min: 1, trim: true }),
  correct: z.boolean(),
  feedback: paragraphText(1000, { trim: true }),
})

/** Exactly one right option for single choice; for multiple choice at least two and not all; ids distinct. */
function checkOptions(question: { kind: 'single' | 'multiple'; options: Array<{ id: string; correct: boolean }> }, context: z.core.$RefinementCtx) {
  const correct = question.options.filter((option) => option.correct).length
  if (question.kind === 'single' && correct !== 1)
    context.addIssue({ code: 'custom', path: ['options'], message: 'A single-choice question has exactly one correct option', input: question })
  if (question.kind === 'multiple' && (correct < 2 || correct === question.options.length))
    context.addIssue({
      code: 'custom',
      path: ['options'],
      message: 'A multiple-choice question has at least two correct options and at least one wrong one (use single choice for one)',
      input: question,
    })
  if (new Set(question.options.map((option) => option.id)).size !== question.options.length)
    context.addIssue({ code: 'custom', path: ['options'], message: 'Option ids must differ within a question', input: question })
}

/** What exam and practice questions share (exam-types.ts ChoiceQuestion); each adds its own fields and the checks. */
const choiceQuestionShape = {
  id: bankId,
  kind: z.enum(['single', 'multiple']),
  text: paragraphText(1000, { min: 1, trim: true }),
  options: z.array(examOptionSchema).min(2).max(8),
}

/** Question ids are unique within a list (a bank, or one lesson's practice questions). */
function checkUniqueIds(questions: Array<{ id: string }>, context: z.core.$RefinementCtx) {
  if (new Set(questions.map((question) => question.id)).size !== questions.length)
    context.addIssue({ code: 'custom', message: 'Question ids must differ', input: questions })
}

export const examQuestionSchema = z
  .object({
    ...choiceQuestionShape,
    /** Index into the course's `learningGoals`; checked against the course when saved and published. */
    goal: z.int().min(0).max(19),
  })
  .superRefine(checkOptions) satisfies z.ZodType<ExamQuestion>

/**
 * A lesson's practice questions (functions/courses/schema.ts): the exam's question without a learning goal, with
 * an explanation shown after answering.
 */
export const practiceQuestionsSchema = z
  .array(
    z
      .object({ ...choiceQuestionShape, explanation: paragraphText(1000, { trim: true }) })
      .superRefine(checkOptions) satisfies z.ZodType<PracticeQuestion>,
  )
  .max(maxPracticeQuestions)
  .superRefine(checkUniqueIds)

export const examSettingsSchema = z.object({
  /** Questions drawn at random for each learning goal that has questions. */
  perGoal: z.int().min(1).max(20),
  passPercent: z.int().min(1).max(100),
  /** Attempts a reader is asked to keep to (0: no limit); counted in the reader's browser only (see the intro page). */
  attemptsLimit: z.int().min(0).max(20),
  /** How long a certificate is valid; null: it does not expire. */
  validityMonths: z.int().min(1).max(120).nullable(),
}) satisfies z.ZodType<ExamSettings>

export const examInputSchema = z
  .object({
    settings: examSettingsSchema,
    questions: z.array(examQuestionSchema).max(200).superRefine(checkUniqueIds),
  })
export type ExamInput = z.infer<typeof examInputSchema>

import * as z from 'zod'
import { lineText, paragraphText } from '../content/text.ts'
import type { ExamQuestion, ExamSettings } from './exam-types.ts'

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

export const examQuestionSchema = z
  .object({
    id: bankId,
    /** Index into the course's `learningGoals`; checked against the course when saved and published. */
    goal: z.int().min(0).max(19),
    kind: z.enum(['single', 'multiple']),
    text: paragraphText(1000, { min: 1, trim: true }),
    options: z.array(examOptionSchema).min(2).max(8),
  })
  .superRefine((question, context) => {
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
  }) satisfies z.ZodType<ExamQuestion>

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
    questions: z.array(examQuestionSchema).max(200),
  })
  .superRefine((exam, context) => {
    if (new Set(exam.questions.map((question) => question.id)).size !== exam.questions.length)
      context.addIssue({ code: 'custom', path: ['questions'], message: 'Question ids must differ', input: exam })
  })
export type ExamInput = z.infer<typeof examInputSchema>

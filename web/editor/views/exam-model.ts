import type { ExamDraft, ExamQuestion, ExamSettings } from '../../../functions/courses/exam-types.ts'
import { newDraftKey } from '../form/keys.ts'

/**
 * The question-bank editor's working state and its rules, kept pure so they are unit-tested: questions and
 * options carry a stable key (for Preact and focus) beside the id the bank stores; settings are kept as the
 * text typed until saved. The limits are exam-schema.ts's, written out here because zod keeps array and string
 * bounds in its internals; tests/web/editor/exam-model.test.ts holds the two together.
 */
export const examLimits = {
  perGoal: { min: 1, max: 20 },
  passPercent: { min: 1, max: 100 },
  attemptsLimit: { min: 0, max: 20 },
  validityMonths: { min: 1, max: 120 },
  options: { min: 2, max: 8 },
  questions: 200,
  text: 1000,
  optionText: 500,
  feedback: 1000,
} as const

export type SettingName = keyof ExamSettings

export interface OptionDraft {
  key: string
  id: string
  text: string
  correct: boolean
  feedback: string
}
export interface QuestionDraft {
  key: string
  id: string
  goal: number
  kind: 'single' | 'multiple'
  text: string
  options: OptionDraft[]
}
/** Settings as typed; validityMonths '' means the kursbevis does not expire. */
export type SettingsDraft = Record<SettingName, string>
export interface ExamForm {
  settings: SettingsDraft
  questions: QuestionDraft[]
}

export const formOf = (exam: Pick<ExamDraft, 'settings' | 'questions'>): ExamForm => ({
  settings: {
    perGoal: String(exam.settings.perGoal),
    passPercent: String(exam.settings.passPercent),
    attemptsLimit: String(exam.settings.attemptsLimit),
    validityMonths: exam.settings.validityMonths === null ? '' : String(exam.settings.validityMonths),
  },
  questions: exam.questions.map((question) => ({ ...question, key: newDraftKey(), options: question.options.map((option) => ({ ...option, key: newDraftKey() })) })),
})

const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN)

/** What PUT …/exam takes (the server validates again). Call after problemsOf() found nothing. */
export const inputOf = (form: ExamForm, version: number): { version: number; settings: ExamSettings; questions: ExamQuestion[] } => ({
  version,
  settings: {
    perGoal: whole(form.settings.perGoal),
    passPercent: whole(form.settings.passPercent),
    attemptsLimit: whole(form.settings.attemptsLimit),
    validityMonths: form.settings.validityMonths.trim() === '' ? null : whole(form.settings.validityMonths),
  },
  questions: form.questions.map((question) => ({ ...questionInput(question), goal: question.goal })),
})

/** A question as the API takes it (trimmed, keys dropped): the part exam and practice questions share. */
export const questionInput = (question: QuestionDraft) => ({
  id: question.id,
  kind: question.kind,
  text: question.text.trim(),
  options: question.options.map((option) => ({ id: option.id, text: option.text.trim(), correct: option.correct, feedback: option.feedback.trim() })),
})

/** The first id `{prefix}{n}` not in `taken` (ids match the bank's /^[a-z0-9][a-z0-9-]{0,23}$/). */
export function freshId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  let n = 1
  while (used.has(`${prefix}${n}`)) n++
  return `${prefix}${n}`
}

export const newOption = (question: Pick<QuestionDraft, 'options'>): OptionDraft => ({
  key: newDraftKey(),
  id: freshId('s', question.options.map((option) => option.id)),
  text: '',
  correct: false,
  feedback: '',
})

/** A new single-choice question with two empty options, for the learning goal given. */
export function newQuestion(questions: QuestionDraft[], goal: number): QuestionDraft {
  const question: QuestionDraft = { key: newDraftKey(), id: freshId('sporsmal-', questions.map((q) => q.id)), goal, kind: 'single', text: '', options: [] }
  question.options.push(newOption(question))
  question.options.push(newOption(question))
  return question
}

/**
 * What must be fixed before the bank can be saved, by field path (for ids and the error summary) and a
 * stable kind the text module words in bokmål. Mirrors exam-schema.ts.
 */
export type Problem =
  | { path: string; kind: 'required' | 'tooLong' }
  | { path: string; kind: 'range'; min: number; max: number }
  | { path: string; kind: 'singleCorrect' | 'multipleCorrect' | 'goalMissing' }

export const settingPath = (name: SettingName) => `settings.${name}`
export const questionPath = (question: Pick<QuestionDraft, 'key'>, field: 'text' | 'goal' | 'options' | 'explanation') => `q.${question.key}.${field}`
export const optionPath = (option: Pick<OptionDraft, 'key'>, field: 'text' | 'feedback') => `o.${option.key}.${field}`

export function problemsOf(form: ExamForm, goalCount: number): Problem[] {
  const problems: Problem[] = []
  for (const name of ['perGoal', 'passPercent', 'attemptsLimit', 'validityMonths'] as const) {
    const text = form.settings[name]
    if (name === 'validityMonths' && text.trim() === '') continue
    const value = whole(text)
    const { min, max } = examLimits[name]
    if (!(value >= min && value <= max)) problems.push({ path: settingPath(name), kind: 'range', min, max })
  }
  for (const question of form.questions) problems.push(...questionProblems(question, goalCount))
  return problems
}

/** One question's problems (an exam question's learning goal is checked when `goalCount` is given; practice has none). */
export function questionProblems(question: QuestionDraft, goalCount?: number): Problem[] {
  const problems: Problem[] = []
  if (!question.text.trim()) problems.push({ path: questionPath(question, 'text'), kind: 'required' })
  else if (question.text.trim().length > examLimits.text) problems.push({ path: questionPath(question, 'text'), kind: 'tooLong' })
  if (goalCount !== undefined && question.goal >= goalCount) problems.push({ path: questionPath(question, 'goal'), kind: 'goalMissing' })
  for (const option of question.options) {
    if (!option.text.trim()) problems.push({ path: optionPath(option, 'text'), kind: 'required' })
    else if (option.text.trim().length > examLimits.optionText) problems.push({ path: optionPath(option, 'text'), kind: 'tooLong' })
    if (option.feedback.trim().length > examLimits.feedback) problems.push({ path: optionPath(option, 'feedback'), kind: 'tooLong' })
  }
  const correct = question.options.filter((option) => option.correct).length
  if (question.kind === 'single' && correct !== 1) problems.push({ path: questionPath(question, 'options'), kind: 'singleCorrect' })
  if (question.kind === 'multiple' && (correct < 2 || correct === question.options.length)) problems.push({ path: questionPath(question, 'options'), kind: 'multipleCorrect' })
  return problems
}

/**
 * Why the exam cannot be published as the bank stands (exam-store.ts examProblems, which answers in English
 * only): no questions, or a learning goal with questions but fewer than are drawn for each goal.
 */
export type PublishGap = { kind: 'noQuestions' } | { kind: 'goalShort'; goal: number; count: number; needed: number }

export function publishGaps(form: ExamForm, goalCount: number): PublishGap[] {
  if (form.questions.length === 0) return [{ kind: 'noQuestions' }]
  const needed = whole(form.settings.perGoal)
  const counts = new Map<number, number>()
  for (const question of form.questions) counts.set(question.goal, (counts.get(question.goal) ?? 0) + 1)
  return [...counts]
    .filter(([goal, count]) => goal < goalCount && count < needed)
    .sort(([a], [b]) => a - b)
    .map(([goal, count]) => ({ kind: 'goalShort', goal, count, needed }))
}

/** How many questions each learning goal has, in the goals' order. */
export const questionsPerGoal = (form: ExamForm, goalCount: number): number[] =>
  Array.from({ length: goalCount }, (_, goal) => form.questions.filter((question) => question.goal === goal).length)

/** Switching to single choice keeps only the first right option right, so the question stays valid if it was. */
export function withKind(question: QuestionDraft, kind: QuestionDraft['kind']): QuestionDraft {
  if (kind === question.kind) return question
  if (kind === 'multiple') return { ...question, kind }
  const first = question.options.findIndex((option) => option.correct)
  return { ...question, kind, options: question.options.map((option, index) => ({ ...option, correct: index === first })) }
}

/** Marks an option right or wrong; in a single-choice question marking one right makes the others wrong. */
export function withCorrect(question: QuestionDraft, optionKey: string, correct: boolean): QuestionDraft {
  return {
    ...question,
    options: question.options.map((option) =>
      option.key === optionKey ? { ...option, correct } : question.kind === 'single' && correct ? { ...option, correct: false } : option,
    ),
  }
}

/** How many questions each attempt has (exam-draw.ts questionCount); undefined while perGoal is not a number. */
export function questionsPerAttempt(form: ExamForm): number | undefined {
  const perGoal = whole(form.settings.perGoal)
  return Number.isNaN(perGoal) ? undefined : new Set(form.questions.map((question) => question.goal)).size * perGoal
}

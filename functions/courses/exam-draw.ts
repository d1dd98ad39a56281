import { badRequest } from '../shared/errors.ts'
import { randomCode, shuffled } from './exam-random.ts'
import type { Attempt, AttemptQuestion, ChoiceQuestion, ExamQuestion, ExamSettings, PublishedExam } from './exam-types.ts'

export const ATTEMPT_ID_LENGTH = 26
/** An attempt lives a day: long enough to finish and fetch a certificate, short enough to keep nothing. */
export const ATTEMPT_TTL_SECONDS = 24 * 60 * 60

/**
 * The learning goals that have questions and how many are drawn for each: every such goal has at least
 * `perGoal` questions (the exam's publish checks it), so the number of questions is the same in every attempt.
 */
export function questionCount(exam: { settings: ExamSettings; questions: ExamQuestion[] }): number {
  const goals = new Set(exam.questions.map((question) => question.goal))
  return goals.size * exam.settings.perGoal
}

/** `perGoal` random questions per learning goal, goals in order, each question's options shuffled under new ids. */
export function drawQuestions(exam: Pick<PublishedExam, 'settings' | 'questions'>): AttemptQuestion[] {
  const goals = [...new Set(exam.questions.map((question) => question.goal))].sort((a, b) => a - b)
  return goals.flatMap((goal) =>
    shuffled(exam.questions.filter((question) => question.goal === goal))
      .slice(0, exam.settings.perGoal)
      .map((question) => {
        // Fresh random option ids: the bank's ids (often a, b, c in the editor's order) would tell the order back.
        const ids = new Set<string>()
        const options = shuffled(question.options).map((option) => {
          let id = randomCode(6)
          while (ids.has(id)) id = randomCode(6)
          ids.add(id)
          return { ...option, id: id.toLowerCase() }
        })
        return {
          id: question.id,
          goal: question.goal,
          kind: question.kind,
          choose: rightCount({ options }),
          text: question.text,
          options,
        }
      }),
  )
}

export function newAttempt(input: {
  exam: PublishedExam
  course: { id: string; tenant: string; slug: string; title: string; durationMinutes: number }
  now: Date
}): Attempt {
  return {
    id: randomCode(ATTEMPT_ID_LENGTH),
    tenant: input.course.tenant,
    courseId: input.course.id,
    slug: input.course.slug,
    courseTitle: input.course.title,
    durationMinutes: input.course.durationMinutes,
    examVersion: input.exam.version,
    passPercent: input.exam.settings.passPercent,
    validityMonths: input.exam.settings.validityMonths,
    questions: drawQuestions(input.exam),
    createdAt: input.now.toISOString(),
    expiresAt: Math.floor(input.now.getTime() / 1000) + ATTEMPT_TTL_SECONDS,
  }
}

/**
 * A form's fields (question id → chosen option ids) checked against this attempt's own draw (or a lesson's
 * practice questions, practice.ts; `what` names which in the message): a question or an
 * option that is not in it (another attempt's, another course's, made up), a repeated option, or more options
 * than the question says are right, is a forged or broken submission and a 400. An unanswered question is
 * allowed and scores as wrong; a browser sends nothing for a question left blank.
 */
export function parseAnswers(attempt: { questions: ChoiceQuestion[] }, fields: Record<string, string | string[] | unknown>, what = 'this attempt'): Record<string, string[]> {
  const byId = new Map(attempt.questions.map((question) => [question.id, question]))
  const answers: Record<string, string[]> = {}
  for (const [name, raw] of Object.entries(fields)) {
    const question = byId.get(name)
    if (!question) throw badRequest(`Question '${name.slice(0, 40)}' is not part of ${what}.`)
    const values = Array.isArray(raw) ? raw : [raw]
    if (!values.every((value): value is string => typeof value === 'string')) throw badRequest(`Answers to '${name}' must be option ids.`)
    if (new Set(values).size !== values.length) throw badRequest(`An option of '${name}' is sent twice.`)
    const known = new Set(question.options.map((option) => option.id))
    const unknown = values.find((value) => !known.has(value))
    if (unknown !== undefined) throw badRequest(`Option '${unknown.slice(0, 40)}' is not an option of question '${name}' in ${what}.`)
    const most = question.kind === 'single' ? 1 : rightCount(question)
    if (values.length > most) throw badRequest(`Question '${name}' takes at most ${most} option${most === 1 ? '' : 's'}; ${values.length} were sent.`)
    answers[name] = values
  }
  return answers
}

/** How many options are right: the reader is told ("Velg 2"), and may pick at most that many. */
export const rightCount = (question: Pick<ChoiceQuestion, 'options'>) => question.options.filter((option) => option.correct).length

/** A question is right when exactly its correct options were chosen: no partial credit. */
export function isRight(question: Pick<ChoiceQuestion, 'options'>, chosen: readonly string[] = []): boolean {
  const correct = question.options.filter((option) => option.correct).map((option) => option.id)
  return chosen.length === correct.length && correct.every((id) => chosen.includes(id))
}

export function score(attempt: Pick<Attempt, 'questions' | 'passPercent'>, answers: Record<string, string[]>) {
  const correctCount = attempt.questions.filter((question) => isRight(question, answers[question.id])).length
  // Whole numbers only: 4 of 5 at 80 % passes, with no floating-point doubt at the boundary.
  const passed = correctCount * 100 >= attempt.passPercent * attempt.questions.length
  return { correctCount, passed }
}

/** What a page may show of an attempt before it is scored: ids and texts, never `correct` or `feedback`. */
export function unscoredView(attempt: Attempt) {
  return {
    id: attempt.id,
    tenant: attempt.tenant,
    slug: attempt.slug,
    courseTitle: attempt.courseTitle,
    passPercent: attempt.passPercent,
    questions: attempt.questions.map(unansweredView),
  }
}

/** What a form may show of a question (the exam's, or a lesson's practice question): ids and texts, never `correct` or `feedback`. */
export const unansweredView = (question: ChoiceQuestion) => ({
  id: question.id,
  kind: question.kind,
  /** How many options are right ("Velg 2"). */
  choose: rightCount(question),
  text: question.text,
  options: question.options.map((option) => ({ id: option.id, text: option.text })),
})
export type UnansweredQuestion = ReturnType<typeof unansweredView>
export type UnscoredAttempt = ReturnType<typeof unscoredView>

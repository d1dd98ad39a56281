import { isRight, parseAnswers } from './exam-draw.ts'
import type { PracticeQuestion } from './exam-types.ts'

/*
 * Practice questions after a lesson (issue 11): the reader's answers are checked on the server and never stored.
 * The form posts to the exams function (practice-routes.ts), which checks the answers against the published lesson
 * and answers 303 to the lesson with the answers in the query; the lesson page reads them back, checks them again
 * and shows feedback. The lesson page without that query says nothing about which options are right. Zod-free:
 * the site bundle imports it.
 */

/** The query parameter that carries the answers: one `{question}:{option},{option}` per question, in order. */
export const practiceParam = 'svar'
/** The id of the result on the lesson page, where the redirect's fragment takes the reader (and focus). */
export const practiceResultId = 'ovelse-resultat'

export type PracticeAnswers = Record<string, string[]>

/** A form's fields checked against the lesson's questions: 400 for a question or option that is not one of them. */
export const checkPracticeForm = (questions: PracticeQuestion[], fields: Record<string, unknown>): PracticeAnswers =>
  parseAnswers({ questions }, fields, 'this lesson')

/** The query the lesson is shown with after answering (unanswered questions carry an empty list). */
export function practiceQuery(questions: PracticeQuestion[], answers: PracticeAnswers): string {
  const query = new URLSearchParams()
  for (const question of questions) query.append(practiceParam, `${question.id}:${(answers[question.id] ?? []).join(',')}`)
  return query.toString()
}

/**
 * The answers a lesson page's query carries, checked as the form was; undefined when the query is not a complete,
 * valid set of answers to these questions (the page is then shown unanswered).
 */
export function answersFromQuery(questions: PracticeQuestion[], values: string[] | undefined): PracticeAnswers | undefined {
  if (!values?.length || values.length !== questions.length) return undefined
  const fields: Record<string, string[]> = {}
  for (const value of values) {
    const [id = '', chosen = ''] = value.split(':', 2)
    if (id in fields) return undefined
    fields[id] = chosen ? chosen.split(',') : []
  }
  if (!questions.every((question) => question.id in fields)) return undefined
  try {
    return checkPracticeForm(questions, Object.fromEntries(Object.entries(fields).filter(([, chosen]) => chosen.length)))
  } catch {
    return undefined
  }
}

/** How many questions were answered right. */
export const practiceScore = (questions: PracticeQuestion[], answers: PracticeAnswers) => questions.filter((question) => isRight(question, answers[question.id])).length

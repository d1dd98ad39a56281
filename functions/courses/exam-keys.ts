import { tenantPk } from '../shared/keys.ts'

/**
 * Key layout of exams, attempts and certificates (docs/data-model.md). The question bank lives apart from the
 * course's published snapshot (`PUB#e-kurs#{slug}`), which /api/v1/items serves as JSON: correct answers must
 * never be readable before an attempt is submitted. Only this capability builds these keys.
 */
export { tenantPk }
/** The editors' working copy of a course's question bank and settings (versioned). */
export const examSk = (courseId: string) => `EXAM#${courseId}`
/** What readers are examined on: written only by the exam's own publish, read only on the server. */
export const publishedExamSk = (courseId: string) => `EXAMPUB#${courseId}`
/** One reader's draw: its own partition, so nothing about it is found from a course (and nothing lists them). */
export const attemptKey = (attemptId: string) => ({ PK: `ATTEMPT#${attemptId}`, SK: 'ATTEMPT' })
/** A certificate, found by its code only. */
export const certificateKey = (code: string) => ({ PK: `CERT#${code}`, SK: 'CERT' })

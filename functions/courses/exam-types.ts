/**
 * The stored shapes of exams, attempts and certificates: plain types, so the public API and the site (which
 * carry no zod) can use them. exam-schema.ts validates editor input against the same shapes.
 */

export interface ExamOption {
  id: string
  text: string
  correct: boolean
  /** Shown to the reader after submitting, beside the option. */
  feedback: string
}

/** A single- or multiple-choice question: the part exam questions and lessons' practice questions share. */
export interface ChoiceQuestion {
  id: string
  kind: 'single' | 'multiple'
  text: string
  options: ExamOption[]
}

export interface ExamQuestion extends ChoiceQuestion {
  goal: number
}

/** At most this many practice questions after one lesson: a check of understanding, not a second exam. */
export const maxPracticeQuestions = 5

/**
 * A practice question after a lesson (`practice` on a lesson, 0–5): never scored or stored per reader, shown
 * with its feedback and explanation once the reader has answered (functions/courses/practice.ts).
 */
export interface PracticeQuestion extends ChoiceQuestion {
  /** Why the right answer is right, shown under the question after answering. */
  explanation: string
}

export interface ExamSettings {
  perGoal: number
  passPercent: number
  attemptsLimit: number
  validityMonths: number | null
}

export const defaultExamSettings: ExamSettings = { perGoal: 2, passPercent: 80, attemptsLimit: 3, validityMonths: null }

/** The editors' working copy (`EXAM#{courseId}`). */
export interface ExamDraft {
  tenant: string
  courseId: string
  settings: ExamSettings
  questions: ExamQuestion[]
  version: number
  updatedAt: string
  updatedBy?: string
  /** The draft version last published, so the workspace can say whether there are unpublished changes. */
  publishedVersion?: number
  publishedAt?: string
}

/** What readers are examined on (`EXAMPUB#{courseId}`): a copy of the draft taken at the exam's publish. */
export interface PublishedExam {
  tenant: string
  courseId: string
  settings: ExamSettings
  questions: ExamQuestion[]
  version: number
  publishedAt: string
}

/** A drawn question as the attempt keeps it: option ids are new random ones, so ids reveal nothing. */
export interface AttemptQuestion {
  id: string
  goal: number
  kind: 'single' | 'multiple'
  /** How many options are right: the reader is told ("Velg 2"), and may pick at most that many. */
  choose: number
  text: string
  options: ExamOption[]
}

/** One reader's attempt (`ATTEMPT#{id}`): no personal data, gone a day after it was started (TTL). */
export interface Attempt {
  id: string
  /**
   * An exam's (absent on attempts from before SCORM) or a SCORM course's (scorm-attempts.ts: no questions, passed
   * only by the SCORM result route, never by answers).
   */
  kind?: 'exam' | 'scorm'
  /**
   * SCORM only: the package played (its media id), its version and launch page as they were when the attempt
   * started (so the player's page reads the attempt alone), and the score the browser reported (0–100).
   */
  packageId?: string
  scormVersion?: '1.2' | '2004'
  launch?: string
  scorePercent?: number
  tenant: string
  courseId: string
  slug: string
  courseTitle: string
  /** The course's estimated duration, for the certificate's hours. */
  durationMinutes: number
  examVersion: number
  passPercent: number
  validityMonths: number | null
  questions: AttemptQuestion[]
  createdAt: string
  expiresAt: number
  /** Set once, by the one scoring write. */
  scoredAt?: string
  answers?: Record<string, string[]>
  correctCount?: number
  passed?: boolean
  /** The certificate's code, set by the one issuing write. */
  certificate?: string
}

/** A certificate (`CERT#{code}`): what an employer may check, and no more personal data than initials. */
export interface Certificate {
  code: string
  tenant: string
  slug: string
  courseId: string
  courseTitle: string
  /** The edition that issued it (the course's owner), by name as it was that day. */
  issuer: string
  hours: number
  initials: string
  issuedAt: string
  /** ISO date (yyyy-mm-dd) through which it is valid, or null when the course sets no validity. */
  validUntil: string | null
  expiresAt?: number
}

import type { ContentOf, PublishedItem } from '../content/schema.ts'
import { parseMediaPath } from '../media/paths.ts'
import type { Db } from '../shared/db.ts'
import { badRequest } from '../shared/errors.ts'
import { ATTEMPT_ID_LENGTH, ATTEMPT_TTL_SECONDS } from './exam-draw.ts'
import { attemptKey } from './exam-keys.ts'
import { randomCode } from './exam-random.ts'
import { defaultExamSettings, type Attempt } from './exam-types.ts'

/**
 * A SCORM course's pass, checked on the server as far as a server can (docs/courses.md, "What a SCORM pass
 * proves"): the browser runs the package and reports the result, so what is checked is plausibility. The attempt
 * is started (and timed) by the server when the reader starts the course, and passed only for a published SCORM
 * course that still plays the same package, after a plausible time, with a score at least the package's mastery
 * score (or the default pass mark). Then it is an attempt like an exam's, and the kursbevis is issued the same way.
 */

type PublishedCourse = ContentOf<'e-kurs'> & PublishedItem

/** The least time a pass may take: a quarter of the course's estimated duration, between one and ten minutes. */
export const plausibleSeconds = (durationMinutes: number) => Math.round(Math.min(600, Math.max(60, (durationMinutes * 60) / 4)))

/** The package a SCORM course plays (its media id), or undefined when the course is not a playable SCORM course. */
export const packageOf = (course: Pick<PublishedCourse, 'delivery' | 'scorm'>) =>
  course.delivery === 'scorm' && course.scorm?.launch ? parseMediaPath(course.scorm.src)?.mediaId : undefined

export function newScormAttempt(course: PublishedCourse, now: Date): Attempt {
  const packageId = packageOf(course)
  if (!packageId) throw new Error(`${course.slug} is not a SCORM course`)
  return {
    id: randomCode(ATTEMPT_ID_LENGTH),
    kind: 'scorm',
    tenant: course.tenant,
    courseId: course.id,
    slug: course.slug,
    courseTitle: course.title,
    durationMinutes: course.durationMinutes,
    packageId,
    scormVersion: course.scorm?.version,
    launch: course.scorm?.launch,
    examVersion: 0,
    passPercent: course.scorm?.masteryPercent ?? defaultExamSettings.passPercent,
    validityMonths: course.scorm?.validityMonths ?? null,
    questions: [],
    createdAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + ATTEMPT_TTL_SECONDS,
  }
}

export type ScormVerdict =
  | { outcome: 'passed'; scorePercent: number }
  /** Sooner than the course can be taken: the reader may try again in `waitSeconds`. */
  | { outcome: 'early'; waitSeconds: number }
  /** A pass whose score is under the mastery score: the package and its manifest disagree. */
  | { outcome: 'low' }

/**
 * The form the player's page posts (`status`, `score` 0–100, from cmi.core.lesson_status / cmi.success_status and
 * the score) judged against the attempt. A form that does not report a pass, or a score that is not a number,
 * is not something the player sends: 400.
 */
export function judgeScormResult(attempt: Attempt, form: Record<string, unknown>, now: Date): ScormVerdict {
  if (form.status !== 'passed') throw badRequest("The SCORM package has not reported a pass (status must be 'passed').", 'scorm_not_passed')
  const score = typeof form.score === 'string' && /^\d{1,3}(\.\d{1,4})?$/.test(form.score) ? Number(form.score) : NaN
  if (!(score >= 0 && score <= 100)) throw badRequest('The score must be a number from 0 to 100.', 'scorm_not_passed')
  const spent = (now.getTime() - Date.parse(attempt.createdAt)) / 1000
  const needed = plausibleSeconds(attempt.durationMinutes)
  if (spent < needed) return { outcome: 'early', waitSeconds: Math.ceil(needed - spent) }
  if (score < attempt.passPercent) return { outcome: 'low' }
  return { outcome: 'passed', scorePercent: score }
}

/** Marks a SCORM attempt passed, once: conditioned on its kind and on not being scored yet. False when it was. */
export async function markScormPassed(db: Db, attempt: Attempt, scorePercent: number, now: Date): Promise<boolean> {
  try {
    await db.transact([
      {
        Update: {
          Key: attemptKey(attempt.id),
          UpdateExpression: 'SET scoredAt = :at, passed = :passed, scorePercent = :score',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(scoredAt) AND kind = :scorm',
          ExpressionAttributeValues: { ':at': now.toISOString(), ':passed': true, ':score': scorePercent, ':scorm': 'scorm' },
        },
      },
    ])
    return true
  } catch (error) {
    if ((error as Error).name === 'TransactionCanceledException') return false
    throw error
  }
}

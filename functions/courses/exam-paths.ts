/** Where the exam's reader pages live, built in one place for the site, the exams function's redirects and tests. */
export const examIntroPath = (course: { tenant: string; slug: string }) => `/${course.tenant}/e-kurs/${course.slug}/eksamen`
export const attemptPath = (attempt: { tenant: string; slug: string; id: string }) => `${examIntroPath(attempt)}/${attempt.id}`
export const resultPath = (attempt: { tenant: string; slug: string; id: string; kind?: string }) =>
  attempt.kind === 'scorm' ? `${scormAttemptPath(attempt)}/resultat` : `${attemptPath(attempt)}/resultat`
/** A SCORM course's player page for one attempt (web/site/routes/scorm.tsx), and where its pass is posted. */
export const scormAttemptPath = (attempt: { tenant: string; slug: string; id: string }) => `/${attempt.tenant}/e-kurs/${attempt.slug}/scorm/${attempt.id}`
export const startScormAction = (course: { tenant: string; slug: string }) => `/api/v1/exams/${course.tenant}/${course.slug}/scorm`
export const scormResultAction = (attempt: { id: string }) => `/api/v1/attempts/${attempt.id}/scorm-result`
export const certificatePath = (code: string) => `/kursbevis/${code}`
/** Lesson n of the course at `coursePath` (`/{tenant}/e-kurs/{slug}`). */
export const lessonPath = (coursePath: string, n: number) => `${coursePath}/leksjon/${n}`

/** Where the pages' forms post: the exams function (infra/definitions.ts `examsPathPatterns`), since the site only reads. */
export const startAttemptAction = (course: { tenant: string; slug: string }) => `/api/v1/exams/${course.tenant}/${course.slug}/attempts`
export const answersAction = (attempt: { id: string }) => `/api/v1/attempts/${attempt.id}/answers`
export const certificateAction = (attempt: { id: string }) => `/api/v1/attempts/${attempt.id}/certificate`
/** A lesson's practice questions post here (practice-routes.ts), and are answered with a 303 to the lesson. */
export const practiceAction = (course: { tenant: string; slug: string }, n: number) => `/api/v1/exams/${course.tenant}/${course.slug}/lessons/${n}/practice`
/** Where the progress island's one-off beacons go (progress-routes.ts): anonymous started/finished counts. */
export const progressAction = (course: { tenant: string; slug: string }) => `/api/v1/exams/${course.tenant}/${course.slug}/progress`

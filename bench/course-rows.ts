import type { BenchResults } from './report.ts'
import { ms, perSecond, type Row, type Section } from './table.ts'
import { targets } from './targets.ts'

/** What one exam submission may cost in DynamoDB: read the attempt, score it in one conditional write, count it. */
export const SUBMISSION_DYNAMO_REQUESTS = 3

/** The courses phase's rows (issue 11): the lesson page and the exam submission, each with its DynamoDB requests. */
export function courseRows(results: BenchResults): Array<Row | Section> {
  const rows: Array<Row | Section> = [
    { section: `E-courses (issue 11): ${results.settings.connections} connections, ${results.settings.durationSeconds} s after warm-up; the lesson at the origin, the submission through the local router` },
  ]
  const why = results.missing.courses
  if (why) rows.push({ figure: 'e-courses', value: why.error ? `not measured: ${why.error.split('\n')[0]!.slice(0, 160)}` : `skipped: ${why.skipped}` })
  const courses = results.courses
  if (!courses) return rows
  const { lesson, submission } = courses
  rows.push(
    {
      figure: `lesson page ${lesson.path.slice(0, 48)}…: origin (site Hono app)`,
      value: `${perSecond(lesson.load.requestsPerSecond)} · p50 ${ms(lesson.load.p50)} · p99 ${ms(lesson.load.p99)}`,
      target: `p50 ≤ ${targets.originP50Ms} ms`,
      ok: lesson.load.p50 <= targets.originP50Ms,
    },
    {
      figure: 'lesson page: DynamoDB requests',
      value: `${lesson.dynamoRequests.length} (${lesson.dynamoRequests.join(', ')})`,
      target: `≤ ${targets.dynamoRequestsPerPage}`,
      ok: lesson.dynamoRequests.length <= targets.dynamoRequestsPerPage,
    },
    {
      figure: 'exam submission (form POST of answers → 303), each attempt once',
      value: `${perSecond(submission.load.requestsPerSecond)} · p50 ${ms(submission.load.p50)} · p99 ${ms(submission.load.p99)} (${submission.load.responses} of ${submission.started - 1} attempts in ${submission.load.seconds.toFixed(1)} s)`,
      target: 'context',
    },
    {
      figure: 'exam submission: DynamoDB requests',
      value: `${submission.dynamoRequests.length} (${submission.dynamoRequests.join(', ')})`,
      target: `≤ ${SUBMISSION_DYNAMO_REQUESTS}`,
      ok: submission.dynamoRequests.length <= SUBMISSION_DYNAMO_REQUESTS,
    },
  )
  return rows
}

import { spawn } from 'node:child_process'
import { request } from 'node:http'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { slugify } from '../functions/content/slug.ts'
import { createAttempts } from '../functions/courses/exam-attempts.ts'
import { answersAction, startAttemptAction } from '../functions/courses/exam-paths.ts'
import type { Attempt } from '../functions/courses/exam-types.ts'
import type { Services } from '../functions/services.ts'
import type { PostAnswer, PostJob } from './posts.ts'
import { countDuring, operationsDuring } from './requests.ts'
import { mapLimited, percentile } from './stats.ts'
import { LoadGenerator, mergeRounds, type LoadResult } from './throughput.ts'

/** The seeded course built here with an exam (infra/local/seed/course-lessons.ts, exams.ts), in Innlandet. */
const course = { tenant: 'innlandet', slug: slugify('Legemiddelhåndtering i hjemmetjenesten') }
/** Its second lesson: text, a table of contents and practice questions, as a reader's lesson page is. */
export const benchLessonPath = `/${course.tenant}/e-kurs/${course.slug}/leksjon/2`

export interface SubmissionLoad {
  requestsPerSecond: number
  p50: number
  p99: number
  responses: number
  seconds: number
}
export interface CourseBenchResult {
  lesson: { path: string; load: LoadResult; dynamoRequests: string[] }
  submission: { course: string; started: number; load: SubmissionLoad; dynamoRequests: string[] }
}
export interface CourseBenchOptions {
  connections: number
  duration: number
  warmup: number
  /** Attempts started before the submissions' load: each is submitted once, so this bounds the load's count. */
  attempts: number
}

/** A form POST through the router on loopback: the status and the redirect's target. */
function postForm(origin: string, path: string, body: string): Promise<{ status: number; location?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, origin), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** Every question answered with its right options, as the form posts them. */
const rightAnswers = (attempt: Attempt) =>
  new URLSearchParams(attempt.questions.flatMap((question) => question.options.filter((option) => option.correct).map((option): [string, string] => [question.id, option.id]))).toString()

/** Runs one post job in bench/post-worker.ts, a process of its own. */
async function postLoad(job: PostJob): Promise<PostAnswer> {
  const worker = fileURLToPath(new URL('./post-worker.ts', import.meta.url))
  const child = spawn(process.execPath, ['--import', 'tsx', worker], { stdio: ['pipe', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2000)))
  try {
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
    child.stdin.write(`${JSON.stringify(job)}\n`)
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the post load did not finish: ${stderr}`)), (job.duration + 60) * 1000).unref())
    const next = await Promise.race([lines.next(), timeout])
    if (next.done) throw new Error(`the post worker stopped: ${stderr.trim().slice(-800)}`)
    return JSON.parse(next.value) as PostAnswer
  } finally {
    child.stdin.end()
    child.kill()
  }
}

/**
 * Issue 11's rows: a lesson page under load at the origin (the site's Hono app, autocannon, as the other pages' origin
 * figures), and the exam submission readers post, through the local router as a browser sends it: `attempts` attempts started through the router first, then each submitted once
 * under load (bounded by their number and by `duration`), with the DynamoDB requests of one of each. Loopback only.
 */
export async function measureCourses(
  services: Services,
  urls: { router: string; app: string },
  options: CourseBenchOptions,
  log: (line: string) => void,
): Promise<CourseBenchResult> {
  const { router } = urls
  await services.catalog.get()
  // The origin, as the other pages' targets are measured: what the site's Lambda runs.
  const lessonUrl = urls.app + benchLessonPath
  const lessonRequests = await countDuring(services, lessonUrl)
  const generator = new LoadGenerator()
  let lesson: LoadResult
  try {
    const job = { url: lessonUrl, connections: options.connections }
    await generator.run({ ...job, duration: options.warmup })
    lesson = mergeRounds(lessonUrl, [await generator.run({ ...job, duration: options.duration })])
  } finally {
    generator.stop()
  }
  log(`  lesson page: ${lesson.requestsPerSecond.toFixed(0)} req/s, p50 ${lesson.p50.toFixed(1)} ms, DynamoDB ${lessonRequests.join(', ')}`)

  // Attempts as readers start them: the form post through the router, each drawing its own questions.
  const ids = await mapLimited(Array.from({ length: options.attempts + 1 }), 8, async () => {
    const started = await postForm(router, startAttemptAction(course), '')
    if (started.status !== 303 || !started.location) throw new Error(`starting an attempt answered ${started.status}`)
    return started.location.split('/').pop()!
  })
  const attempts = createAttempts(services.db)
  const drawn = await mapLimited(ids, 8, async (id) => (await attempts.get(id))!)
  const [first, ...rest] = drawn.map((attempt) => ({ path: answersAction(attempt), body: rightAnswers(attempt) }))
  const submissionRequests = await operationsDuring(services, async () => {
    const answered = await postForm(router, first!.path, first!.body)
    if (answered.status !== 303) throw new Error(`submitting answers answered ${answered.status}`)
  })
  const answer = await postLoad({ origin: router, posts: rest, connections: options.connections, duration: options.duration })
  if (answer.errors > 0 || answer.unexpected > 0) throw new Error(`exam submissions: ${answer.errors} errors and ${answer.unexpected} answers other than 303`)
  if (answer.responses === 0) throw new Error('no exam submission was answered')
  const load = { requestsPerSecond: answer.responses / answer.seconds, p50: percentile(answer.latencies, 50), p99: percentile(answer.latencies, 99), responses: answer.responses, seconds: answer.seconds }
  log(`  exam submission: ${load.requestsPerSecond.toFixed(0)} req/s, p50 ${load.p50.toFixed(1)} ms (${load.responses} of ${rest.length}), DynamoDB ${submissionRequests.join(', ')}`)
  return { lesson: { path: benchLessonPath, load: lesson, dynamoRequests: lessonRequests }, submission: { course: `/${course.tenant}/e-kurs/${course.slug}`, started: ids.length, load, dynamoRequests: submissionRequests } }
}

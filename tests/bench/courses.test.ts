import { describe, expect, it } from 'vitest'
import { courseRows } from '../../bench/course-rows.ts'
import type { CourseBenchResult } from '../../bench/courses.ts'
import { runPosts } from '../../bench/posts.ts'
import type { BenchResults } from '../../bench/report.ts'
import type { Row } from '../../bench/table.ts'

const posts = (count: number) => Array.from({ length: count }, (_, index) => ({ path: `/api/v1/attempts/A${index}/answers`, body: `q=${index}` }))

describe('runPosts: exam submissions under load, each attempt once', () => {
  it('sends every post exactly once when they run out before the time does, never more than `connections` at a time', async () => {
    const sent: string[] = []
    let inFlight = 0
    let most = 0
    const answer = await runPosts({ posts: posts(25), connections: 4, duration: 60 }, async (post) => {
      inFlight++
      most = Math.max(most, inFlight)
      await new Promise((resolve) => setTimeout(resolve, 1))
      inFlight--
      sent.push(post.path)
      return 303
    }, 303)
    expect(sent.sort()).toEqual(posts(25).map((post) => post.path).sort())
    expect(answer.responses).toBe(25)
    expect(answer.latencies).toHaveLength(25)
    expect(most).toBe(4)
  })

  it('stops taking posts at the deadline, leaving the rest unsent', async () => {
    let clock = 0
    const sent: string[] = []
    // Each post takes 300 ms of a fake clock; 1 s allows four rounds of one connection (0, 300, 600, 900 ms).
    const answer = await runPosts({ posts: posts(10), connections: 1, duration: 1 }, async (post) => {
      sent.push(post.path)
      clock += 300
      return 303
    }, 303, () => clock)
    expect(sent).toHaveLength(4)
    expect(answer.responses).toBe(4)
    expect(answer.seconds).toBeCloseTo(1.2)
  })

  it('counts other answers and failures apart from the latencies', async () => {
    let n = 0
    const answer = await runPosts({ posts: posts(6), connections: 2, duration: 60 }, async () => {
      n++
      if (n % 3 === 0) throw new Error('socket hang up')
      return n % 2 ? 303 : 400
    }, 303)
    expect(answer.responses + answer.unexpected + answer.errors).toBe(6)
    expect(answer.errors).toBe(2)
    expect(answer.latencies).toHaveLength(answer.responses)
  })
})

const results = (courses?: CourseBenchResult, missing: BenchResults['missing'] = {}): BenchResults => ({
  date: '2026-12-01T06:00:00.000Z',
  machine: { cpus: [{ model: 'Test CPU', speed: 2000 }], cores: 2, memoryBytes: 2 ** 34, platform: 'linux', release: '6', node: 'v20.20.2' },
  settings: { connections: 10, durationSeconds: 8, warmupSeconds: 2, rounds: 4, prewarmSeconds: 6, initRuns: 10, scale: { items: 10, tenant: 'innlandet', concurrency: 1, calls: 1, deepPage: 1, pageSize: 20 }, quick: false },
  loadAverage: {},
  missing,
  ...(courses ? { courses } : {}),
})

const measured = (lessonP50: number, lessonRequests: string[], submissionRequests: string[]): CourseBenchResult => ({
  lesson: {
    path: '/innlandet/e-kurs/legemiddelhandtering-i-hjemmetjenesten/leksjon/2',
    load: { url: 'http://127.0.0.1/x', requestsPerSecond: 410.4, p50: lessonP50, p90: 30, p99: 60, mean: 20, max: 90, responses: 3283, seconds: 8, roundRates: [410] },
    dynamoRequests: lessonRequests,
  },
  submission: { course: '/innlandet/e-kurs/legemiddelhandtering-i-hjemmetjenesten', started: 1501, load: { requestsPerSecond: 120, p50: 70, p99: 200, responses: 960, seconds: 8 }, dynamoRequests: submissionRequests },
})

describe('courseRows', () => {
  const rows = (result: BenchResults) => courseRows(result).filter((row): row is Row => 'figure' in row)

  it('shows the lesson page and the exam submission with req/s, p50 and their DynamoDB requests against the budgets', () => {
    const [lesson, lessonDb, submission, submissionDb] = rows(results(measured(12, ['GetItem', 'GetItem'], ['GetItem', 'TransactWriteItems', 'UpdateItem'])))
    expect(lesson).toMatchObject({ value: '410 req/s · p50 12 ms · p99 60 ms', ok: true })
    expect(lessonDb).toMatchObject({ value: '2 (GetItem, GetItem)', target: '≤ 2', ok: true })
    expect(submission!.value).toContain('120 req/s · p50 70 ms · p99 200 ms')
    expect(submission!.value).toContain('960 of 1500 attempts in 8.0 s')
    expect(submissionDb).toMatchObject({ value: '3 (GetItem, TransactWriteItems, UpdateItem)', ok: true })
  })

  it('marks a slow lesson page and a third read as missed', () => {
    const [lesson, lessonDb] = rows(results(measured(45, ['GetItem', 'GetItem', 'Query'], ['GetItem'])))
    expect(lesson!.ok).toBe(false)
    expect(lessonDb!.ok).toBe(false)
  })

  it('says why there are no figures', () => {
    expect(rows(results(undefined, { courses: { skipped: 'not in --only' } }))).toEqual([{ figure: 'e-courses', value: 'skipped: not in --only' }])
    expect(rows(results(undefined, { courses: { error: 'starting an attempt answered 404\nstack' } }))[0]!.value).toBe('not measured: starting an attempt answered 404')
  })
})

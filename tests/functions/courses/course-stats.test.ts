import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { beforeAll, describe, expect, it } from 'vitest'
import { courseStatPrefix, createCourseStats, monthOf, type CourseStats } from '../../../functions/courses/course-stats.ts'
import { createAttempts } from '../../../functions/courses/exam-attempts.ts'
import type { Attempt } from '../../../functions/courses/exam-types.ts'
import { Db } from '../../../functions/shared/db.ts'
import { countersTable } from '../../../infra/definitions.ts'
import { testCourse, threeLessons } from '../../support/courses.ts'
import { createEditorEnvironment } from '../../support/editors.ts'
import { bank, form, publishCourse } from './exam-support.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>

const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36'
const googlebot = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'

describe('anonymous course statistics (issue 11)', () => {
  let env: Env
  let examCourse: string
  let builtCourse: string
  const statsPath = (id: string, tenant = 'akershus') => `/api/editor/tenants/${tenant}/items/${id}/stats`
  const stats = async (id: string) => (await (await env.call('GET', statsPath(id), env.tokens.akershus)).json()) as CourseStats
  const beacon = (slug: string, event: string, agent: string | null = chrome) =>
    env.apis.request(`/api/v1/exams/akershus/${slug}/progress`, { ...form([['event', event]]), headers: { ...form([]).headers, ...(agent ? { 'user-agent': agent } : {}) } })

  /** Starts an attempt and answers it: every question right, or all wrong. */
  const takeExam = async (slug: string, pass: boolean) => {
    const started = await env.apis.request(`/api/v1/exams/akershus/${slug}/attempts`, form([]))
    const attempt = (await createAttempts(env.services.db).get(started.headers.get('location')!.split('/').pop()!)) as Attempt
    const fields = attempt.questions.flatMap((question) =>
      question.options.filter((option) => option.correct === pass).slice(0, question.choose).map((option): [string, string] => [question.id, option.id]),
    )
    const submitted = await env.apis.request(`/api/v1/attempts/${attempt.id}/answers`, form(fields))
    expect(submitted.status).toBe(303)
    return attempt
  }

  beforeAll(async () => {
    env = await createEditorEnvironment('course-stats')
    examCourse = (await publishCourse(env.services, 'akershus', 'statistikkurs')).id
    const saved = await env.call('PUT', `/api/editor/tenants/akershus/courses/${examCourse}/exam`, env.tokens.akershus, { version: 0, ...bank() })
    expect(saved.status).toBe(200)
    expect((await env.call('POST', `/api/editor/tenants/akershus/courses/${examCourse}/exam/publish`, env.tokens.akershus, { version: 1 })).status).toBe(200)
    const built = await env.services.content.create(testCourse('akershus', 'bygget-kurs'))
    await env.services.courses.saveLessons('akershus', built.id, threeLessons())
    await env.services.content.publish('akershus', built.id, built.version)
    builtCourse = built.id
  })

  it('starts at zero, and counts each scored attempt once, with passes, in this month', async () => {
    expect(await stats(examCourse)).toEqual({ months: [], total: { started: 0, finished: 0, attempts: 0, passes: 0 } })
    const passed = await takeExam('statistikkurs', true)
    await takeExam('statistikkurs', false)
    // Submitting a scored attempt again changes nothing, and counts nothing.
    await env.apis.request(`/api/v1/attempts/${passed.id}/answers`, form([]))
    const counted = await stats(examCourse)
    expect(counted.total).toEqual({ started: 0, finished: 0, attempts: 2, passes: 1 })
    expect(counted.months).toEqual([{ month: monthOf(new Date()), started: 0, finished: 0, attempts: 2, passes: 1 }])
  })

  it('counts browsers that start and finish a built course from their beacons, and ignores bots and a missing user agent', async () => {
    for (const [event, agent] of [['started', chrome], ['started', chrome], ['finished', chrome], ['started', googlebot], ['finished', null]] as const) {
      const response = await beacon('bygget-kurs', event, agent)
      expect(response.status).toBe(204)
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(response.headers.get('set-cookie')).toBeNull()
    }
    expect((await stats(builtCourse)).total).toEqual({ started: 2, finished: 1, attempts: 0, passes: 0 })
  })

  it('refuses a beacon with an unknown event (400), for an unknown course (404) and for a course taken elsewhere (404)', async () => {
    expect((await beacon('bygget-kurs', 'viewed')).status).toBe(400)
    expect((await beacon('finnes-ikke', 'started')).status).toBe(404)
    expect((await beacon('statistikkurs', 'started')).status).toBe(404)
    expect((await stats(examCourse)).total.started).toBe(0)
  })

  it("shows the figures to the course's own edition only: another region's editor gets 403, an unknown course 404", async () => {
    expect((await env.call('GET', statsPath(builtCourse), env.tokens.innlandet)).status).toBe(403)
    expect((await env.call('GET', statsPath(builtCourse, 'innlandet'), env.tokens.innlandet)).status).toBe(404)
    expect((await env.call('GET', statsPath('01JAAAAAAAAAAAAAAAAAAAAAAA'), env.tokens.akershus)).status).toBe(404)
    expect((await env.call('GET', statsPath(builtCourse), undefined)).status).toBe(401)
  })

  it('stores counts only: course, month and numbers, nothing about a reader', async () => {
    const all = await Promise.all(
      Array.from({ length: 8 }, async (_, shard) =>
        (await env.services.clients.dynamo.send(new QueryCommand({ TableName: env.config.tables.counters, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `${courseStatPrefix}akershus#${builtCourse}#${shard}` } }))).Items ?? [],
      ),
    )
    const records = all.flat()
    expect(records.length).toBeGreaterThan(0)
    for (const record of records) {
      expect(Object.keys(record).every((name) => ['PK', 'SK', 'started', 'finished', 'attempts', 'passes'].includes(name)), JSON.stringify(record)).toBe(true)
      expect(record.SK).toMatch(/^MONTH#\d{4}-\d{2}$/)
      for (const name of ['started', 'finished', 'attempts', 'passes']) if (name in record) expect(typeof record[name]).toBe('number')
    }
  })

  it('spreads one course over its shards and sums them when read, by the month in Norway', async () => {
    let turn = 0
    const store = createCourseStats(new Db(env.services.clients.dynamo, env.config.tables.counters, countersTable), {
      shards: 4,
      random: () => (turn++ % 4) / 4,
      now: () => new Date('2026-10-31T23:30:00Z'),
    })
    for (let index = 0; index < 8; index++) await store.count('vestfold', 'kurs-med-skår', { started: 1 })
    const partitions = await Promise.all(
      [0, 1, 2, 3].map(async (shard) => (await env.services.clients.dynamo.send(new QueryCommand({ TableName: env.config.tables.counters, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `${courseStatPrefix}vestfold#kurs-med-skår#${shard}` } }))).Items ?? []),
    )
    expect(partitions.map((items) => items.map((item) => item.started))).toEqual([[2], [2], [2], [2]])
    // 23:30 UTC on 31 October is 00:30 on 1 November in Oslo.
    expect(await store.read('vestfold', 'kurs-med-skår')).toEqual({ months: [{ month: '2026-11', started: 8, finished: 0, attempts: 0, passes: 0 }], total: { started: 8, finished: 0, attempts: 0, passes: 0 } })
  })
})

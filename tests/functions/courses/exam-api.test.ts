import { beforeAll, describe, expect, it } from 'vitest'
import { createAttempts } from '../../../functions/courses/exam-attempts.ts'
import type { Attempt } from '../../../functions/courses/exam-types.ts'
import { createExamsApiApp } from '../../../functions/exams-api.ts'
import { createPublicApiApp } from '../../../functions/public-api.ts'
import { createEditorEnvironment } from '../../support/editors.ts'
import { bank, feedbackTexts, form, publishCourse } from './exam-support.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>


describe('exam: editor routes, attempts and scoring (issue 11)', () => {
  let env: Env
  let publicApi: ReturnType<typeof createPublicApiApp>
  let exams: ReturnType<typeof createExamsApiApp>
  let attempts: ReturnType<typeof createAttempts>
  const examPath = (id: string) => `/api/editor/tenants/akershus/courses/${id}/exam`
  let courseId: string
  let otherCourseId: string

  /** Starts an attempt through the exams function and reads back what the server drew. */
  const start = async (slug = 'eksamenskurs', tenant = 'akershus') => {
    const response = await exams.request(`/api/v1/exams/${tenant}/${slug}/attempts`, form([]))
    expect(response.status).toBe(303)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const location = response.headers.get('location')!
    expect(location).toMatch(new RegExp(`^/${tenant}/e-kurs/${slug}/eksamen/[0-9A-Z]{26}$`))
    return (await attempts.get(location.split('/').pop()!))!
  }
  const correctOf = (attempt: Attempt, questionId: string) =>
    attempt.questions.find((question) => question.id === questionId)!.options.filter((option) => option.correct).map((option) => option.id)
  const wrongOf = (attempt: Attempt, questionId: string) =>
    attempt.questions.find((question) => question.id === questionId)!.options.filter((option) => !option.correct).map((option) => option.id)
  /** Answers every question right except those named. */
  const answers = (attempt: Attempt, wrong: string[] = []): Array<[string, string]> =>
    attempt.questions.flatMap((question) =>
      (wrong.includes(question.id) ? wrongOf(attempt, question.id).slice(0, question.choose) : correctOf(attempt, question.id)).map((id): [string, string] => [question.id, id]),
    )
  const submit = (attempt: Attempt, fields: Array<[string, string]>) => exams.request(`/api/v1/attempts/${attempt.id}/answers`, form(fields))

  beforeAll(async () => {
    env = await createEditorEnvironment('exam-api')
    publicApi = createPublicApiApp(env.services)
    exams = createExamsApiApp(env.services)
    attempts = createAttempts(env.services.db)
    courseId = (await publishCourse(env.services, 'akershus', 'eksamenskurs')).id
    otherCourseId = (await publishCourse(env.services, 'akershus', 'annet-kurs')).id
    for (const [id, prefix] of [[courseId, 'q'], [otherCourseId, 'z']] as const) {
      const saved = await env.call('PUT', examPath(id), env.tokens.akershus, { version: 0, ...bank(prefix) })
      expect(saved.status).toBe(200)
      const published = await env.call('POST', `${examPath(id)}/publish`, env.tokens.akershus, { version: 1 })
      expect(published.status, await published.clone().text()).toBe(200)
    }
  })

  describe('editor routes', () => {
    it('answers an empty bank with the default settings before the first save', async () => {
      const { id } = await publishCourse(env.services, 'akershus', 'tom-bank')
      const response = await env.call('GET', examPath(id), env.tokens.akershus)
      expect(response.status).toBe(200)
      const body = await response.json()
      expect(body.exam).toMatchObject({ version: 0, questions: [], settings: { passPercent: 80 } })
      expect(body.course.learningGoals).toHaveLength(2)
    })

    it('refuses another region (403) and an unknown course (404)', async () => {
      expect((await env.call('GET', examPath(courseId), env.tokens.innlandet)).status).toBe(403)
      expect((await env.call('PUT', examPath(courseId), env.tokens.innlandet, { version: 2, ...bank() })).status).toBe(403)
      expect((await env.call('POST', `${examPath(courseId)}/publish`, env.tokens.innlandet, { version: 2 })).status).toBe(403)
      expect((await env.call('GET', examPath('01ARZ3NDEKTSV4RRFFQ69G5FAV'), env.tokens.akershus)).status).toBe(404)
    })

    it('refuses bad input with 400', async () => {
      const twoRight = bank()
      twoRight.questions[0]!.options[0]!.correct = true
      const goalTooFar = bank()
      goalTooFar.questions[0]!.goal = 5
      const controlChar = bank()
      controlChar.questions[0]!.text = 'Hva\u0007?'
      for (const body of [twoRight, goalTooFar, controlChar, { ...bank(), settings: { ...bank().settings, passPercent: 0 } }]) {
        const response = await env.call('PUT', examPath(courseId), env.tokens.akershus, { version: 2, ...body })
        expect(response.status).toBe(400)
        expect((await response.json()).code).toBe('bad_request')
      }
    })

    it('answers a stale save with 409 and the current bank', async () => {
      const response = await env.call('PUT', examPath(courseId), env.tokens.akershus, { version: 1, ...bank() })
      expect(response.status).toBe(409)
      const body = await response.json()
      expect(body.code).toBe('stale_version')
      expect(body.current.version).toBe(2)
    })

    it('publishes an exam only while the course is published and the bank is complete', async () => {
      const draft = await env.services.content.create({ ...(await publishCourse(env.services, 'akershus', 'utkast-kurs')), id: '01ARZ3NDEKTSV4RRFFQ69G5FAW', slug: 'utkast-kurs-2' } as never)
      await env.call('PUT', examPath(draft.id), env.tokens.akershus, { version: 0, ...bank() })
      const unpublished = await env.call('POST', `${examPath(draft.id)}/publish`, env.tokens.akershus, { version: 1 })
      expect(unpublished.status).toBe(409)

      const { id } = await publishCourse(env.services, 'akershus', 'for-faa')
      await env.call('PUT', examPath(id), env.tokens.akershus, { version: 0, ...bank('q', { perGoal: 3 }) })
      const incomplete = await env.call('POST', `${examPath(id)}/publish`, env.tokens.akershus, { version: 1 })
      expect(incomplete.status).toBe(400)
      expect((await incomplete.json()).code).toBe('publish_blocked')
    })
  })

  describe('before submission nothing tells which options are right', () => {
    it('keeps the bank out of the course JSON and the attempt redirect', async () => {
      const item = await (await publicApi.request('/api/v1/items/akershus/e-kurs/eksamenskurs')).text()
      for (const text of feedbackTexts(bank('q'))) expect(item).not.toContain(text)
      expect(item).not.toContain('"correct"')
      const response = await exams.request('/api/v1/exams/akershus/eksamenskurs/attempts', form([]))
      expect(await response.text()).toBe('')
    })

    it('draws per learning goal, shuffles, and gives options fresh random ids', async () => {
      const attempt = await start()
      expect(attempt.questions).toHaveLength(4)
      expect(attempt.questions.map((question) => question.goal)).toEqual([0, 0, 1, 1])
      expect(attempt.questions.find((question) => question.kind === 'multiple')!.choose).toBe(2)
      for (const option of attempt.questions.flatMap((question) => question.options)) expect(option.id).toMatch(/^[0-9a-z]{6}$/)
      expect(attempt).not.toHaveProperty('name')
    })

    it('refuses a course with no exam, and an unknown edition or course, with 404', async () => {
      await publishCourse(env.services, 'akershus', 'uten-eksamen')
      for (const path of ['/api/v1/exams/akershus/uten-eksamen/attempts', '/api/v1/exams/ukjent/eksamenskurs/attempts', '/api/v1/exams/akershus/finnes-ikke/attempts'])
        expect((await exams.request(path, form([]))).status).toBe(404)
      expect((await exams.request('/api/v1/exams/akershus/Ugyldig%20slug/attempts', form([]))).status).toBe(400)
    })
  })

  describe('scoring', () => {
    it('passes with every question right and redirects to the result', async () => {
      const attempt = await start()
      const response = await submit(attempt, answers(attempt))
      expect(response.status).toBe(303)
      expect(response.headers.get('location')).toBe(`/akershus/e-kurs/eksamenskurs/eksamen/${attempt.id}/resultat`)
      expect(await attempts.get(attempt.id)).toMatchObject({ correctCount: 4, passed: true })
    })

    it('fails below the pass mark; a multiple choice with one of two right options is wrong', async () => {
      const attempt = await start()
      const multiple = attempt.questions.find((question) => question.kind === 'multiple')!
      const fields = answers(attempt).filter(([name]) => name !== multiple.id)
      fields.push([multiple.id, correctOf(attempt, multiple.id)[0]!])
      await submit(attempt, fields)
      expect(await attempts.get(attempt.id)).toMatchObject({ correctCount: 3, passed: false })
    })

    it('counts an unanswered question as wrong', async () => {
      const attempt = await start()
      await submit(attempt, answers(attempt).filter(([name]) => name !== attempt.questions[0]!.id))
      expect(await attempts.get(attempt.id)).toMatchObject({ correctCount: 3, passed: false })
    })

    it('scores once: a second submission changes nothing and gets the same result', async () => {
      const attempt = await start()
      await submit(attempt, answers(attempt))
      const again = await submit(attempt, answers(attempt, attempt.questions.map((question) => question.id)))
      expect(again.status).toBe(303)
      expect(again.headers.get('location')).toMatch(/\/resultat$/)
      expect(await attempts.get(attempt.id)).toMatchObject({ correctCount: 4, passed: true })
    })

    it('refuses forged submissions with 400 and scores nothing', async () => {
      const attempt = await start()
      const other = await start()
      const otherCourse = await start('annet-kurs')
      const single = attempt.questions.find((question) => question.kind === 'single')!
      const multiple = attempt.questions.find((question) => question.kind === 'multiple')!
      const forgeries: Array<Array<[string, string]>> = [
        // Another course's question ids.
        otherCourse.questions.map((question) => [question.id, question.options[0]!.id]),
        // This attempt's question with another attempt's option ids.
        [[single.id, other.questions.find((question) => question.id === single.id)?.options[0]!.id ?? 'zzzzzz']],
        // A made-up option.
        [[single.id, 'forged']],
        // Two options for a single choice; three for "Velg 2".
        single.options.slice(0, 2).map((option) => [single.id, option.id]),
        multiple.options.slice(0, 3).map((option) => [multiple.id, option.id]),
        // The same option twice.
        [[multiple.id, multiple.options[0]!.id], [multiple.id, multiple.options[0]!.id]],
        // An extra field.
        [...answers(attempt), ['extra', 'x']],
      ]
      for (const fields of forgeries) {
        const response = await submit(attempt, fields)
        expect(response.status, JSON.stringify(fields)).toBe(400)
        expect((await response.json()).code).toBe('bad_request')
      }
      expect((await attempts.get(attempt.id))!.scoredAt).toBeUndefined()
    })

    it('answers an unknown or malformed attempt id with 404 or 400', async () => {
      expect((await exams.request('/api/v1/attempts/0123456789ABCDEFGHJKMNPQRS/answers', form([]))).status).toBe(404)
      expect((await exams.request('/api/v1/attempts/nope/answers', form([]))).status).toBe(400)
    })
  })
})

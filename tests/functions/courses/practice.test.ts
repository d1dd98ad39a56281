import { beforeAll, describe, expect, it } from 'vitest'
import type { PracticeQuestion } from '../../../functions/courses/exam-types.ts'
import { createSiteApp } from '../../../web/site/app.tsx'
import { testCourse, threeLessons } from '../../support/courses.ts'
import { createEditorEnvironment } from '../../support/editors.ts'
import { form } from './exam-support.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>

/** Two questions: a single choice and a "Velg 2"; option ids and texts say nothing about which are right. */
const practice: PracticeQuestion[] = [
  {
    id: 'handhygiene',
    kind: 'single',
    text: 'Når skal du vaske hendene?',
    options: [
      { id: 'a', text: 'Bare etter pasientkontakt', correct: false, feedback: 'Tilbakemelding A-alternativ' },
      { id: 'b', text: 'Før og etter pasientkontakt', correct: true, feedback: 'Tilbakemelding B-alternativ' },
    ],
    explanation: 'Forklaringstekst om håndhygiene',
  },
  {
    id: 'dobbeltkontroll',
    kind: 'multiple',
    text: 'Hva krever dobbeltkontroll?',
    options: [
      { id: 'a', text: 'Opioider', correct: true, feedback: 'Tilbakemelding opioider' },
      { id: 'b', text: 'Vitaminer', correct: false, feedback: 'Tilbakemelding vitaminer' },
      { id: 'c', text: 'Insulin', correct: true, feedback: 'Tilbakemelding insulin' },
    ],
    explanation: 'Forklaringstekst om dobbeltkontroll',
  },
]
/** Everything that would tell a reader the answers before answering. */
const secrets = [...practice.flatMap((question) => [question.explanation, ...question.options.map((option) => option.feedback)]), 'Riktig alternativ']

describe('practice questions after a lesson (issue 11)', () => {
  let env: Env
  let site: ReturnType<typeof createSiteApp>
  const lessonsPath = (id: string) => `/api/editor/tenants/akershus/items/${id}/lessons`
  const lessonUrl = '/akershus/e-kurs/ovelseskurs/leksjon/2'
  const action = '/api/v1/exams/akershus/ovelseskurs/lessons/2/practice'
  const withPractice = (questions: unknown) => {
    const lessons = threeLessons() as ReturnType<typeof threeLessons> & { modules: Array<{ lessons: Array<Record<string, unknown>> }> }
    lessons.modules[0]!.lessons[1]!.practice = questions
    return lessons
  }
  const requests = async (path: string) => {
    const operations: string[] = []
    const stop = env.services.clients.onDynamoRequest((operation) => operations.push(operation))
    const response = await site.request(path)
    stop()
    return { response, html: await response.text(), operations }
  }

  beforeAll(async () => {
    env = await createEditorEnvironment('practice')
    site = createSiteApp(env.services, { assets: () => ({}) })
    const course = await env.services.content.create(testCourse('akershus', 'ovelseskurs'))
    const saved = await env.call('PUT', lessonsPath(course.id), env.tokens.akershus, withPractice(practice))
    expect(saved.status, await saved.clone().text()).toBe(200)
    await env.services.content.publish('akershus', course.id, course.version)
    await env.services.catalog.get()
  })

  it('refuses invalid practice questions with 400 and the field, through the exam schema', async () => {
    const course = await env.services.content.create(testCourse('akershus', 'ugyldig-ovelse'))
    const twoRight = structuredClone(practice)
    twoRight[0]!.options[0]!.correct = true
    const six = Array.from({ length: 6 }, (_, index) => ({ ...practice[0]!, id: `q${index}` }))
    const sameIds = [practice[0], practice[0]]
    for (const questions of [twoRight, six, sameIds, [{ ...practice[0], options: [practice[0]!.options[0]] }]]) {
      const response = await env.call('PUT', lessonsPath(course.id), env.tokens.akershus, withPractice(questions))
      expect(response.status).toBe(400)
      expect((await response.json()).code).toBe('bad_request')
    }
  })

  it('shows the questions as a form with a fieldset and legend each, and nothing of the answers, in two requests', async () => {
    const { response, html, operations } = await requests(lessonUrl)
    expect(response.status).toBe(200)
    expect(operations).toEqual(['GetItem', 'GetItem'])
    expect(html).toContain(`<form method="post" action="${action}" class="exam">`)
    expect(html.match(/<fieldset class="exam-question"/g)).toHaveLength(2)
    expect(html).toContain('<legend><span class="eyebrow">Spørsmål 1 av 2</span> Når skal du vaske hendene?</legend>')
    expect(html).toContain('type="radio" id="handhygiene-b" name="handhygiene" value="b"')
    expect(html).toContain('type="checkbox" id="dobbeltkontroll-a" name="dobbeltkontroll" value="a"')
    expect(html).toContain('2 av alternativene er riktige. Velg 2.')
    for (const secret of secrets) expect(html).not.toContain(secret)
    expect(html).not.toMatch(/correct/i)
    // Lessons without practice questions get no form.
    expect((await requests('/akershus/e-kurs/ovelseskurs/leksjon/1')).html).not.toContain('Test deg selv')
  })

  it('checks a plain form post on the server and shows feedback, explanations and the score on the lesson', async () => {
    const posted = await env.apis.request(action, form([['handhygiene', 'a'], ['dobbeltkontroll', 'a'], ['dobbeltkontroll', 'c']]))
    expect(posted.status).toBe(303)
    expect(posted.headers.get('cache-control')).toBe('no-store')
    const location = posted.headers.get('location')!
    expect(location).toBe(`${lessonUrl}?svar=handhygiene%3Aa&svar=dobbeltkontroll%3Aa%2Cc#ovelse-resultat`)
    const { response, html, operations } = await requests(location.split('#')[0]!)
    expect(response.status).toBe(200)
    expect(operations).toEqual(['GetItem', 'GetItem'])
    expect(html).toContain('<h3 id="ovelse-resultat" tabindex="-1">Du svarte riktig på 1 av 2 spørsmål.</h3>')
    for (const secret of secrets) expect(html).toContain(secret)
    expect(html).toContain('Bare etter pasientkontakt <em>(valgt av deg)</em>')
    expect(html).toContain('Før og etter pasientkontakt <em>(Riktig alternativ)</em>')
    expect(html).toContain('Insulin <em>(Riktig alternativ, valgt av deg)</em>')
    expect(html).not.toContain('<form method="post" action="/api/v1/exams/akershus/ovelseskurs/lessons/2/practice"')
    expect(html).toContain(`<a href="${lessonUrl}#ovelse">Svar på spørsmålene på nytt</a>`)
  })

  it('counts an unanswered question as not answered, and stores nothing', async () => {
    const before = await env.services.db.query({ partitionKey: { name: 'PK', value: 'TENANT#akershus' }, limit: 500 })
    const posted = await env.apis.request(action, form([['dobbeltkontroll', 'a'], ['dobbeltkontroll', 'c']]))
    expect(posted.status).toBe(303)
    const html = await (await site.request(posted.headers.get('location')!.split('#')[0]!)).text()
    expect(html).toContain('Du svarte riktig på 1 av 2 spørsmål.')
    expect(html).toContain('Du svarte ikke på dette spørsmålet.')
    const after = await env.services.db.query({ partitionKey: { name: 'PK', value: 'TENANT#akershus' }, limit: 500 })
    expect(after.items).toHaveLength(before.items.length)
  })

  it.each([
    ['an option that is not in the question', [['handhygiene', 'z']]],
    ['a question that is not in the lesson', [['sporsmal-fra-eksamen', 'a']]],
    ['two options to a single choice', [['handhygiene', 'a'], ['handhygiene', 'b']]],
    ['three options to a "Velg 2"', [['dobbeltkontroll', 'a'], ['dobbeltkontroll', 'b'], ['dobbeltkontroll', 'c']]],
  ])('refuses %s with 400', async (_, fields) => {
    const response = await env.apis.request(action, form(fields as Array<[string, string]>))
    expect(response.status).toBe(400)
    expect((await response.json()).code).toBe('bad_request')
  })

  it('answers 404 for a lesson without practice questions, an unknown course and a lesson past the end', async () => {
    for (const path of [
      '/api/v1/exams/akershus/ovelseskurs/lessons/1/practice',
      '/api/v1/exams/akershus/finnes-ikke/lessons/2/practice',
      '/api/v1/exams/akershus/ovelseskurs/lessons/9/practice',
    ])
      expect((await env.apis.request(path, form([['handhygiene', 'b']]))).status, path).toBe(404)
    expect((await env.apis.request('/api/v1/exams/akershus/ovelseskurs/lessons/0/practice', form([]))).status).toBe(400)
  })

  it('shows the lesson unanswered for a query that is not a complete, valid set of answers', async () => {
    for (const query of ['svar=handhygiene%3Ab', 'svar=handhygiene%3Az&svar=dobbeltkontroll%3Aa', 'svar=x%3Aa&svar=y%3Ab', 'svar=handhygiene%3Ab&svar=handhygiene%3Ab']) {
      const html = await (await site.request(`${lessonUrl}?${query}`)).text()
      expect(html, query).toContain(`action="${action}"`)
      for (const secret of secrets) expect(html, query).not.toContain(secret)
    }
  })
})

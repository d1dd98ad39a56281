import { beforeAll, describe, expect, it } from 'vitest'
import type { CourseLessons } from '../../../functions/courses/model.ts'
import { createLessonReading } from '../../../functions/courses/reading.ts'
import { createEditorEnvironment } from '../../support/editors.ts'
import { testCourse, threeLessons } from '../../support/courses.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>

describe('built courses: lessons through the editor API', () => {
  let env: Env
  const lessonsPath = (id: string, tenant = 'akershus') => `/api/editor/tenants/${tenant}/items/${id}/lessons`
  const newCourse = async (slug: string, overrides = {}) => env.services.content.create(testCourse('akershus', slug, overrides))
  beforeAll(async () => {
    env = await createEditorEnvironment('course-lessons')
  })

  it('starts empty at version 0, saves modules and lessons numbered 1..N, and reads them back', async () => {
    const course = await newCourse('grunnkurs')
    expect(await (await env.call('GET', lessonsPath(course.id), env.tokens.akershus)).json()).toEqual({ version: 0, modules: [] })
    const saved = await env.call('PUT', lessonsPath(course.id), env.tokens.akershus, threeLessons())
    expect(saved.status).toBe(200)
    const read = (await (await env.call('GET', lessonsPath(course.id), env.tokens.akershus)).json()) as CourseLessons
    expect(read.version).toBe(1)
    expect(read.modules.map((module) => module.lessons.map((lesson) => [lesson.n, lesson.title]))).toEqual([
      [
        [1, 'Første leksjon'],
        [2, 'Andre leksjon'],
      ],
      [[3, 'Tredje leksjon']],
    ])
  })

  it('answers a stale save with 409 and the lessons as they are now, and writes nothing', async () => {
    const course = await newCourse('stale-kurs')
    await env.call('PUT', lessonsPath(course.id), env.tokens.akershus, threeLessons())
    const renamed = threeLessons(1)
    renamed.modules[0]!.title = 'Nytt navn'
    expect((await env.call('PUT', lessonsPath(course.id), env.tokens.akershus, renamed)).status).toBe(200)
    const stale = await env.call('PUT', lessonsPath(course.id), env.tokens.akershus, { ...threeLessons(1), modules: [threeLessons().modules[1]!] })
    expect(stale.status).toBe(409)
    const body = (await stale.json()) as { code: string; current: CourseLessons }
    expect(body.code).toBe('stale_version')
    expect(body.current.version).toBe(2)
    expect(body.current.modules[0]!.title).toBe('Nytt navn')
    // A second "first save" of the same course is stale too.
    expect((await env.call('PUT', lessonsPath(course.id), env.tokens.akershus, threeLessons(0))).status).toBe(409)
  })

  it('removes lessons past the new end when a course shrinks', async () => {
    const course = await newCourse('krympende-kurs')
    await env.call('PUT', lessonsPath(course.id), env.tokens.akershus, threeLessons())
    await env.call('PUT', lessonsPath(course.id), env.tokens.akershus, { version: 1, modules: [threeLessons().modules[1]!] })
    const records = await env.services.db.query({ partitionKey: { name: 'PK', value: 'TENANT#akershus' }, sortKeyPrefix: { name: 'SK', value: `LESSON#${course.id}#` }, limit: 10 })
    expect(records.items.map((record) => record.title)).toEqual(['Tredje leksjon'])
  })

  it("refuses another region's editor (403), no token (401), and writes nothing", async () => {
    const course = await newCourse('isolert-kurs')
    expect((await env.call('PUT', lessonsPath(course.id), env.tokens.innlandet, threeLessons())).status).toBe(403)
    expect((await env.call('GET', lessonsPath(course.id), env.tokens.innlandet)).status).toBe(403)
    expect((await env.call('PUT', lessonsPath(course.id), undefined, threeLessons())).status).toBe(401)
    // The admin may; the course is still at version 0 until then.
    expect(await (await env.call('GET', lessonsPath(course.id), env.tokens.admin)).json()).toEqual({ version: 0, modules: [] })
  })

  it.each([
    ['an empty module', { version: 0, modules: [{ title: 'Tom', lessons: [] }] }],
    ['a title with a line break', { version: 0, modules: [{ title: 'To\nlinjer', lessons: threeLessons().modules[1]!.lessons }] }],
    ['a script in the body', { version: 0, modules: [{ title: 'M', lessons: [{ title: 'L', body: '<script>alert(1)</script>' }] }] }],
    ['a film path of another kind', { version: 0, modules: [{ title: 'M', lessons: [{ ...threeLessons().modules[1]!.lessons[0]!, media: { kind: 'film', src: '/akershus/podkast/serie', title: 'Serie' } }] }] }],
    ['a traversal as the PDF', { version: 0, modules: [{ title: 'M', lessons: [{ ...threeLessons().modules[1]!.lessons[0]!, pdf: { src: '/media/../etc/passwd.pdf', title: 'PDF' } }] }] }],
    ['31 lessons', { version: 0, modules: [{ title: 'M', lessons: Array.from({ length: 31 }, () => threeLessons().modules[1]!.lessons[0]!) }] }],
    ['a negative version', { ...threeLessons(), version: -1 }],
  ])('refuses %s with 400', async (_name, body) => {
    const course = await newCourse(`ugyldig-${Math.random().toString(36).slice(2, 8)}`)
    const response = await env.call('PUT', lessonsPath(course.id), env.tokens.akershus, body)
    expect(response.status).toBe(400)
    expect(await (await env.call('GET', lessonsPath(course.id), env.tokens.akershus)).json()).toEqual({ version: 0, modules: [] })
  })

  it("refuses another edition's uploaded file in a lesson (400 invalid_media)", async () => {
    const course = await newCourse('fremmed-fil')
    const lesson = { ...threeLessons().modules[1]!.lessons[0]!, pdf: { src: '/media/tenants/innlandet/media/01JAAAAAAAAAAAAAAAAAAAAAAA/veileder.pdf', title: 'Veileder' } }
    const response = await env.call('PUT', lessonsPath(course.id), env.tokens.akershus, { version: 0, modules: [{ title: 'M', lessons: [lesson] }] })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { code: string }).code).toBe('invalid_media')
  })

  it('answers 404 for an unknown course and 400 for an item that is not a course', async () => {
    expect((await env.call('GET', lessonsPath('01JAAAAAAAAAAAAAAAAAAAAAAA'), env.tokens.akershus)).status).toBe(404)
    const { id, tenant, ...article } = { ...testCourse('akershus', 'x'), type: 'artikler' as const }
    const created = await env.call('POST', '/api/editor/tenants/akershus/items', env.tokens.akershus, { ...article, slug: 'ikke-kurs' })
    const articleId = ((await created.json()) as { id: string }).id
    expect((await env.call('PUT', lessonsPath(articleId), env.tokens.akershus, threeLessons())).status).toBe(400)
  })

  it('publish writes lesson snapshots carrying the outline; withdraw removes them', async () => {
    const course = await newCourse('publisert-kurs', { hasExam: true })
    await env.call('PUT', lessonsPath(course.id), env.tokens.akershus, threeLessons())
    const published = await env.call('POST', `/api/editor/tenants/akershus/items/${course.id}/publish`, env.tokens.akershus, { version: course.version })
    expect(published.status).toBe(200)
    const reading = createLessonReading(env.services.db)
    const second = await reading.lesson('akershus', course.id, 2)
    expect(second).toMatchObject({ n: 2, title: 'Andre leksjon', moduleTitle: 'Grunnlag', courseId: course.id })
    expect(second!.outline.modules.map((module) => module.lessons.length)).toEqual([2, 1])
    // Editing lessons changes nothing readers see until the next publish.
    await env.call('PUT', lessonsPath(course.id), env.tokens.akershus, { version: 1, modules: [threeLessons().modules[0]!] })
    expect(await reading.lesson('akershus', course.id, 3)).toBeDefined()
    const item = await env.services.content.getItem('akershus', course.id)
    await env.services.content.publish('akershus', course.id, item!.version)
    expect(await reading.lesson('akershus', course.id, 3)).toBeUndefined()
    expect((await reading.lesson('akershus', course.id, 2))?.outline.modules).toHaveLength(1)
    const again = await env.services.content.getItem('akershus', course.id)
    await env.services.content.withdraw('akershus', course.id, again!.version)
    expect(await reading.lesson('akershus', course.id, 1)).toBeUndefined()
  })

  it('refuses to publish a built course without lessons or an external one without its address (400 publish_blocked)', async () => {
    const built = await newCourse('uten-leksjoner')
    const refused = await env.call('POST', `/api/editor/tenants/akershus/items/${built.id}/publish`, env.tokens.akershus, { version: built.version })
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({ code: 'publish_blocked', problems: [{ code: 'lessons-missing' }] })
    const external = await newCourse('uten-adresse', { delivery: 'external' })
    const blocked = await env.call('POST', `/api/editor/tenants/akershus/items/${external.id}/publish`, env.tokens.akershus, { version: external.version })
    expect(await blocked.json()).toMatchObject({ code: 'publish_blocked', problems: [{ code: 'course-url-missing' }] })
    expect((await env.services.content.getItem('akershus', external.id))?.status).toBe('draft')
  })

  it('publishes and republishes a course of the most lessons allowed, shared nationally, in one transaction each', async () => {
    const course = await newCourse('stort-kurs', { sharedNationally: true, topics: ['demens', 'palliasjon'] })
    const lesson = threeLessons().modules[1]!.lessons[0]!
    const modules = Array.from({ length: 3 }, (_, index) => ({ title: `Modul ${index + 1}`, lessons: Array.from({ length: 10 }, () => lesson) }))
    expect((await env.call('PUT', lessonsPath(course.id), env.tokens.akershus, { version: 0, modules })).status).toBe(200)
    const published = await env.services.content.publish('akershus', course.id, course.version)
    const again = await env.services.content.publish('akershus', course.id, published.version)
    expect(again.status).toBe('published')
    expect(await createLessonReading(env.services.db).lesson('akershus', course.id, 30)).toMatchObject({ n: 30, moduleTitle: 'Modul 3' })
  })

  it('keeps courses saved before delivery existed valid: external, published with their address', async () => {
    const old = await newCourse('gammelt-kurs', { delivery: undefined, courseUrl: 'https://kurs.example.no/gammelt' })
    const published = await env.services.content.publish('akershus', old.id, old.version)
    expect(published.status).toBe('published')
  })
})

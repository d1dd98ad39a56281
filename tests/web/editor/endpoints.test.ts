import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import type { Status } from '../../../functions/content/schema.ts'
import { ApiError, createApiClient, type ApiClient } from '../../../web/editor/api/client.ts'
import { editorClient, me, nationalStatistics, tenantApi, type ItemFields, type TenantApi } from '../../../web/editor/api/endpoints.ts'
import { createEditorEnvironment } from '../../support/editors.ts'
import { testCourse, threeLessons } from '../../support/courses.ts'
import { testEvent } from '../../support/events.ts'
import { publishNew, testArticle } from '../../support/fixtures.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>

const fieldsOf = (slug: string, title: string): ItemFields => {
  const { id, tenant, ...fields } = testArticle('x', slug, { title })
  return fields
}

/**
 * The workspace's typed client (web/editor/api/endpoints.ts, Hono's `hc` over EditorApiType) against the real
 * editor API behind the local router, which refuses a body without its SHA-256 as CloudFront's OAC would.
 */
describe("the workspace's typed editor API client", () => {
  let env: Env
  let api: ApiClient
  let vestfold: TenantApi
  beforeAll(async () => {
    env = await createEditorEnvironment('editor-typed-client')
    api = createApiClient({ token: () => env.tokens.admin, onUnauthorized: () => {}, fetch: async (request) => env.apis.request(request) })
    vestfold = tenantApi(api, 'vestfold')
  })

  it('creates, reads, saves and publishes an item as an editor does', async () => {
    const created = await vestfold.createItem(fieldsOf('typet-klient', 'Første utkast'))
    expect(created).toMatchObject({ status: 'draft', version: 1, tenant: 'vestfold', title: 'Første utkast' })
    expect(await vestfold.getItem(created.id)).toMatchObject({ id: created.id, title: 'Første utkast' })
    const saved = await vestfold.saveItem(created.id, 1, fieldsOf('typet-klient', 'Andre utkast'))
    expect(saved).toMatchObject({ version: 2, title: 'Andre utkast' })
    const published = await vestfold.publish(created.id, saved.version)
    expect(published).toMatchObject({ status: 'published', version: 3 })
    expect(await env.services.content.getPublished('vestfold', 'artikler', 'typet-klient')).toMatchObject({ title: 'Andre utkast' })
    const listed = await vestfold.listItems({ status: 'published', q: '' })
    expect(listed.items.map((item) => item.id)).toContain(created.id)
    expect((await vestfold.revisions(created.id)).items.map((revision) => revision.title)).toEqual(['Andre utkast', 'Første utkast'])
    expect(await vestfold.preview(created.id)).toContain('Andre utkast')
  })

  it('throws a stale save as an ApiError with its code and the item as it is now', async () => {
    const created = await vestfold.createItem(fieldsOf('typet-konflikt', 'Min tekst'))
    await vestfold.saveItem(created.id, 1, fieldsOf('typet-konflikt', 'Kollegas tekst'))
    const stale = await vestfold.saveItem(created.id, 1, fieldsOf('typet-konflikt', 'Min nye tekst')).catch((error: unknown) => error)
    expect(stale).toBeInstanceOf(ApiError)
    expect(stale).toMatchObject({ status: 409, code: 'stale_version' })
    expect((stale as ApiError).current).toMatchObject({ title: 'Kollegas tekst', version: 2 })
  })

  it('reads who is signed in and follows another edition’s item (a 204 without a body)', async () => {
    expect(await me(api)).toMatchObject({ username: 'admin@example.no', isAdmin: true })
    const shared = await tenantApi(api, 'akershus').createItem({ ...fieldsOf('delt-med-alle', 'Delt med alle'), sharedNationally: true })
    await tenantApi(api, 'akershus').publish(shared.id, 1)
    await expect(vestfold.follow('akershus', shared.id)).resolves.toBeUndefined()
    expect((await vestfold.shared('artikler')).items.find((item) => item.id === shared.id)).toMatchObject({ followed: true })
  })

  it("reads an edition's statistics, its CSV and (as an admin) every edition's, over a chosen period", async () => {
    const period = { from: '2026-11-01', to: '2026-11-30' }
    expect(await vestfold.statistics(period)).toMatchObject({ edition: 'vestfold', ...period, totals: { views: 0, downloads: 0 } })
    const csv = await vestfold.statisticsCsv(period)
    expect(csv).toContain('2026-11-01 – 2026-11-30')
    expect(csv).toContain('Totalt')
    const all = await nationalStatistics(api, period)
    expect(all.editions.map((edition) => edition.edition)).toContain('vestfold')
    await expect(vestfold.statistics({ from: '2026-12-01', to: '2026-11-01' })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/from is after to/) })
  })

  it("composes a newsletter issue from the edition's published items, previews it, schedules it and withdraws it", async () => {
    const item = await vestfold.createItem(fieldsOf('nyhetsbrev-sak', 'Sak til nyhetsbrevet'))
    await vestfold.publish(item.id, 1)
    expect((await vestfold.newsletter()).items.map((recent) => recent.id)).toContain(item.id)
    const draft = { subject: 'Nytt fra Vestfold', intro: 'Denne måneden:', itemIds: [item.id] }
    const preview = await vestfold.previewIssue(draft)
    expect(preview.subject).toBe('Nytt fra Vestfold')
    expect(preview.html).toContain('Sak til nyhetsbrevet')
    const issue = await vestfold.scheduleIssue({ ...draft, sendAt: new Date(Date.now() + 86_400_000).toISOString() })
    expect((await vestfold.newsletter()).issues.map((scheduled) => scheduled.id)).toContain(issue.id)
    await expect(vestfold.withdrawIssue(issue.id)).resolves.toBeUndefined()
    expect((await vestfold.newsletter()).issues.map((scheduled) => scheduled.id)).not.toContain(issue.id)
    await expect(vestfold.withdrawIssue(issue.id)).rejects.toMatchObject({ status: 404, code: 'not_found' })
  })

  it("saves a built course's lessons and reads its statistics, closes an event's sign-up, and keeps a partner calendar", async () => {
    const course = await env.services.content.create({ ...testCourse('vestfold', 'typet-kurs'), tenant: 'vestfold' })
    expect(await vestfold.lessons(course.id)).toEqual({ version: 0, modules: [] })
    expect((await vestfold.saveLessons(course.id, threeLessons())).version).toBe(1)
    expect((await vestfold.lessons(course.id)).modules.flatMap((module) => module.lessons.map((lesson) => lesson.title))).toEqual(['Første leksjon', 'Andre leksjon', 'Tredje leksjon'])
    expect(await vestfold.courseStats(course.id)).toMatchObject({ months: [], total: { started: 0, finished: 0, attempts: 0, passes: 0 } })

    const event = await publishNew(env.services, testEvent('vestfold', 'typet-arrangement', { capacity: 10 }))
    expect((await vestfold.signups(event.id)).seats.closed).toBe(false)
    expect((await vestfold.closeSignups(event.id, true)).seats.closed).toBe(true)
    expect(await vestfold.signupsCsv(event.id)).toContain('Navn')

    const feed = await vestfold.subscribePartnerFeed({ partner: 'Sykehuset i Vestfold', url: 'https://kalender.example.no/siv.ics' })
    expect((await vestfold.partnerFeeds()).feeds.map((listed) => listed.id)).toEqual([feed.id])
    await expect(vestfold.fetchPartnerFeed(feed.id)).resolves.toBeUndefined()
    await expect(vestfold.unsubscribePartnerFeed(feed.id)).resolves.toBeUndefined()
    expect((await vestfold.partnerFeeds()).feeds).toEqual([])
    await expect(vestfold.subscribePartnerFeed({ partner: 'Usikker', url: 'http://kalender.example.no/x.ics' })).rejects.toMatchObject({ status: 400, code: 'feed_not_https' })
  })

  it("answers in the routes' own types, and a wrong body or param does not compile (and is refused if sent)", async () => {
    expectTypeOf<Awaited<ReturnType<TenantApi['publish']>>['status']>().toEqualTypeOf<Status>()
    expectTypeOf<Awaited<ReturnType<TenantApi['getMedia']>>>().toHaveProperty('usedBy')
    expectTypeOf<Awaited<ReturnType<TenantApi['listItems']>>['nextCursor']>().toEqualTypeOf<string | null>()
    const items = editorClient(api).api.editor.tenants[':tenant'].items
    const created = await vestfold.createItem(fieldsOf('typet-feil', 'Feil'))
    // @ts-expect-error the version is a number
    const wrongBody = items[':id'].$put({ param: { tenant: 'vestfold', id: created.id }, json: { version: '1', fields: fieldsOf('typet-feil', 'Feil') } })
    await expect(wrongBody).rejects.toMatchObject({ status: 400, code: 'bad_request', message: expect.stringMatching(/version/) })
    // @ts-expect-error the item's id is missing
    const wrongParam = items[':id'].$get({ param: { tenant: 'vestfold' } })
    await expect(wrongParam).rejects.toMatchObject({ status: 400 })
    // @ts-expect-error there is no such action
    const noRoute = items[':id'].retract.$post({ param: { tenant: 'vestfold', id: created.id }, json: { version: 1 } })
    await expect(noRoute).rejects.toMatchObject({ status: 404, code: 'not_found' })
  })
})

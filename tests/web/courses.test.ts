import { beforeAll, describe, expect, it } from 'vitest'
import type { Services } from '../../functions/services.ts'
import { createSiteApp } from '../../web/site/app.tsx'
import { testCourse, threeLessons } from '../support/courses.ts'
import { createTestEnvironment } from '../support/environment.ts'
import { seedCatalog } from '../support/fixtures.ts'

/** The DynamoDB requests one page costs, the catalog warm (it is cached in memory). */
async function requestsFor(services: Services, app: ReturnType<typeof createSiteApp>, path: string) {
  await services.catalog.get()
  const operations: string[] = []
  const stop = services.clients.onDynamoRequest((operation) => operations.push(operation))
  const response = await app.request(path)
  stop()
  return { response, html: await response.text(), operations }
}

async function publishBuilt(services: Services, slug: string, overrides = {}, lessons = threeLessons()) {
  const course = await services.content.create(testCourse('innlandet', slug, overrides))
  await services.courses.saveLessons('innlandet', course.id, lessons)
  return services.content.publish('innlandet', course.id, course.version)
}

describe('reader course and lesson pages', () => {
  let services: Services
  let app: ReturnType<typeof createSiteApp>
  const assets = { 'site.css': '/assets/site-TEST.css', 'course-progress.js': '/assets/course-progress-TEST.js' }
  beforeAll(async () => {
    ;({ services } = await createTestEnvironment('reader-courses', { siteOrigin: 'https://kompetansebroen.example' }))
    await seedCatalog(services, ['nasjonal', 'innlandet'], [])
    await publishBuilt(services, 'med-eksamen', { title: 'Legemiddelhåndtering', hasExam: true, revisedOn: '2026-09-15' })
    await publishBuilt(services, 'uten-eksamen', { title: 'Uten eksamen' })
    const external = await services.content.create(testCourse('innlandet', 'eksternt', { delivery: 'external', courseUrl: 'https://kurs.example.no/x', title: 'Eksternt kurs' }))
    await services.content.publish('innlandet', external.id, external.version)
    app = createSiteApp(services, { assets: () => assets })
  })

  it('shows a built course with its outline, "Start kurset", the revision date and the progress island, in at most 2 requests', async () => {
    const { response, html, operations } = await requestsFor(services, app, '/innlandet/e-kurs/med-eksamen')
    expect(response.status).toBe(200)
    expect(operations.length).toBeLessThanOrEqual(2)
    expect(html).toContain('<a class="button" href="/innlandet/e-kurs/med-eksamen/leksjon/1">Start kurset</a>')
    expect(html).toContain('Innhold i kurset')
    for (const n of [1, 2, 3]) expect(html).toContain(`href="/innlandet/e-kurs/med-eksamen/leksjon/${n}" data-n="${n}"`)
    expect(html).toContain('<h3>Grunnlag</h3>')
    expect(html).toContain('Sist revidert')
    expect(html).toContain('15. september 2026')
    expect(html).toContain('<script type="module" src="/assets/course-progress-TEST.js">')
    // From the render cache it reads the course's snapshot only.
    expect((await requestsFor(services, app, '/innlandet/e-kurs/med-eksamen')).operations).toEqual(['GetItem'])
  })

  it('marks an external course link as leaving the site, and loads no island', async () => {
    const { response, html } = await requestsFor(services, app, '/innlandet/e-kurs/eksternt')
    expect(response.status).toBe(200)
    expect(html).toContain('Kurset ligger på et annet nettsted (kurs.example.no)')
    expect(html).toMatch(/<a class="button" href="https:\/\/kurs.example.no\/x" rel="external noopener">Gå til kurset <span>\(åpnes på et annet nettsted\)<\/span><\/a>/)
    expect(html).not.toContain('course-progress')
    expect(html).not.toContain('Start kurset')
    expect((await app.request('/innlandet/e-kurs/eksternt/leksjon/1')).status).toBe(404)
  })

  it('renders a lesson with its table of contents (aria-current), previous and next, in at most 2 requests', async () => {
    const { response, html, operations } = await requestsFor(services, app, '/innlandet/e-kurs/med-eksamen/leksjon/2')
    expect(response.status).toBe(200)
    expect(operations).toEqual(['GetItem', 'GetItem'])
    expect(html).toContain('<h1>Andre leksjon</h1>')
    expect(html).toContain('Leksjon 2 av 3 · Modul: Grunnlag')
    expect(html).toContain('Tekst i leksjon to.')
    expect(html).toContain('href="/innlandet/e-kurs/med-eksamen/leksjon/2" data-n="2" aria-current="page"')
    expect(html).not.toContain('data-n="1" aria-current')
    expect(html).toContain('<a href="/innlandet/e-kurs/med-eksamen/leksjon/1" rel="prev">Forrige leksjon: Første leksjon</a>')
    expect(html).toContain('<a href="/innlandet/e-kurs/med-eksamen/leksjon/3" rel="next" data-finish="true">Neste leksjon: Tredje leksjon</a>')
    expect(html).toContain('<nav class="pager lesson-pager" aria-label="Forrige og neste leksjon">')
    expect(html).toContain('<link rel="canonical" href="https://kompetansebroen.example/innlandet/e-kurs/med-eksamen/leksjon/2"/>')
  })

  it('links the last lesson to the exam when the course has one, else back to the course', async () => {
    const first = await (await app.request('/innlandet/e-kurs/med-eksamen/leksjon/1')).text()
    expect(first).not.toContain('rel="prev"')
    const last = await (await app.request('/innlandet/e-kurs/med-eksamen/leksjon/3')).text()
    expect(last).toContain('<a class="button" href="/innlandet/e-kurs/med-eksamen/eksamen" data-finish="true">Gå til eksamen</a>')
    expect(last).not.toContain('rel="next"')
    const noExam = await (await app.request('/innlandet/e-kurs/uten-eksamen/leksjon/3')).text()
    expect(noExam).not.toContain('/eksamen')
    expect(noExam).toContain('<a href="/innlandet/e-kurs/uten-eksamen" data-finish="true">Tilbake til kursets forside</a>')
  })

  it.each(['/innlandet/e-kurs/med-eksamen/leksjon/4', '/innlandet/e-kurs/med-eksamen/leksjon/0', '/innlandet/e-kurs/med-eksamen/leksjon/01', '/innlandet/e-kurs/med-eksamen/leksjon/x', '/innlandet/e-kurs/finnes-ikke/leksjon/1', '/atlantis/e-kurs/med-eksamen/leksjon/1'])(
    '%s is a 404 page',
    async (path) => {
      const response = await app.request(path)
      expect(response.status).toBe(404)
      expect(await response.text()).toContain('Vi finner ikke siden')
    },
  )

  it('answers 410 for a withdrawn course and every one of its lessons', async () => {
    const published = await publishBuilt(services, 'trekkes-tilbake')
    expect((await app.request('/innlandet/e-kurs/trekkes-tilbake/leksjon/2')).status).toBe(200)
    await services.content.withdraw('innlandet', published.id, published.version)
    for (const path of ['/innlandet/e-kurs/trekkes-tilbake', '/innlandet/e-kurs/trekkes-tilbake/leksjon/1', '/innlandet/e-kurs/trekkes-tilbake/leksjon/2'])
      expect((await app.request(path)).status, path).toBe(410)
  })

  it('serves /mine-kurs as a shell that says progress needs JavaScript in this browser, with no storage read', async () => {
    const { response, html, operations } = await requestsFor(services, app, '/mine-kurs')
    expect(response.status).toBe(200)
    expect(operations).toEqual([])
    expect(html).toContain('<h1>Mine kurs</h1>')
    expect(html).toContain('må JavaScript være slått på')
    expect(html).toContain('course-progress-TEST.js')
    expect(html).toContain('<meta name="robots" content="noindex"/>')
  })
})

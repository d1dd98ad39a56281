import { Hono } from 'hono'
import { beforeAll, describe, expect, it } from 'vitest'
import { createExamsApiApp } from '../../../functions/exams-api.ts'
import { createAttempts } from '../../../functions/courses/exam-attempts.ts'
import { scormRoutes } from '../../../functions/courses/scorm-routes.ts'
import { importFile } from '../../../functions/media/import.ts'
import type { Services } from '../../../functions/services.ts'
import { onApiError } from '../../../functions/shared/api-errors.ts'
import { createTestEnvironment } from '../../support/environment.ts'
import { seedCatalog } from '../../support/fixtures.ts'
import { goodPackage } from '../../support/scorm-zips.ts'
import { publishCourse } from './exam-support.ts'

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
})

/**
 * A SCORM course's pass through the exams function against DynamoDB Local: the server starts and times the
 * attempt, and accepts a pass only as the SCORM route checks it; an exam's answers can never pass a SCORM attempt.
 */
describe('a SCORM course’s server-checked pass', () => {
  let services: Services
  let packagePath: string
  let clock = new Date()
  const app = () => new Hono().basePath('/api').route('/v1', scormRoutes(services, { now: () => clock })).onError(onApiError)
  const attempts = () => createAttempts(services.db, { now: () => clock })

  beforeAll(async () => {
    ;({ services } = await createTestEnvironment('scorm-pass'))
    await seedCatalog(services, ['nasjonal', 'innlandet'])
    const bytes = await goodPackage({ mastery: 80 })
    const media = await importFile({ s3: services.clients.s3, bucket: services.config.mediaBucket, db: services.db }, {
      tenant: 'innlandet',
      id: '01JD5Z6E2X7Q8R9S0T1V2W3X4Z',
      filename: 'pakke.zip',
      contentType: 'application/zip',
      body: () => bytes,
      createdBy: 'test',
    })
    packagePath = media.path
    // The form sends only the file and a validity; what it claims about the package is replaced by the record's facts.
    await publishCourse(services, 'innlandet', 'scorm-kurs', { delivery: 'scorm', courseUrl: undefined, hasExam: false, durationMinutes: 20, scorm: { src: packagePath, validityMonths: 12, launch: 'evil.html', masteryPercent: 0 } })
  })

  async function start(slug = 'scorm-kurs') {
    const response = await app().request(`/api/v1/exams/innlandet/${slug}/scorm`, form({}))
    expect(response.status).toBe(303)
    const id = response.headers.get('location')!.match(/^\/innlandet\/e-kurs\/scorm-kurs\/scorm\/([0-9A-Z]{26})$/)![1]!
    return id
  }

  it('publishes the package’s facts as the media worker read them, whatever the form claimed', async () => {
    const course = await services.content.getPublished('innlandet', 'e-kurs', 'scorm-kurs')
    expect(course).toMatchObject({ delivery: 'scorm', scorm: { src: packagePath, validityMonths: 12, version: '1.2', launch: 'index.html', masteryPercent: 80, title: 'Testkurs' } })
  })

  it('starts a timed attempt that holds the package, its mastery score and nothing about the reader', async () => {
    const id = await start()
    const attempt = await attempts().get(id)
    expect(attempt).toMatchObject({ kind: 'scorm', tenant: 'innlandet', slug: 'scorm-kurs', passPercent: 80, validityMonths: 12, scormVersion: '1.2', launch: 'index.html', questions: [], createdAt: clock.toISOString() })
    expect(attempt!.packageId).toBe(packagePath.split('/')[5])
    expect(attempt!.expiresAt).toBe(Math.floor(clock.getTime() / 1000) + 24 * 60 * 60)
  })

  it('never lets an exam’s answers pass a SCORM attempt (no questions would score 0 of 0)', async () => {
    const id = await start()
    const response = await createExamsApiApp(services).request(`/api/v1/attempts/${id}/answers`, form({}))
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ code: 'wrong_attempt' })
    expect(await attempts().get(id)).not.toHaveProperty('passed')
  })

  it('refuses a result that reports no pass or no number, sends a reader back when it is too early or the score too low, and passes once', async () => {
    const id = await start()
    const post = (fields: Record<string, string>) => app().request(`/api/v1/attempts/${id}/scorm-result`, form(fields))
    const forged: Array<Record<string, string>> = [{ status: 'completed', score: '100' }, { status: 'passed' }, { status: 'passed', score: '101' }, { status: 'passed', score: 'NaN' }]
    for (const fields of forged) {
      const refused = await post(fields)
      expect(refused.status).toBe(400)
      expect(await refused.json()).toMatchObject({ code: 'scorm_not_passed' })
    }
    // Twenty minutes' course: at least five minutes must have passed.
    clock = new Date(clock.getTime() + 4 * 60_000)
    const early = await post({ status: 'passed', score: '100' })
    expect(early.headers.get('location')).toBe(`/innlandet/e-kurs/scorm-kurs/scorm/${id}?feil=tidlig&vent=60#resultat`)
    clock = new Date(clock.getTime() + 2 * 60_000)
    const low = await post({ status: 'passed', score: '79.5' })
    expect(low.headers.get('location')).toBe(`/innlandet/e-kurs/scorm-kurs/scorm/${id}?feil=poeng#resultat`)
    expect(await attempts().get(id)).not.toHaveProperty('passed')

    const passed = await post({ status: 'passed', score: '90' })
    expect(passed.status).toBe(303)
    expect(passed.headers.get('location')).toBe(`/innlandet/e-kurs/scorm-kurs/scorm/${id}/resultat`)
    expect(await attempts().get(id)).toMatchObject({ passed: true, scorePercent: 90 })
    // Again, with a lower score: nothing changes.
    await post({ status: 'passed', score: '80' })
    expect(await attempts().get(id)).toMatchObject({ scorePercent: 90 })

    // The same kursbevis as an exam's: issued by the exams function for this passed attempt.
    const certificate = await createExamsApiApp(services).request(`/api/v1/attempts/${id}/certificate`, form({ navn: 'Kari Nordmann' }))
    expect(certificate.status).toBe(200)
    expect(certificate.headers.get('content-type')).toBe('application/pdf')
  })

  it('refuses to start a SCORM attempt for a course that is not a SCORM course', async () => {
    await publishCourse(services, 'innlandet', 'vanlig-kurs')
    expect((await app().request('/api/v1/exams/innlandet/vanlig-kurs/scorm', form({}))).status).toBe(404)
  })

  it('will not publish a SCORM course whose file is not an unpacked package', async () => {
    const error = await publishCourse(services, 'innlandet', 'uten-pakke', { delivery: 'scorm', courseUrl: undefined, scorm: { src: '/media/tenants/innlandet/media/01JD5Z6E2X7Q8R9S0T1V2W3X40/pakke.zip' } }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ status: 400 })
  })
})

import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { gzipSync } from 'node:zlib'
import { accessLogHeader, formatAccessLogLine } from '../../functions/analytics/access-log.ts'
import { createMediaStore } from '../../functions/media/store.ts'
import { Db } from '../../functions/shared/db.ts'
import { contentTable } from '../../infra/definitions.ts'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { UploadAnswer } from '../../functions/media/schema.ts'
import type { RuntimeConfig } from '../../functions/shared/config.ts'
import { encodePng } from '../../infra/local/seed/png.ts'
import { createEditorEnvironment } from '../support/editors.ts'
import { testEvent } from '../support/events.ts'
import { publishNew, testArticle } from '../support/fixtures.ts'
import { bank, publishCourse } from '../functions/courses/exam-support.ts'
import { createAttempts } from '../../functions/courses/exam-attempts.ts'
import { startCloudFrontStub } from '../support/cloudfront-stub.ts'
import { watchOutbox } from '../support/outbox.ts'
import { bodyOf, emulatorEnvironment, formPostEvent, functionUrlEvent, headerOf, invoke, objectCreatedEvent, publicHost, scheduledEvent, urlHost, type Invoke } from './lambda-runner.ts'
import { resource, synthesize, type Synthesized } from './synth.ts'


describe('esbuild-bundled Lambda handlers against the emulators', { timeout: 180_000 }, () => {
  let synth: Synthesized
  let config: RuntimeConfig
  let editors: Awaited<ReturnType<typeof createEditorEnvironment>>

  /** The bundle CDK would upload for a function, found through the template's asset metadata. */
  function bundleOf(prefix: string): string {
    const [, fn] = resource(synth.templates.web, 'AWS::Lambda::Function', prefix)
    const dir = join(synth.outdir, fn.Metadata['aws:asset:path'])
    expect(fn.Properties.Handler).toBe('index.handler')
    expect(existsSync(join(dir, 'index.mjs')), `${dir}/index.mjs`).toBe(true)
    expect(existsSync(join(dir, 'index.mjs.map')), 'source map next to the bundle').toBe(true)
    return join(dir, 'index.mjs')
  }

  /** The function's environment as CDK sets it, with AWS resources swapped for the emulators' ones. */
  function emulatorEnv(prefix: string): Record<string, string> {
    const [, fn] = resource(synth.templates.web, 'AWS::Lambda::Function', prefix)
    return emulatorEnvironment(config, prefix, fn.Properties.Environment.Variables.NODE_OPTIONS)
  }

  function invoker(prefix: string, extraEnv: Record<string, string> = {}): Invoke {
    const [, fn] = resource(synth.templates.web, 'AWS::Lambda::Function', prefix)
    const env: Record<string, string> = { ...emulatorEnv(prefix), ...extraEnv }
    // Every variable the template gives the function, the test gives it too.
    for (const name of Object.keys(fn.Properties.Environment.Variables)) expect(Object.keys(env), `sets ${name}`).toContain(name)
    const bundle = bundleOf(prefix)
    return async (event) => (await invoke(bundle, env, [event]))[0]!
  }

  /** What CDK gives the editor API from the auth stack and the distribution, with test values. */
  const editorEnv = () => ({
    AUTH_ISSUER: 'https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_TEST',
    AUTH_JWKS_URL: 'https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_TEST/.well-known/jwks.json',
    AUTH_CLIENT_ID: 'test-client',
    AUTH_HOSTED_UI_URL: 'https://kompetansebroen-test.auth.eu-north-1.amazoncognito.com',
    USER_POOL_ID: 'eu-north-1_TEST',
    ASSETS: JSON.stringify(synth.web.manifest),
  })

  beforeAll(async () => {
    ;[synth, editors] = await Promise.all([
      synthesize({ bundle: true, realWebBuild: true }),
      (async () => {
        const environment = await createEditorEnvironment('bundled-handlers')
        await publishNew(
          environment.services,
          testArticle('vestfold', 'bundlet-artikkel', { title: 'Artikkel levert av den bundlede funksjonen', sharedNationally: true }),
        )
        return environment
      })(),
    ])
    config = editors.config
  })
  afterAll(() => synth?.cleanup())

  describe('public API', () => {
    let api: Invoke
    beforeAll(() => {
      api = invoker('FunctionsPublicApiFunction')
    })

    it('answers GET /api/health with 200 {status: "ok"}, having checked DynamoDB', async () => {
      const result = await api(functionUrlEvent('GET', '/api/health'))
      expect(result.statusCode, bodyOf(result)).toBe(200)
      expect(headerOf(result, 'content-type')).toMatch(/^application\/json/)
      expect(JSON.parse(bodyOf(result))).toEqual({ status: 'ok', checks: { dynamodb: 'ok' } })
    })

    it('lists an edition from DynamoDB, and answers an unknown edition with 404 and an error message', async () => {
      const listed = await api(functionUrlEvent('GET', '/api/v1/editions/vestfold/items', 'type=artikler'))
      expect(listed.statusCode, bodyOf(listed)).toBe(200)
      expect(JSON.parse(bodyOf(listed)).items.map((item: { slug: string }) => item.slug)).toEqual(['bundlet-artikkel'])
      const result = await api(functionUrlEvent('GET', '/api/v1/editions/nope/items'))
      expect(result.statusCode, bodyOf(result)).toBe(404)
      expect(headerOf(result, 'content-type')).toMatch(/^application\/json/)
      expect(JSON.parse(bodyOf(result))).toEqual({ error: expect.stringMatching(/\S/), code: 'not_found' })
    })

    it('is read-only: an exam form post is not its to answer (JSON 404)', async () => {
      const result = await api(formPostEvent('/api/v1/exams/akershus/bundlet-kurs/attempts', []))
      expect(result.statusCode, bodyOf(result)).toBe(404)
      expect(JSON.parse(bodyOf(result))).toMatchObject({ code: 'not_found' })
    })
  })

  describe('exams', () => {
    let exams: Invoke
    beforeAll(() => {
      exams = invoker('FunctionsExamsFunction')
    })

    it('answers an unknown attempt with JSON 404, a malformed id with 400, and another method with 405', async () => {
      const unknown = await exams(formPostEvent('/api/v1/attempts/0123456789ABCDEFGHJKMNPQRS/certificate', [['navn', 'Kari Nordmann']]))
      expect(unknown.statusCode, bodyOf(unknown)).toBe(404)
      expect(headerOf(unknown, 'content-type')).toMatch(/^application\/json/)
      expect(JSON.parse(bodyOf(unknown))).toEqual({ error: expect.stringMatching(/\S/), code: 'not_found' })
      const malformed = await exams(formPostEvent('/api/v1/attempts/nope/certificate', [['navn', 'Kari Nordmann']]))
      expect(malformed.statusCode, bodyOf(malformed)).toBe(400)
      const get = await exams(functionUrlEvent('GET', '/api/v1/attempts/0123456789ABCDEFGHJKMNPQRS/certificate'))
      expect(get.statusCode).toBe(405)
      expect(headerOf(get, 'allow')).toBe('POST')
    })

    it('answers a scored pass with the kursbevis PDF, and issues it once', async () => {
      const course = await publishCourse(editors.services, 'akershus', 'bundlet-kurs')
      const exam = `/api/editor/tenants/akershus/courses/${course.id}/exam`
      expect((await editors.call('PUT', exam, editors.tokens.akershus, { version: 0, ...bank('b') })).status).toBe(200)
      expect((await editors.call('POST', `${exam}/publish`, editors.tokens.akershus, { version: 1 })).status).toBe(200)
      // Started and answered through the bundle too: every exam form post is this function's.
      const started = await exams(formPostEvent('/api/v1/exams/akershus/bundlet-kurs/attempts', []))
      expect(started.statusCode, bodyOf(started)).toBe(303)
      const attempt = (await createAttempts(editors.services.db).get(String(headerOf(started, 'location')).split('/').pop()!))!
      const right = attempt.questions.flatMap((q) => q.options.filter((o) => o.correct).map((o): [string, string] => [q.id, o.id]))
      const answered = await exams(formPostEvent(`/api/v1/attempts/${attempt.id}/answers`, right))
      expect(answered.statusCode, bodyOf(answered)).toBe(303)

      const path = `/api/v1/attempts/${attempt.id}/certificate`
      const result = await exams(formPostEvent(path, [['navn', 'Kari Nordmann']]))
      expect(result.statusCode, bodyOf(result)).toBe(200)
      expect(headerOf(result, 'content-type')).toBe('application/pdf')
      expect(headerOf(result, 'cache-control')).toBe('no-store')
      expect(result.isBase64Encoded).toBe(true)
      const pdf = Buffer.from(result.body!, 'base64')
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      const code = (await createAttempts(editors.services.db).get(attempt.id))!.certificate!
      expect(headerOf(result, 'content-disposition')).toBe(`attachment; filename="kursbevis-${code}.pdf"`)
      expect((await exams(formPostEvent(path, [['navn', 'Kari Nordmann']]))).statusCode).toBe(409)
    })
  })

  describe('editor API', () => {
    it('refuses an editor route without a token with 401, and tells the workspace where to sign in', async () => {
      const api = invoker('FunctionsEditorApiFunction', editorEnv())
      const refused = await api(functionUrlEvent('GET', '/api/editor/tenants/vestfold/items'))
      expect(refused.statusCode).toBe(401)
      expect(JSON.parse(bodyOf(refused))).toMatchObject({ code: 'unauthorized' })
      const config = await api(functionUrlEvent('GET', '/api/editor/config'))
      expect(JSON.parse(bodyOf(config))).toMatchObject({
        authorizeUrl: 'https://kompetansebroen-test.auth.eu-north-1.amazoncognito.com/oauth2/authorize',
        clientId: 'test-client',
      })
      const health = await api(functionUrlEvent('GET', '/api/editor/health'))
      expect(JSON.parse(bodyOf(health))).toEqual({ status: 'ok', checks: { dynamodb: 'ok', s3: 'ok' } })
    })
  })

  describe('scheduler', () => {
    it('runs due schedules when EventBridge calls it with its scheduled event', async () => {
      const scheduler = invoker('FunctionsSchedulerFunction')
      expect(await scheduler(scheduledEvent())).toEqual({ ran: 0 })
    })
  })

  describe('invalidator', () => {
    it('turns the content stream’s outbox records into one CloudFront invalidation of the distribution it is given', async () => {
      const outbox = await watchOutbox(config)
      const cloudfront = await startCloudFrontStub()
      try {
        await publishNew(editors.services, testArticle('ostfold', 'bundlet-invalidering'))
        await publishNew(editors.services, testArticle('innlandet', 'bundlet-invalidering'))
        // DynamoDB Local's own stream records, shaped as Lambda hands them over.
        const event = { Records: await outbox.takeRecords() }
        expect(event.Records).toHaveLength(2)
        // As in AWS: role credentials from the environment; only CloudFront's endpoint is the stub's.
        const env = {
          ...emulatorEnv('FunctionsInvalidatorFunction'),
          DISTRIBUTION_ID: 'E2BUNDLET',
          AWS_ENDPOINT_URL_CLOUDFRONT: cloudfront.endpoint,
          AWS_ACCESS_KEY_ID: 'ASIALAMBDAROLE',
          AWS_SECRET_ACCESS_KEY: 'lambda-role-secret',
          AWS_SESSION_TOKEN: 'lambda-role-session',
        }
        const [result] = await invoke(bundleOf('FunctionsInvalidatorFunction'), env, [event])
        expect(result).toEqual({ batchItemFailures: [] })
        expect(cloudfront.received).toEqual([{ distributionId: 'E2BUNDLET', paths: ['/innlandet*', '/ostfold*'], callerReference: expect.stringMatching(/^batch-/) }])
      } finally {
        await outbox.stop()
        await cloudfront.stop()
      }
    })
  })

  describe('access logs', () => {
    it('counts an IAB download from a gzipped CloudFront log file S3 reports in the log bucket', async () => {
      const id = '01JTESTBVNDXE00000000000AA'
      await createMediaStore(new Db(editors.services.clients.dynamo, config.tables.content, contentTable)).create({
        ...{ id, tenant: 'vestfold', kind: 'audio', status: 'ready', filename: 'episode.mp3', contentType: 'audio/mpeg', bytes: 1_200_000, durationSeconds: 120 },
        ...{ key: `tenants/vestfold/media/${id}/episode.mp3`, path: `/media/tenants/vestfold/media/${id}/episode.mp3` },
        ...{ createdAt: '2026-11-01T10:00:00.000Z', createdBy: 'test', updatedAt: '2026-11-01T10:00:00.000Z' },
      })
      const line = (ip: string, agent: string) =>
        formatAccessLogLine({ date: '2026-11-30', time: '12:00:00', 'c-ip': ip, 'cs-method': 'GET', 'cs-uri-stem': `/media/tenants/vestfold/media/${id}/episode.mp3`, 'sc-status': 200, 'cs(User-Agent)': agent, 'sc-content-len': 1_200_000 })
      const log = gzipSync(`${accessLogHeader}${line('198.51.100.1', 'AppleCoreMedia/1.0.0.21E236 (iPhone)')}\n${line('198.51.100.2', 'Googlebot/2.1')}\n`)
      const key = 'cloudfront/E2BUNDLET.2026-11-30-12.0a1b2c3d.gz'
      await editors.services.clients.s3.send(new PutObjectCommand({ Bucket: config.mediaBucket, Key: key, Body: log }))
      const counter = invoker('FunctionsAccessLogsFunction')
      expect(await counter(objectCreatedEvent(config.mediaBucket, key, log.length))).toEqual({ downloads: 1 })
      expect((await editors.services.analytics.read('vestfold', '2026-11-30', '2026-11-30')).map((row) => [row.id, row.downloads])).toEqual([[id, 1]])
    })
  })

  describe('media worker', () => {
    it('verifies an upload S3 reports at its staging key and copies it to its public key', async () => {
      const bytes = encodePng(16, 9, new Uint8Array(16 * 9 * 3).fill(120))
      const requested = await editors.call('POST', '/api/editor/tenants/vestfold/uploads', editors.tokens.admin, {
        kind: 'image',
        filename: 'bundlet.png',
        contentType: 'image/png',
        size: bytes.length,
      })
      expect(requested.status, await requested.clone().text()).toBe(201)
      const answer = (await requested.json()) as Extract<UploadAnswer, { method: 'post' }>
      const form = new FormData()
      for (const [field, value] of Object.entries(answer.fields)) form.append(field, value)
      form.append('file', new Blob([new Uint8Array(bytes)]), 'upload')
      expect((await fetch(answer.url, { method: 'POST', body: form })).ok).toBe(true)

      const stagedKey = answer.fields.key ?? answer.fields.Key!
      const event = objectCreatedEvent(config.mediaBucket, stagedKey, bytes.length)
      const worker = invoker('FunctionsMediaWorkerFunction')
      expect(await worker(event)).toEqual({ handled: 1 })
      const media = (await (await editors.call('GET', `/api/editor/tenants/vestfold/media/${answer.mediaId}`, editors.tokens.admin)).json()) as { status: string; path: string }
      expect(media.status).toBe('ready')
      const published = await editors.services.clients.s3.send(new HeadObjectCommand({ Bucket: config.mediaBucket, Key: media.path.replace(/^\/media\//, '') }))
      expect(published.ContentLength).toBe(bytes.length)
    })
  })

  describe('search', () => {
    let search: Invoke
    beforeAll(() => {
      search = invoker('FunctionsSearchFunction', { ASSETS: JSON.stringify(synth.web.manifest) })
    })

    it('finds the published article through the API and on the search page, from the documents its publish wrote', async () => {
      const api = await search(functionUrlEvent('GET', '/api/v1/search', 'q=bundlede&edition=vestfold'))
      expect(api.statusCode, bodyOf(api)).toBe(200)
      expect(headerOf(api, 'cache-control')).toMatch(/s-maxage=/)
      expect(JSON.parse(bodyOf(api)).items.map((hit: { path: string }) => hit.path)).toEqual(['/vestfold/artikler/bundlet-artikkel'])
      const page = await search(functionUrlEvent('GET', '/sok', 'q=bundlede'))
      expect(page.statusCode, bodyOf(page)).toBe(200)
      expect(bodyOf(page)).toContain('<meta name="robots" content="noindex"/>')
      expect(bodyOf(page)).toContain('<mark>bundlede</mark>')
      expect(bodyOf(page)).toContain(synth.web.manifest['site.css'])
    })

    it('answers a bad query with JSON 400 and its code', async () => {
      const result = await search(functionUrlEvent('GET', '/api/v1/search', 'q=demens&limit=0'))
      expect(result.statusCode).toBe(400)
      expect(JSON.parse(bodyOf(result))).toMatchObject({ code: 'bad_request', error: expect.stringContaining('limit') })
    })
  })

  describe('events', () => {
    let events: Invoke
    beforeAll(async () => {
      events = invoker('FunctionsEventsFunction', { ASSETS: JSON.stringify(synth.web.manifest) })
      await publishNew(editors.services, testEvent('vestfold', 'bundlet-fagdag', { title: 'Fagdag levert av den bundlede funksjonen' }))
    })

    it('renders the sign-up form, refuses a bad post on the form in bokmål, and answers an unknown cancel link 404', async () => {
      const path = '/vestfold/arrangementer/bundlet-fagdag/pamelding'
      const page = await events(functionUrlEvent('GET', path))
      expect(page.statusCode, bodyOf(page)).toBe(200)
      expect(headerOf(page, 'cache-control')).toBe('no-store')
      expect(bodyOf(page)).toContain('Fagdag levert av den bundlede funksjonen')
      expect(bodyOf(page)).toContain(synth.web.manifest['site.css'])
      const refused = await events(formPostEvent(path, [['name', 'Kari'], ['email', 'ikke-en-adresse']]))
      expect(refused.statusCode).toBe(400)
      expect(bodyOf(refused)).toContain('Skriv en gyldig e-postadresse')
      const unknown = await events(functionUrlEvent('GET', `/avmelding/${'A'.repeat(32)}`))
      expect(unknown.statusCode).toBe(404)
    })
  })

  describe('site', () => {
    let site: Invoke
    beforeAll(() => {
      // The SCORM origin is the second distribution's domain in AWS (infra/stacks/scorm-cdn.ts).
      site = invoker('FunctionsSiteFunction', { ASSETS: JSON.stringify(synth.web.manifest), SCORM_ORIGIN: 'https://scorm.example.no' })
    })

    it('renders the national home in bokmål with content from DynamoDB and the hashed stylesheet', async () => {
      const result = await site(functionUrlEvent('GET', '/'))
      expect(result.statusCode, bodyOf(result)).toBe(200)
      expect(headerOf(result, 'content-type')).toMatch(/^text\/html/)
      const html = bodyOf(result)
      expect(html).toContain('<html lang="nb"')
      expect(html).toContain('Artikkel levert av den bundlede funksjonen')
      expect(html).toContain(synth.web.manifest['site.css'])
    })

    it('builds absolute URLs from the forwarded public host, not the Function URL host', async () => {
      const result = await site(functionUrlEvent('GET', '/vestfold/artikler/bundlet-artikkel'))
      expect(result.statusCode, bodyOf(result)).toBe(200)
      const html = bodyOf(result)
      expect(html).toContain(`https://${publicHost}/vestfold/artikler/bundlet-artikkel`)
      expect(html).not.toContain(urlHost)
    })

    it('signs its DynamoDB requests with the role credentials Lambda puts in the environment', async () => {
      // As in AWS: no endpoint or credentials from our config, so the SDK's own resolution runs, and the bundle's
      // credential provider (functions/shared/lambda-credentials.ts) must find the session Lambda hands over.
      const { DYNAMODB_ENDPOINT, S3_ENDPOINT, ...lambdaLike } = emulatorEnv('FunctionsSiteFunction')
      const env = {
        ...lambdaLike,
        ASSETS: JSON.stringify(synth.web.manifest),
        AWS_ENDPOINT_URL_DYNAMODB: DYNAMODB_ENDPOINT!,
        AWS_ENDPOINT_URL_S3: S3_ENDPOINT!,
        AWS_ACCESS_KEY_ID: 'ASIALAMBDAROLE',
        AWS_SECRET_ACCESS_KEY: 'lambda-role-secret',
        AWS_SESSION_TOKEN: 'lambda-role-session',
      }
      const [result] = await invoke(bundleOf('FunctionsSiteFunction'), env, [functionUrlEvent('GET', '/vestfold/artikler/bundlet-artikkel')])
      expect(result!.statusCode, bodyOf(result!)).toBe(200)
      expect(bodyOf(result!)).toContain('Artikkel levert av den bundlede funksjonen')
    })
  })
})

import { HeadObjectCommand } from '@aws-sdk/client-s3'
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, S3Event, ScheduledEvent } from 'aws-lambda'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { UploadAnswer } from '../../functions/media/schema.ts'
import type { RuntimeConfig } from '../../functions/shared/config.ts'
import { encodePng } from '../../infra/local/seed/png.ts'
import { createEditorEnvironment } from '../support/editors.ts'
import { publishNew, testArticle } from '../support/fixtures.ts'
import { resource, synthesize, type Synthesized } from './synth.ts'


const publicHost = 'kompetansebroen.example.no'
const urlHost = 'abcdefghijklmnopqrstuvwxyz234567.lambda-url.eu-north-1.on.aws'

/**
 * What a Function URL hands the function when CloudFront (with origin access control) calls it: payload
 * format 2.0, the URL's own Host, the public host in x-forwarded-host (set by our edge function), and the
 * signing principal in the IAM authorizer context.
 */
function functionUrlEvent(method: string, path: string, rawQueryString = ''): APIGatewayProxyEventV2 {
  const now = new Date()
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString,
    headers: {
      host: urlHost,
      'x-forwarded-host': publicHost,
      'x-forwarded-proto': 'https',
      'x-forwarded-port': '443',
      'x-forwarded-for': '203.0.113.7, 130.176.0.1',
      'x-amz-cf-id': 'kb-test-cf-id',
      'x-amzn-trace-id': 'Root=1-00000000-000000000000000000000000',
      via: '2.0 0123456789abcdef.cloudfront.net (CloudFront)',
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chromium',
      accept: 'text/html,application/json;q=0.9,*/*;q=0.8',
      'accept-encoding': 'gzip',
      'accept-language': 'nb-NO,nb;q=0.9',
    },
    queryStringParameters: rawQueryString ? Object.fromEntries(new URLSearchParams(rawQueryString)) : undefined,
    requestContext: {
      accountId: '123456789012',
      apiId: urlHost.split('.')[0]!,
      authorizer: {
        iam: {
          accessKey: 'ASIAEXAMPLE',
          accountId: '123456789012',
          callerId: 'AROAEXAMPLE:cloudfront',
          principalOrgId: null,
          userArn: 'arn:aws:sts::123456789012:assumed-role/cloudfront/oac',
          userId: 'AROAEXAMPLE:cloudfront',
        },
      },
      domainName: urlHost,
      domainPrefix: urlHost.split('.')[0]!,
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '130.176.0.1', userAgent: 'Amazon CloudFront' },
      requestId: crypto.randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    } as APIGatewayProxyEventV2['requestContext'],
    isBase64Encoded: false,
  }
}

const lambdaContext = (name: string) => ({
  functionName: name,
  functionVersion: '$LATEST',
  awsRequestId: crypto.randomUUID(),
  memoryLimitInMB: '1024',
  callbackWaitsForEmptyEventLoop: true,
})

const bodyOf = (result: Exclude<APIGatewayProxyResultV2, string>) =>
  result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64').toString('utf8') : (result.body ?? '')
const headerOf = (result: Exclude<APIGatewayProxyResultV2, string>, name: string) =>
  Object.entries(result.headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1]

/**
 * Runs a bundle the way Lambda does: a fresh Node process that imports index.mjs with only the function's
 * environment, from the asset folder (no node_modules above it, so the bundle must be self-contained), then
 * calls `handler` for each event. A child process rather than import() in the test: vitest evaluates test
 * code in a VM context with its own module pipeline, and the handler reads its configuration at import.
 */
const runner = `
const input = JSON.parse(await new Promise((resolve) => { let data = ''; process.stdin.on('data', (c) => (data += c)); process.stdin.on('end', () => resolve(data)) }))
console.log = console.info = console.warn = console.error
const { handler } = await import(input.bundle)
if (typeof handler !== 'function') throw new Error('index.mjs exports no handler function')
const results = []
for (const event of input.events) results.push(await handler(event, input.context))
process.stdout.write(JSON.stringify(results), () => process.exit(0))
`

/** Every event shape a function here is invoked with. */
type LambdaEvent = APIGatewayProxyEventV2 | ScheduledEvent | S3Event

async function invoke(bundle: string, env: Record<string, string>, events: LambdaEvent[]) {
  const child = spawn(process.execPath, ['--input-type=module', '-e', runner], {
    cwd: dirname(bundle),
    // Only what Lambda would set plus the function's variables: nothing leaks in from the test process.
    env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', TZ: 'UTC', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  child.stdin.end(JSON.stringify({ bundle: pathToFileURL(bundle).href, events, context: lambdaContext(basename(dirname(bundle))) }))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`bundle ${bundle} exited with ${code}:\n${stderr}`)
  return JSON.parse(stdout) as Array<Exclude<APIGatewayProxyResultV2, string>>
}

type Invoke = (event: LambdaEvent) => Promise<Exclude<APIGatewayProxyResultV2, string>>

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
    return {
      AWS_REGION: config.region,
      AWS_LAMBDA_FUNCTION_NAME: prefix,
      CONTENT_TABLE: config.tables.content,
      COUNTERS_TABLE: config.tables.counters,
      MEDIA_BUCKET: config.mediaBucket,
      DYNAMODB_ENDPOINT: config.endpoints!.dynamodb!,
      S3_ENDPOINT: config.endpoints!.s3!,
      NODE_OPTIONS: fn.Properties.Environment.Variables.NODE_OPTIONS,
    }
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
    DISTRIBUTION_ID_PARAMETER: '/kompetansebroen-test/distribution-id',
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
  }, 180_000)
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
      const scheduler = invoker('FunctionsSchedulerFunction', { DISTRIBUTION_ID_PARAMETER: '' })
      const event: ScheduledEvent = {
        version: '0',
        id: crypto.randomUUID(),
        'detail-type': 'Scheduled Event',
        source: 'aws.events',
        account: '123456789012',
        time: new Date().toISOString(),
        region: 'eu-north-1',
        resources: ['arn:aws:events:eu-north-1:123456789012:rule/kompetansebroen-prod-web-ScheduleRunner'],
        detail: {},
      }
      expect(await scheduler(event)).toEqual({ ran: 0 })
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
      const event: S3Event = {
        Records: [
          {
            eventVersion: '2.1',
            eventSource: 'aws:s3',
            awsRegion: 'eu-north-1',
            eventTime: new Date().toISOString(),
            eventName: 'ObjectCreated:Post',
            userIdentity: { principalId: 'AWS:AROAEXAMPLE:editor' },
            requestParameters: { sourceIPAddress: '203.0.113.7' },
            responseElements: { 'x-amz-request-id': 'EXAMPLE', 'x-amz-id-2': 'EXAMPLE' },
            s3: {
              s3SchemaVersion: '1.0',
              configurationId: 'kb-test',
              bucket: { name: config.mediaBucket, ownerIdentity: { principalId: 'EXAMPLE' }, arn: `arn:aws:s3:::${config.mediaBucket}` },
              object: { key: encodeURIComponent(stagedKey).replace(/%2F/g, '/'), size: bytes.length, eTag: 'example', sequencer: '0055AED6DCD90281E5' },
            },
          },
        ],
      }
      const worker = invoker('FunctionsMediaWorkerFunction')
      expect(await worker(event)).toEqual({ handled: 1 })
      const media = (await (await editors.call('GET', `/api/editor/tenants/vestfold/media/${answer.mediaId}`, editors.tokens.admin)).json()) as { status: string; path: string }
      expect(media.status).toBe('ready')
      const published = await editors.services.clients.s3.send(new HeadObjectCommand({ Bucket: config.mediaBucket, Key: media.path.replace(/^\/media\//, '') }))
      expect(published.ContentLength).toBe(bytes.length)
    })
  })

  describe('site', () => {
    let site: Invoke
    beforeAll(() => {
      site = invoker('FunctionsSiteFunction', { ASSETS: JSON.stringify(synth.web.manifest) })
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

import type { RuntimeConfig } from '../../functions/shared/config.ts'
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, DynamoDBStreamEvent, S3Event, ScheduledEvent, SNSEvent } from 'aws-lambda'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { basename, dirname } from 'node:path'
import { pathToFileURL } from 'node:url'
import { s3Event } from '../functions/media/events.ts'

/** The events Lambda hands each function here, and a runner that invokes a bundle exactly as Lambda would. */
export const publicHost = 'kompetansebroen.example.no'
export const urlHost = 'abcdefghijklmnopqrstuvwxyz234567.lambda-url.eu-north-1.on.aws'

/**
 * What a Function URL hands the function when CloudFront (with origin access control) calls it: payload
 * format 2.0, the URL's own Host, the public host in x-forwarded-host (set by our edge function), and the
 * signing principal in the IAM authorizer context.
 */
export function functionUrlEvent(method: string, path: string, rawQueryString = ''): APIGatewayProxyEventV2 {
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

/**
 * A reader's plain form POST as the Function URL hands it over after CloudFront: the body base64-encoded, and the
 * hash the Lambda@Edge function set (infra/edge/form-body-hash.ts).
 */
export function formPostEvent(path: string, fields: Array<[string, string]>): APIGatewayProxyEventV2 {
  const body = Buffer.from(new URLSearchParams(fields).toString())
  const event = functionUrlEvent('POST', path)
  event.headers['content-type'] = 'application/x-www-form-urlencoded'
  event.headers['content-length'] = String(body.length)
  event.headers['x-amz-content-sha256'] = createHash('sha256').update(body).digest('hex')
  return { ...event, body: body.toString('base64'), isBase64Encoded: true }
}

const lambdaContext = (name: string) => ({
  functionName: name,
  functionVersion: '$LATEST',
  awsRequestId: crypto.randomUUID(),
  memoryLimitInMB: '1024',
  callbackWaitsForEmptyEventLoop: true,
})

export const bodyOf = (result: Exclude<APIGatewayProxyResultV2, string>) =>
  result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64').toString('utf8') : (result.body ?? '')
export const headerOf = (result: Exclude<APIGatewayProxyResultV2, string>, name: string) =>
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
export type LambdaEvent = APIGatewayProxyEventV2 | ScheduledEvent | S3Event | DynamoDBStreamEvent | SNSEvent

/** A function's environment as CDK sets it, with AWS resources swapped for the emulators' ones. */
export function emulatorEnvironment(config: RuntimeConfig, functionName: string, nodeOptions: string): Record<string, string> {
  return {
    AWS_REGION: config.region,
    AWS_LAMBDA_FUNCTION_NAME: functionName,
    CONTENT_TABLE: config.tables.content,
    COUNTERS_TABLE: config.tables.counters,
    MEDIA_BUCKET: config.mediaBucket,
    DYNAMODB_ENDPOINT: config.endpoints!.dynamodb!,
    S3_ENDPOINT: config.endpoints!.s3!,
    NODE_OPTIONS: nodeOptions,
  }
}

export async function invoke(bundle: string, env: Record<string, string>, events: LambdaEvent[]) {
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

export type Invoke = (event: LambdaEvent) => Promise<Exclude<APIGatewayProxyResultV2, string>>

/** What EventBridge sends the scheduler from its minute rule. */
export function scheduledEvent(): ScheduledEvent {
  return {
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
}

/** What S3 sends the media worker when a browser's POST lands at `key`: the one event builder the media tests use too. */
export const objectCreatedEvent = (bucket: string, key: string, size: number): S3Event => s3Event(bucket, key, 'ObjectCreated:Post', { size })

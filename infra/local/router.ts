import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { Hono, type Context } from 'hono'
import { compress } from 'hono/compress'
import type { CloudFrontHeaders, CloudFrontRequest } from 'aws-lambda'
import { contentSha256Header, hashFormBody, includeBodyLimitBytes } from '../edge/form-body-hash.ts'
import { forwardedAuthorizationHeader, forwardedHostHeader } from '../stacks/edge-functions.ts'
import { accessLogMiddleware } from './access-log.ts'
import { forwardViewerAddress } from './viewer-address.ts'
import { parseMediaPath } from '../../functions/media/paths.ts'
import { isStorageUnavailable, unavailableRetryAfterSeconds } from '../../functions/shared/unavailable.ts'
import { unavailableHtml } from '../../web/site/unavailable-html.ts'
import {
  apiPathPrefix,
  assetsPathPrefix,
  cacheSeconds,
  editorApiPathPrefix,
  embedPathPrefix,
  embedSecurityHeaderLines,
  eventCalendarPathPatterns,
  eventsPathPatterns,
  examsPathPatterns,
  matchesPathPattern,
  searchPathPatterns,
  mediaPathPrefix,
  securityHeaderLines,
  serviceWorker,
} from '../definitions.ts'

/**
 * Plays CloudFront's part locally: the same path rules, headers policy and compression, in front of the
 * same Hono apps the Lambdas export. Media comes from the S3 API (Range → 206), assets from the build folder.
 */
type Fetcher = { fetch: (request: Request) => Response | Promise<Response> }

/** The API functions, each behind its own CloudFront behaviour (infra/stacks/cdn.ts). */
export interface ApiOrigins {
  /** `/api/*` but the editor's: anonymous JSON and readers' form posts (every method; the app answers 405). */
  publicApi: Fetcher
  /** `examsPathPatterns`: readers' exam form posts, start, answers and kursbevis (every method, as the public API). */
  exams: Fetcher
  /** `/api/editor/*`: the workspace's API. */
  editorApi: Fetcher
  /** `searchPathPatterns`: the search API and the search pages (GET and HEAD, as the site's behaviour). */
  search: Fetcher
}

/** Whether CloudFront sends `path` to the search function's behaviours. */
const isSearchPath = (path: string) => searchPathPatterns.some((pattern) => matchesPathPattern(pattern, path))
/** Whether CloudFront sends `path` to the events function's behaviours (sign-up pages and cancel links). */
const isEventsPath = (path: string) => eventsPathPatterns.some((pattern) => matchesPathPattern(pattern, path))
/** Whether CloudFront sends `path` to the embeds' behaviour (issue 18: the site's, GET and HEAD, before search's and the events'). */
const isEmbedPath = (path: string) => path.startsWith(embedPathPrefix)
/** Whether CloudFront sends `path` to the events function's calendar behaviours (GET and HEAD, cached like pages). */
const isCalendarPath = (path: string) => eventCalendarPathPatterns.some((pattern) => matchesPathPattern(pattern, path))

export interface RouterOptions extends ApiOrigins {
  site: Fetcher
  /**
   * `eventsPathPatterns`: events' sign-up pages, their form posts and cancel links (every method). Optional only so
   * routers built for other paths' tests need not name it; the local system always does.
   */
  events?: Fetcher
  s3: S3Client
  mediaBucket: string
  assetsDir: string
  /** Where presigned uploads go (the S3 emulator), allowed in the CSP's connect-src. */
  uploadOrigin?: string
  /** The local sign-in (Cognito's hosted UI in AWS), under /dev-auth. */
  identity?: Fetcher
  /** The SCORM origin (infra/local/scorm-router.ts), the one origin the site's pages may frame besides films. */
  scormOrigin?: string
  /** Where each request's line in CloudFront's standard log format goes (infra/local/access-log.ts), as CloudFront logs. */
  accessLog?: (line: string) => void
}

const assetTypes: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // The SCORM player's page (web/scorm/pages.ts), served on the SCORM origin only.
  '.html': 'text/html; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

const bodyMethods = new Set(['POST', 'PUT', 'PATCH'])

/**
 * CloudFront's OAC signs requests to a Lambda Function URL but cannot hash a body for it, so the client
 * must send the body's SHA-256; Lambda refuses a POST/PUT without it. Refuse here too, so a forgotten
 * header fails on a developer's machine and not first in AWS.
 */
async function requireBodyHash(request: Request): Promise<Response | undefined> {
  if (!bodyMethods.has(request.method)) return undefined
  const declared = request.headers.get(contentSha256Header)
  const actual = createHash('sha256').update(Buffer.from(await request.clone().arrayBuffer())).digest('hex')
  const refuse = (error: string) => Response.json({ error }, { status: 403 })
  if (!declared) return refuse(`Missing ${contentSha256Header} header: send the hex SHA-256 of the request body.`)
  if (declared.toLowerCase() !== actual) return refuse(`${contentSha256Header} does not match the request body.`)
  return undefined
}

/**
 * What the Lambda@Edge function on the public API's and the exams' behaviours does (origin request, body
 * included): the same handler (infra/edge/form-body-hash.ts) run on the request as CloudFront would hand it over,
 * body base64-encoded and cut at the include-body limit.
 */
async function asHashedAtTheEdge(request: Request): Promise<Request | Response> {
  const url = new URL(request.url)
  const headers: CloudFrontHeaders = {}
  request.headers.forEach((value, name) => {
    headers[name] = [{ key: name, value }]
  })
  const event: CloudFrontRequest = { clientIp: '127.0.0.1', method: request.method, uri: url.pathname, querystring: url.search.slice(1), headers }
  if (request.body) {
    const bytes = Buffer.from(await request.clone().arrayBuffer())
    const exposed = bytes.subarray(0, includeBodyLimitBytes)
    event.body = { action: 'read-only', encoding: 'base64', data: exposed.toString('base64'), inputTruncated: exposed.length < bytes.length }
  }
  const result = hashFormBody(event)
  if (!('method' in result)) {
    const answer = new Headers()
    for (const values of Object.values(result.headers ?? {})) for (const { key, value } of values) answer.append(key!, value)
    return new Response(result.body ?? null, { status: Number(result.status), statusText: result.statusDescription, headers: answer })
  }
  const forwarded = new Headers()
  for (const values of Object.values(result.headers)) for (const { key, value } of values) forwarded.append(key!, value)
  return new Request(request, { headers: forwarded })
}

async function serveMedia(c: Context, options: RouterOptions) {
  // As the CloudFront function: exactly an upload's public path, read undecoded, or 404. Staged uploads and
  // anything else in the bucket stay private.
  const media = parseMediaPath(new URL(c.req.url).pathname)
  if (!media) return c.text('Not found', 404)
  return serveObject(c, options, media.key)
}

/** One object of the media bucket as CloudFront's S3 origin answers it: Range → 206, If-None-Match → 304. */
export async function serveObject(c: Context, options: { s3: S3Client; mediaBucket: string }, key: string) {
  const range = c.req.header('range')
  const ifNoneMatch = c.req.header('if-none-match')
  try {
    const command =
      c.req.method === 'HEAD'
        ? new HeadObjectCommand({ Bucket: options.mediaBucket, Key: key, Range: range, IfNoneMatch: ifNoneMatch })
        : new GetObjectCommand({ Bucket: options.mediaBucket, Key: key, Range: range, IfNoneMatch: ifNoneMatch })
    const object = await options.s3.send(command as GetObjectCommand)
    const headers = new Headers({
      'content-type': object.ContentType ?? 'application/octet-stream',
      'accept-ranges': 'bytes',
      'cache-control': object.CacheControl ?? `public, max-age=${cacheSeconds.media}, immutable`,
    })
    if (object.ContentLength !== undefined) headers.set('content-length', String(object.ContentLength))
    if (object.ContentRange) headers.set('content-range', object.ContentRange)
    if (object.ETag) headers.set('etag', object.ETag)
    if (object.LastModified) headers.set('last-modified', object.LastModified.toUTCString())
    const status = object.ContentRange ? 206 : 200
    const body = c.req.method === 'HEAD' ? null : (object.Body?.transformToWebStream() ?? null)
    return new Response(body, { status, headers })
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
    if (status === 304) return new Response(null, { status: 304 })
    if (status === 416) return c.text('Range not satisfiable', 416)
    if (status === 404 || (error as Error).name === 'NoSuchKey' || (error as Error).name === 'NotFound') return c.text('Not found', 404)
    // The S3 emulator stopped, or S3 shedding load (issue 15): a reader's player or page asks again later, not a 500.
    if (isStorageUnavailable(error)) return mediaUnavailable(c.req.method)
    throw error
  }
}

/** The site's storage-free 503 page in bokmål, never cached, with the wait a player or browser may honour. */
const mediaUnavailable = (method: string) =>
  new Response(method === 'HEAD' ? null : unavailableHtml(), {
    status: 503,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'retry-after': String(unavailableRetryAfterSeconds) },
  })

export async function serveAsset(c: Context, assetsDir: string, file = c.req.path.slice(assetsPathPrefix.length)) {
  const relative = normalize(file)
  if (relative.startsWith('..')) return c.text('Not found', 404)
  try {
    const body = await readFile(join(assetsDir, relative))
    return c.body(body, 200, {
      'content-type': assetTypes[extname(relative)] ?? 'application/octet-stream',
      'cache-control': `public, max-age=${cacheSeconds.assets}, immutable`,
    })
  } catch {
    return c.text('Not found', 404)
  }
}

/** What the CloudFront Function on the Lambda behaviours does to a viewer request (infra/stacks/edge-functions.ts). */
function asForwardedByCloudFront(request: Request): Request {
  const headers = new Headers(request.headers)
  const host = headers.get('host')
  if (host) headers.set(forwardedHostHeader, host)
  const authorization = headers.get('authorization')
  if (authorization) headers.set(forwardedAuthorizationHeader, authorization)
  else headers.delete(forwardedAuthorizationHeader)
  return new Request(request, { headers })
}

/** What CloudFront answers a method its behaviour does not allow. */
const methodNotAllowed = (c: Context) =>
  c.text('403 ERROR: This distribution is not configured to allow the HTTP request method that was used for this request.', 403)

/**
 * `/api/*` as CloudFront routes it, in the behaviours' order (CloudFront takes the first pattern that matches): the
 * editor's, the exams', then everything else under `/api/` to the public API. Tests that call the APIs use
 * this too.
 */
export function createApiRouter(origins: ApiOrigins) {
  const router = new Hono()
  router.all(`${editorApiPathPrefix}*`, async (c) => {
    const request = asForwardedByCloudFront(c.req.raw)
    return (await requireBodyHash(request)) ?? origins.editorApi.fetch(request)
  })
  // The rest (createLocalRouter sends only `/api/*` here): every method, as the behaviours allow. A form POST gets
  // its body hash from the edge function; any other POST/PUT without one is refused as Lambda would. The path is
  // matched as CloudFront matches a pattern (`*` crosses `/`), not as Hono's router would.
  router.all('*', async (c) => {
    // The search API's behaviour comes before `/api/*` and allows GET and HEAD only.
    if (isSearchPath(c.req.path)) return ['GET', 'HEAD'].includes(c.req.method) ? origins.search.fetch(asForwardedByCloudFront(c.req.raw)) : methodNotAllowed(c)
    const origin = examsPathPatterns.some((pattern) => matchesPathPattern(pattern, c.req.path)) ? origins.exams : origins.publicApi
    const request = await asHashedAtTheEdge(asForwardedByCloudFront(c.req.raw))
    if (request instanceof Response) return request
    return (await requireBodyHash(request)) ?? origin.fetch(request)
  })
  return router
}

export function createLocalRouter(options: RouterOptions) {
  const router = new Hono()
  const headers = securityHeaderLines({ connect: options.uploadOrigin ? [options.uploadOrigin] : [], scorm: options.scormOrigin })
  // The embeds' behaviour has its own headers policy (issue 18): the only one without frame-ancestors 'none'.
  const embedHeaders = embedSecurityHeaderLines()
  // First, so it logs each response as the viewer gets it, whichever route answered.
  if (options.accessLog) router.use(accessLogMiddleware(options.accessLog))
  router.use(forwardViewerAddress())
  router.use(async (c, next) => {
    await next()
    const isEmbed = isEmbedPath(c.req.path)
    if (isEmbed) c.res.headers.delete('x-frame-options')
    for (const [name, value] of Object.entries(isEmbed ? embedHeaders : headers)) c.res.headers.set(name, value)
  })
  // CloudFront compresses text for the browser; media is passed through untouched so byte ranges stay exact.
  const compressText = compress()
  router.on(['GET', 'HEAD'], `${mediaPathPrefix}*`, (c) => serveMedia(c, options))
  router.on(['GET', 'HEAD'], `${assetsPathPrefix}*`, compressText, (c) => serveAsset(c, options.assetsDir))
  // CloudFront's /sw.js behaviour: the assets bucket's unhashed service worker, revalidated on every check.
  router.on(['GET', 'HEAD'], serviceWorker.path, compressText, async (c) => {
    const response = await serveAsset(c, options.assetsDir, serviceWorker.file)
    if (response.ok) response.headers.set('cache-control', serviceWorker.cacheControl)
    return response
  })
  if (options.identity) {
    const identity = options.identity
    router.all('/dev-auth/*', compressText, (c) => identity.fetch(c.req.raw))
  }
  const apis = createApiRouter(options)
  router.all(`${apiPathPrefix}*`, compressText, (c) => apis.fetch(c.req.raw))
  // The events function's behaviours, after media and assets and before the default: every method, a form post hashed
  // at the edge as on the API's behaviours.
  const events = options.events
  router.all('*', compressText, async (c, next) => {
    if (!events || !isEventsPath(c.req.path) || isEmbedPath(c.req.path)) return next()
    const request = await asHashedAtTheEdge(asForwardedByCloudFront(c.req.raw))
    if (request instanceof Response) return request
    return (await requireBodyHash(request)) ?? events.fetch(request)
  })
  // The site's behaviour allows GET and HEAD only (readers' forms post to /api/).
  // The search pages' behaviours come after media and assets, before the default (the site).
  // So do the calendars' (the events function's, GET and HEAD only).
  router.on(['GET', 'HEAD'], '*', compressText, (c) => {
    // The embeds' behaviour (the site's) comes before search's and the events', whose `/*/…` patterns could match it.
    if (isEmbedPath(c.req.path)) return options.site.fetch(asForwardedByCloudFront(c.req.raw))
    const origin = isSearchPath(c.req.path) ? options.search : events && isCalendarPath(c.req.path) ? events : options.site
    return origin.fetch(asForwardedByCloudFront(c.req.raw))
  })
  router.all('*', methodNotAllowed)
  return router
}

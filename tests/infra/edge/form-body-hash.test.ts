import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import type { CloudFrontRequest, CloudFrontRequestEvent, CloudFrontResultResponse } from 'aws-lambda'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handler as sourceHandler, includeBodyLimitBytes } from '../../../infra/edge/form-body-hash.ts'
import { resource, synthesize, type Synthesized } from '../synth.ts'

type Handler = (event: CloudFrontRequestEvent) => Promise<CloudFrontRequest | CloudFrontResultResponse>

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex')

/**
 * An origin-request event as CloudFront hands it to Lambda@Edge with "include body" on (CloudFront developer guide,
 * "Lambda@Edge event structure"): headers as lists of {key, value}, the custom origin (the Function URL), and the
 * body base64-encoded.
 */
function originRequest(options: {
  method?: string
  uri?: string
  headers?: Record<string, string>
  body?: { data: string; encoding: 'base64' | 'text'; inputTruncated?: boolean }
}): CloudFrontRequestEvent {
  const headers = Object.fromEntries(
    Object.entries({ host: 'abc123.lambda-url.eu-north-1.on.aws', 'user-agent': 'Amazon CloudFront', via: '2.0 1a2b.cloudfront.net (CloudFront)', 'x-forwarded-for': '203.0.113.178', ...options.headers }).map(
      ([name, value]) => [name.toLowerCase(), [{ key: name, value }]],
    ),
  )
  const request: CloudFrontRequest = {
    clientIp: '203.0.113.178',
    method: options.method ?? 'POST',
    uri: options.uri ?? '/api/v1/exams/akershus/eksamenskurs/attempts',
    querystring: '',
    headers,
    origin: {
      custom: {
        customHeaders: {},
        domainName: 'abc123.lambda-url.eu-north-1.on.aws',
        keepaliveTimeout: 5,
        path: '',
        port: 443,
        protocol: 'https',
        readTimeout: 30,
        sslProtocols: ['TLSv1.2'],
      },
    },
    ...(options.body ? { body: { action: 'read-only', inputTruncated: false, ...options.body } } : {}),
  }
  return {
    Records: [
      {
        cf: {
          config: { distributionDomainName: 'd111111abcdef8.cloudfront.net', distributionId: 'EDFDVBD6EXAMPLE', eventType: 'origin-request', requestId: 'r-1' },
          request,
        },
      },
    ],
  }
}

const form = 'application/x-www-form-urlencoded'
/** A form body as browsers send it, plus a byte that is not UTF-8: the hash must be of the bytes, not of a decoding. */
const formBytes = Buffer.concat([Buffer.from('svar=a&svar=c&navn=%C3%86sa+%C3%98rn&x='), Buffer.from([0xff, 0xfe])])
const base64Form = { data: formBytes.toString('base64'), encoding: 'base64' as const }
const hashHeader = (result: CloudFrontRequest | CloudFrontResultResponse) => (result as CloudFrontRequest).headers['x-amz-content-sha256']

/** The handler from source and the exact code in the synthesized template, side by side. */
describe('Lambda@Edge form-body hash (origin request, body included)', { timeout: 120_000 }, () => {
  let synth: Synthesized
  const handlers: Array<[string, () => Handler]> = [['source', () => sourceHandler as Handler]]
  let fromTemplate: Handler
  handlers.push(['template', () => fromTemplate])
  beforeAll(async () => {
    synth = await synthesize()
    const code = resource(synth.templates.edge, 'AWS::Lambda::Function', 'Function')[1].Properties.Code.ZipFile as string
    const module = { exports: {} as { handler: Handler } }
    // As Lambda loads index.js: CommonJS, with Node's own require (the code needs node:crypto only).
    new Function('module', 'exports', 'require', code)(module, module.exports, createRequire(import.meta.url))
    fromTemplate = module.exports.handler
  })
  afterAll(() => synth?.cleanup())

  describe.each(handlers)('%s', (_name, get) => {
    it('sets x-amz-content-sha256 to the SHA-256 of the exact bytes of a base64 form body', async () => {
      const result = await get()(originRequest({ headers: { 'Content-Type': form }, body: base64Form }))
      expect(hashHeader(result)).toEqual([{ key: 'x-amz-content-sha256', value: sha256(formBytes) }])
      expect((result as CloudFrontRequest).body?.data).toBe(base64Form.data)
    })

    it('hashes a text-encoded body as its UTF-8 bytes', async () => {
      const text = 'svar=b&kommentar=bl%C3%A5b%C3%A6r'
      const result = await get()(originRequest({ headers: { 'Content-Type': form }, body: { data: text, encoding: 'text' } }))
      expect(hashHeader(result)).toEqual([{ key: 'x-amz-content-sha256', value: sha256(text) }])
    })

    it('takes the media type whatever its case and parameters, and replaces a hash the viewer sent', async () => {
      const result = await get()(
        originRequest({ headers: { 'Content-Type': 'Application/X-WWW-Form-URLEncoded; charset=UTF-8', 'x-amz-content-sha256': sha256('other') }, body: base64Form }),
      )
      expect(hashHeader(result)).toEqual([{ key: 'x-amz-content-sha256', value: sha256(formBytes) }])
    })

    it('hashes an empty form (no body in the event) as the empty string', async () => {
      const result = await get()(originRequest({ headers: { 'Content-Type': form } }))
      expect(hashHeader(result)?.[0]?.value).toBe(sha256(''))
    })

    it.each([
      ['a JSON POST', 'POST', 'application/json'],
      ['a POST without a content type', 'POST', undefined],
      ['a multipart POST', 'POST', 'multipart/form-data; boundary=x'],
      ['a form PUT', 'PUT', form],
      ['a form PATCH', 'PATCH', form],
      ['a GET', 'GET', undefined],
    ])('passes %s through untouched', async (_what, method, contentType) => {
      const event = originRequest({ method, headers: contentType ? { 'Content-Type': contentType } : {}, body: { data: Buffer.from('{"a":1}').toString('base64'), encoding: 'base64' } })
      const before = structuredClone(event.Records[0]!.cf.request)
      expect(await get()(event)).toEqual(before)
    })

    it('hashes a multipart one-click unsubscribe (RFC 8058 §3.1) on the newsletter\'s unsubscribe path, and only there', async () => {
      const multipart = '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n'
      const body = { data: Buffer.from(multipart).toString('base64'), encoding: 'base64' as const }
      const headers = { 'Content-Type': 'multipart/form-data; boundary=x' }
      const token = 'A'.repeat(32)
      const hashed = await get()(originRequest({ uri: `/akershus/nyhetsbrev/avmelding/${token}`, headers, body }))
      expect(hashHeader(hashed)?.[0]?.value).toBe(sha256(multipart))
      for (const uri of [`/akershus/nyhetsbrev/innstillinger/${token}`, '/akershus/nyhetsbrev', `/akershus/nyhetsbrev/avmelding/${token}/x`]) {
        const event = originRequest({ uri, headers, body })
        const before = structuredClone(event.Records[0]!.cf.request)
        expect(await get()(event), uri).toEqual(before)
      }
    })

    it('keeps what a JSON caller signed itself', async () => {
      const signed = sha256('{"a":1}')
      const result = await get()(originRequest({ headers: { 'Content-Type': 'application/json', 'x-amz-content-sha256': signed }, body: { data: 'eyJhIjoxfQ==', encoding: 'base64' } }))
      expect(hashHeader(result)?.[0]?.value).toBe(signed)
    })

    it('refuses a form body CloudFront truncated with 413 in plain text, since no hash of it could be right', async () => {
      const cut = Buffer.alloc(includeBodyLimitBytes, 'a').toString('base64')
      const result = (await get()(originRequest({ headers: { 'Content-Type': form }, body: { data: cut, encoding: 'base64', inputTruncated: true } }))) as CloudFrontResultResponse
      expect(result.status).toBe('413')
      expect(result.headers?.['content-type']).toEqual([{ key: 'Content-Type', value: 'text/plain; charset=utf-8' }])
      expect(result.headers?.['cache-control']?.[0]?.value).toBe('no-store')
      expect(result.body).toMatch(/for stort/)
    })
  })
})

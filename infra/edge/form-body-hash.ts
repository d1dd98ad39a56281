import { createHash } from 'node:crypto'
import type { CloudFrontRequest, CloudFrontRequestEvent, CloudFrontResultResponse } from 'aws-lambda'

/**
 * Lambda@Edge, origin request with the body included, on the public API's behaviour (infra/stacks/cdn.ts).
 *
 * CloudFront signs every request to a Lambda Function URL with origin access control, and for a POST Lambda
 * refuses a signature without the payload's hash: the viewer must send `x-amz-content-sha256`, the hex
 * SHA-256 of the body (CloudFront docs, "Restrict access to an AWS Lambda function URL origin"). The editor's
 * fetch wrapper does; a reader's plain `<form method="post">` cannot. For those form posts this function
 * hashes the exact bytes CloudFront will forward and sets the header; CloudFront then signs. Everything else
 * passes untouched, so a JSON POST without the header is refused by Lambda as before.
 *
 * Bundled by esbuild into the function's inline code (infra/stacks/form-body-hash.ts), and run as it is by the
 * local router (infra/local/router.ts), so both hash the same way. No dependencies but node:crypto.
 */

export const contentSha256Header = 'x-amz-content-sha256'

/** What an HTML form sends unless it says otherwise (`enctype`), and the only body this function vouches for. */
export const formContentType = 'application/x-www-form-urlencoded'

/**
 * CloudFront exposes at most 1 MB of an origin request's body to Lambda@Edge and marks the rest
 * `inputTruncated` (CloudFront docs, "Restrictions on the request body with the include body option"). The
 * local router truncates at this size to behave the same.
 */
export const includeBodyLimitBytes = 1024 * 1024

/** The answer to a form body too large to hash: plain text, for a reader's browser as much as for a script. */
export const tooLargeText =
  'Skjemaet er for stort til å sendes (over 1 MB).\nThe form is too large to send (over 1 MB).\n'

const header = (request: CloudFrontRequest, name: string) => request.headers[name]?.[0]?.value

/** `application/x-www-form-urlencoded`, with or without parameters such as `; charset=UTF-8`, in any case. */
export function isFormContentType(value: string | undefined): boolean {
  return value?.split(';')[0]!.trim().toLowerCase() === formContentType
}

/** The body's bytes exactly as received: CloudFront hands them over base64-encoded (or, in tests, as text). */
export function bodyBytes(body: CloudFrontRequest['body']): Buffer {
  if (!body || !body.data) return Buffer.alloc(0)
  return body.encoding === 'base64' ? Buffer.from(body.data, 'base64') : Buffer.from(body.data, 'utf8')
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function tooLarge(): CloudFrontResultResponse {
  return {
    status: '413',
    statusDescription: 'Payload Too Large',
    headers: {
      'content-type': [{ key: 'Content-Type', value: 'text/plain; charset=utf-8' }],
      'cache-control': [{ key: 'Cache-Control', value: 'no-store' }],
    },
    body: tooLargeText,
  }
}

/**
 * The newsletter's one-click unsubscribe URL (issue 14, functions/newsletter/paths.ts). RFC 8058 §3.1 lets a mail
 * client POST `List-Unsubscribe=One-Click` as multipart/form-data (its preferred form) as well as URL-encoded, so
 * there, and only there, a multipart body is hashed too; everywhere else it passes untouched as before.
 */
export const oneClickUnsubscribePath = /^\/[a-z0-9-]{1,40}\/nyhetsbrev\/avmelding\/[A-Za-z0-9_-]{32}$/

const isOneClickMultipart = (request: CloudFrontRequest) =>
  oneClickUnsubscribePath.test(request.uri) && header(request, 'content-type')?.split(';')[0]!.trim().toLowerCase() === 'multipart/form-data'

/** The origin request, with the form body's hash set; a form body CloudFront truncated is refused with 413. */
export function hashFormBody(request: CloudFrontRequest): CloudFrontRequest | CloudFrontResultResponse {
  if (request.method !== 'POST' || !(isFormContentType(header(request, 'content-type')) || isOneClickMultipart(request))) return request
  // The rest of the body never reached us, so no hash of it can be right: Lambda would refuse the signature.
  if (request.body?.inputTruncated) return tooLarge()
  // Whatever the viewer claimed is replaced: the hash is of the bytes CloudFront forwards, which are these.
  request.headers[contentSha256Header] = [{ key: contentSha256Header, value: sha256Hex(bodyBytes(request.body)) }]
  return request
}

export const handler = async (event: CloudFrontRequestEvent) => hashFormBody(event.Records[0]!.cf.request)

import { maxMediaPathLength, maxScormPathLength, mediaPathSource, scormPathSource, scormUnsafeSource } from '../../functions/media/paths.ts'
import { mediaPathPrefix, viewerAddressHeader } from '../definitions.ts'

/**
 * Source code of the CloudFront Functions (viewer request, JavaScript runtime 2.0). Kept as plain strings
 * built from the neutral definitions so tests/infra can run the exact code the distribution gets.
 * The runtime is a restricted ECMAScript 5.1-ish engine: `var`, no modules, a global `handler`.
 */

/** Header the site and the APIs read to learn the public host: Function URL origins get their own `Host`. */
export const forwardedHostHeader = 'x-forwarded-host'

/**
 * With origin access control CloudFront signs each request to a Function URL with SigV4 in `Authorization`,
 * replacing whatever the viewer sent. The editor's `Authorization: Bearer …` therefore travels on in this
 * header instead (only ever set here, never trusted from the viewer).
 */
export const forwardedAuthorizationHeader = 'x-forwarded-authorization'

/**
 * For the Lambda behaviours (site, `/api/*` and `/api/editor/*`). `viewerAddressHeader` is always overwritten, so a
 * viewer cannot choose it: X-Forwarded-For cannot serve the rate limits, its first entry being whatever the viewer
 * sent and its last CloudFront's own address once the Function URL hands it over.
 */
export function lambdaOriginRequestCode(): string {
  return `
function handler(event) {
  var request = event.request;
  var headers = request.headers;
  headers[${JSON.stringify(viewerAddressHeader)}] = { value: event.viewer.ip };
  if (headers.host) headers[${JSON.stringify(forwardedHostHeader)}] = { value: headers.host.value };
  if (headers.authorization) headers[${JSON.stringify(forwardedAuthorizationHeader)}] = { value: headers.authorization.value };
  else delete headers[${JSON.stringify(forwardedAuthorizationHeader)}];
  return request;
}
`.trim()
}

/**
 * For `/media/*`: objects are keyed `tenants/{tenant}/media/{id}/{file}` and served at
 * `/media/tenants/…`, so the URL prefix is cut off before S3 sees the key. Anything but exactly an upload's
 * public path (functions/media/paths.ts: no `..`, `//`, `\` or percent-encodings fit it) is answered 404 at
 * the edge, so staged uploads and whatever else may ever land in the bucket cannot leak.
 */
export function mediaRequestCode(): string {
  return `
var mediaPath = new RegExp(${JSON.stringify(mediaPathSource)});
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.length > ${maxMediaPathLength} || !mediaPath.test(uri)) {
    return { statusCode: 404, statusDescription: 'Not Found', headers: { 'cache-control': { value: 'no-store' } } };
  }
  request.uri = uri.substring(${mediaPathPrefix.length - 1});
  return request;
}
`.trim()
}

/**
 * For the SCORM origin's default behaviour (infra/stacks/scorm-cdn.ts): only a package's unpacked files pass,
 * `/tenants/{tenant}/media/{id}/scorm/…`, which is their S3 key as it is; no dot segment or backslash once
 * decoded. The zip an editor uploaded, other uploads and staged files are 404 here, as is everything else.
 */
export function scormRequestCode(): string {
  return `
var scormPath = new RegExp(${JSON.stringify(scormPathSource)});
var unsafe = new RegExp(${JSON.stringify(scormUnsafeSource)});
function notFound() {
  return { statusCode: 404, statusDescription: 'Not Found', headers: { 'cache-control': { value: 'no-store' } } };
}
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.length > ${maxScormPathLength} || !scormPath.test(uri)) return notFound();
  var decoded;
  try {
    decoded = decodeURIComponent(uri);
  } catch (e) {
    return notFound();
  }
  if (unsafe.test(decoded)) return notFound();
  return request;
}
`.trim()
}

import { Hono } from 'hono'
import { brotliDecompressSync } from 'node:zlib'
import { docsPageBrotliBase64, openApiBrotliBase64 } from './document.ts'

// Decompressed on the first ask, not at a cold start: most invocations never serve them.
const once = (base64: string) => {
  let text: string | undefined
  return () => (text ??= brotliDecompressSync(Buffer.from(base64, 'base64')).toString('utf8'))
}
const openApiText = once(openApiBrotliBase64)
const docsPageText = once(docsPageBrotliBase64)

/**
 * `GET /api/v1/openapi.json` (the OpenAPI 3.1 document generate.ts writes from the routes' schemas) and `GET /api/docs`
 * (the same document as a page, docs-page.ts), mounted on the public API under `/api`. Both are written at build time,
 * so the Lambda carries neither zod's JSON Schema writer nor an HTML renderer. Cached at the edge like /api/v1.
 */
export function openApiRoutes() {
  return new Hono()
    .get('/v1/openapi.json', (c) => c.body(openApiText(), 200, { 'content-type': 'application/json; charset=UTF-8' }))
    .get('/docs', (c) => c.html(docsPageText()))
}

import type { MiddlewareHandler } from 'hono'
import { badRequest } from './errors.ts'

const formTypes = /^\s*(multipart\/form-data|application\/x-www-form-urlencoded)\b/i
/** Above every reader form's own body limit (16 KB at most): bigger bodies are left to those limits' 413. */
const CHECKED_BYTES = 64 * 1024

/**
 * A form post whose body cannot be read as a form (multipart without a boundary, a truncated part) makes
 * `c.req.parseBody()` throw a TypeError, which every handler would answer as a 500. Found by the fuzzing in
 * tests/resilience (issue 15): checked once here, on a copy, so each route keeps its own `parseBody()` call (Hono
 * caches the first parse with its options; parsing here with other options would change what the routes read).
 * Only the first 64 KB are read: a bigger body is the routes' body limits' to refuse, before they parse it.
 */
export function readableForms(): MiddlewareHandler {
  return async (c, next) => {
    const type = c.req.header('content-type') ?? ''
    if (c.req.method === 'POST' && formTypes.test(type) && c.req.raw.body) {
      const bytes = await firstBytes(c.req.raw.clone().body!, CHECKED_BYTES + 1)
      if (bytes.length <= CHECKED_BYTES) {
        const readable = await new Response(bytes, { headers: { 'content-type': type } }).formData().then(() => true, () => false)
        if (!readable) throw badRequest('The body is not a readable form: send application/x-www-form-urlencoded, or multipart/form-data with its boundary.')
      }
    }
    await next()
  }
}

async function firstBytes(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let length = 0
  while (length < limit) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    length += value.length
  }
  reader.releaseLock()
  return new Uint8Array(Buffer.concat(chunks))
}
